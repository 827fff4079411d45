/**
 * `--data-dir` in process (emulator.md "State that lasts"): a restart rebuilds every cluster exactly (checkpoint
 * plus journal), RESET and LOAD SNAPSHOT are journaled, a torn last record is dropped with a message, damage
 * elsewhere and a bad checkpoint are refused without changing anything, and a second emulator on the directory
 * is refused. A "crash" is a copy of the directory taken while the emulator runs, as SIGKILL would leave it (the
 * journal is written before each answer); test/load/crash.test.ts kills real servers.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, StartError, type Emulator } from '../../../src/index.js';
import { assertInvariants } from '../../../src/engine/index.js';

const root = mkdtempSync(join(tmpdir(), 'obsim-dd-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
let n = 0;
const fresh = (): string => join(root, `d${++n}`);
const OPTIONS = { clock: 'manual', startTime: '2026-01-01T00:00:00Z', seed: 3 } as const;

const SCRIPT = [
  ['mysql_tenant', "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/a'"],
  ['mysql_tenant', "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/d'"],
  ['mysql_tenant', 'ALTER SYSTEM ARCHIVELOG'],
  ['sys', 'ALTER EMULATOR ADVANCE TIME 10 SECONDS'],
  ['mysql_tenant', "SET ENCRYPTION ON IDENTIFIED BY 'pw' ONLY"],
  ['mysql_tenant', 'ALTER SYSTEM BACKUP DATABASE'],
  ['sys', 'SET GLOBAL time_zone = "+02:00"'],
  ['sys', 'ALTER EMULATOR ADVANCE TIME 2 HOURS'],
  ['mysql_tenant', 'ALTER EMULATOR WRITE 20 MACROBLOCKS'],
  ['mysql_tenant', 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE'],
  ['sys', 'ALTER EMULATOR INJECT FAULT BACKUP DEST ERROR = OB_IO_ERROR AFTER 1 HOURS FOR 10 MINUTES'],
  ['sys', 'ALTER EMULATOR ADVANCE TIME 3 HOURS'],
  ['mysql_tenant', 'ALTER SYSTEM BACKUP DATABASE'],
  ['sys', 'ALTER EMULATOR ADVANCE TIME 1 HOURS'],
] as const;

/** Runs SCRIPT[from, to) in one session per tenant (SET ENCRYPTION is a session's), in cluster `c`. */
function run(emu: Emulator, to = SCRIPT.length, c = ''): void {
  const sessions = new Map<string, ReturnType<Emulator['session']>>();
  for (const [tenant, sql] of SCRIPT.slice(0, to)) {
    let s = sessions.get(tenant);
    if (s === undefined) sessions.set(tenant, (s = emu.session({ tenant, cluster: c })));
    expect(s.execute(sql).kind, sql).toBe('ok');
  }
}

function fingerprint(emu: Emulator, c = ''): string {
  const views = ['CDB_OB_BACKUP_JOB_HISTORY', 'CDB_OB_BACKUP_SET_FILES', 'CDB_OB_ARCHIVELOG_PIECE_FILES', 'CDB_OB_BACKUP_TASK_HISTORY'];
  return json([...views.map((v) => emu.execute(`SELECT * FROM oceanbase.${v}`, { cluster: c })), emu.execute('SHOW EMULATOR STATUS', { cluster: c }), emu.execute('SHOW EMULATOR FAULTS', { cluster: c }), emu.execute('SELECT @@global.time_zone', { cluster: c })]);
}

function reference(to = SCRIPT.length): Emulator {
  const emu = createEmulator(OPTIONS);
  run(emu, to);
  return emu;
}

/** The directory as a crash would leave it: a copy taken now, while the emulator still holds the original. */
function crashCopy(dir: string): string {
  const copy = fresh();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const journalOf = (dir: string): string => join(dir, readdirSync(dir).filter((f) => f.startsWith('journal-')).sort().at(-1)!);

describe('a data directory', () => {
  it('brings every cluster back after a clean stop, and they go on as if never stopped', () => {
    const dir = fresh();
    const a = createEmulator({ ...OPTIONS, dataDir: dir });
    run(a);
    run(a, 8, 'second');
    a.close();
    const b = createEmulator({ ...OPTIONS, startTime: '2031-01-01T00:00:00Z', dataDir: dir });
    const ref = reference();
    expect(fingerprint(b)).toBe(fingerprint(ref));
    expect(fingerprint(b, 'second')).toContain('"COMPLETED"');
    assertInvariants(b.inspect());
    for (const emu of [b, ref]) emu.execute('ALTER EMULATOR WRITE 7 MACROBLOCKS', { tenant: 'mysql_tenant' });
    for (const emu of [b, ref]) emu.execute('ALTER SYSTEM BACKUP INCREMENTAL DATABASE', { tenant: 'mysql_tenant' });
    b.advance('1h');
    ref.advance('1h');
    expect(fingerprint(b)).toBe(fingerprint(ref));
    b.close();
  });

  it('after a crash, replays the journal: every answered statement is there', () => {
    for (let k = 1; k <= SCRIPT.length; k += 4) {
      const live = createEmulator(OPTIONS);
      run(live, k);
      const dir = fresh();
      const emu = createEmulator({ ...OPTIONS, dataDir: dir });
      run(emu, k);
      const after = createEmulator({ ...OPTIONS, dataDir: crashCopy(dir) });
      expect(fingerprint(after), `after ${k} statements`).toBe(fingerprint(live));
      assertInvariants(after.inspect());
      after.close();
      emu.close();
    }
  });

  it('keeps SET GLOBAL of numbers and words across a crash (the globals hold bigints)', () => {
    const dir = fresh();
    const a = createEmulator({ ...OPTIONS, dataDir: dir });
    const s = a.session({ tenant: 'sys' });
    for (const sql of ['SET GLOBAL ob_query_timeout = 5000000', 'SET GLOBAL time_zone = "+03:00"', 'SET GLOBAL max_allowed_packet = 1048576']) expect(s.execute(sql).kind, sql).toBe('ok');
    const after = createEmulator({ ...OPTIONS, dataDir: crashCopy(dir) });
    expect(after.execute('SELECT @@global.ob_query_timeout, @@global.time_zone, @@global.max_allowed_packet')).toMatchObject({ resultSet: { rows: [[5000000n, '+03:00', 1048576n]] } });
    after.close();
    a.close();
  });

  it('finishes an ADVANCE TIME the crash cut between its slices, as the statement would have ended', () => {
    const dir = fresh();
    const a = createEmulator({ ...OPTIONS, dataDir: dir });
    run(a);
    // Whole frames ([u32 length][u32 CRC][payload]) after the 16-byte header: drop the last, the advance's
    // final slice, as a SIGKILL between two slices leaves the journal.
    const cut = crashCopy(dir);
    const bytes = readFileSync(journalOf(cut));
    const starts: number[] = [];
    for (let at = 16; at < bytes.length; at += 8 + bytes.readUInt32LE(at)) starts.push(at);
    truncateSync(journalOf(cut), starts.at(-1)!);
    const notes: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: (_e: string, f: Readonly<Record<string, string | number>>) => void notes.push(String(f['detail'])) };
    const recovered = createEmulator({ ...OPTIONS, dataDir: cut, logger });
    expect(notes.join('\n')).toMatch(/finished 1 ADVANCE TIME the server had begun and not answered/);
    expect(fingerprint(recovered)).toBe(fingerprint(reference()));
    assertInvariants(recovered.inspect());
    recovered.close();
    // The finishing slices were journaled: the next start replays them and has nothing left to finish.
    notes.length = 0;
    const again = createEmulator({ ...OPTIONS, dataDir: cut, logger });
    expect(notes).toEqual([]);
    expect(fingerprint(again)).toBe(fingerprint(reference()));
    again.close();
    a.close();
  });

  it('drops a torn last record with a message, and refuses damage before the end or a bad checkpoint', () => {
    const dir = fresh();
    const a = createEmulator({ ...OPTIONS, dataDir: dir });
    run(a);
    const journal = journalOf(dir);
    const size = statSync(journal).size;
    // Torn: the last record (the last ADVANCE's step) cut short. Its statement was never answered.
    const torn = crashCopy(dir);
    truncateSync(journalOf(torn), size - 3);
    const warnings: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: (_e: string, f: Readonly<Record<string, string | number>>) => void warnings.push(String(f['detail'])) };
    const recovered = createEmulator({ ...OPTIONS, dataDir: torn, logger });
    expect(warnings.join('\n')).toMatch(/dropped a record cut at offset \d+/);
    assertInvariants(recovered.inspect());
    // Appending resumes at the last good record: another restart reads a clean journal.
    recovered.execute('ALTER EMULATOR WRITE 1 MACROBLOCKS', { tenant: 'mysql_tenant' });
    recovered.close();
    const again: string[] = [];
    createEmulator({ ...OPTIONS, dataDir: torn, logger: { ...logger, warn: (_e, f) => void again.push(String(f['detail'])) } }).close();
    expect(again).toEqual([]);
    // A last record with a bad checksum is torn too.
    const flippedEnd = crashCopy(dir);
    const bytes = readFileSync(journalOf(flippedEnd));
    bytes[bytes.length - 2]! ^= 0xff;
    writeFileSync(journalOf(flippedEnd), bytes);
    warnings.length = 0;
    createEmulator({ ...OPTIONS, dataDir: flippedEnd, logger }).close();
    expect(warnings.join('\n')).toContain('a last record with a bad checksum');
    // Damage in the middle: refused, naming the file, and nothing changed.
    const damaged = crashCopy(dir);
    const mid = readFileSync(journalOf(damaged));
    mid[Math.floor(mid.length / 2)]! ^= 0xff;
    writeFileSync(journalOf(damaged), mid);
    // (A dead server's LOCK is taken over and released again: that is the only file a refused start touches.)
    const files = (): string => json(readdirSync(damaged).filter((f) => f !== 'LOCK').map((f) => [f, statSync(join(damaged, f)).size]));
    const listing = files();
    expect(() => createEmulator({ ...OPTIONS, dataDir: damaged })).toThrow(/journal-\d+\.log is refused: corrupted: the record at offset \d+ fails its checksum/);
    expect(files()).toBe(listing);
    a.close();
    // A checkpoint (written by close) damaged or cut: refused.
    for (const cut of [(b: Buffer) => b.subarray(0, b.length - 10), (b: Buffer) => Buffer.concat([b.subarray(0, 40), Buffer.from([b[40]! ^ 1]), b.subarray(41)])]) {
      const bad = crashCopy(dir);
      const path = join(bad, 'checkpoint.obckp');
      writeFileSync(path, cut(readFileSync(path)));
      expect(() => createEmulator({ ...OPTIONS, dataDir: bad })).toThrow(/checkpoint\.obckp is refused: (truncated|corrupted)/);
    }
  });

  it('refuses a second emulator on the same directory while the first holds it', () => {
    const dir = fresh();
    const a = createEmulator({ ...OPTIONS, dataDir: dir });
    expect(() => createEmulator({ ...OPTIONS, dataDir: dir })).toThrow(StartError);
    expect(() => createEmulator({ ...OPTIONS, dataDir: dir })).toThrow(/is in use by another .*one server per data directory/);
    a.close();
    createEmulator({ ...OPTIONS, dataDir: dir }).close();
  });

  it('journals RESET and LOAD SNAPSHOT', () => {
    const dir = fresh();
    const snaps = fresh();
    const a = createEmulator({ ...OPTIONS, dataDir: dir, snapshotDir: (mkdirSync(snaps), snaps) });
    run(a, 8);
    expect(a.execute("ALTER EMULATOR SAVE SNAPSHOT 'eight'")).toEqual({ kind: 'ok' });
    expect(a.execute('ALTER EMULATOR RESET')).toEqual({ kind: 'ok' });
    run(a, 3, 'other');
    expect(a.execute("ALTER EMULATOR LOAD SNAPSHOT 'eight'", { cluster: 'other' })).toEqual({ kind: 'ok' });
    const blank = fingerprint(a);
    const loaded = fingerprint(a, 'other');
    const b = createEmulator({ ...OPTIONS, dataDir: crashCopy(dir) });
    expect(fingerprint(b)).toBe(blank);
    expect(fingerprint(b, 'other')).toBe(loaded);
    expect(fingerprint(b, 'other')).toContain('COMPLETED');
    a.close();
    b.close();
  });

  it('a REALTIME cluster resumes at the real time of the restart, stepping through the time it was down', async () => {
    const dir = fresh();
    // 1 real ms = 1 virtual minute: 300 ms down is 5 virtual hours, enough for a backup to finish meanwhile.
    const a = createEmulator({ clock: 'realtime', speed: 60_000, startTime: '2026-01-01T00:00:00Z', dataDir: dir });
    const t = a.session({ tenant: 'mysql_tenant' });
    t.execute("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/d'");
    t.execute("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/a'");
    t.execute('ALTER SYSTEM ARCHIVELOG');
    // Archiving reaches DOING some virtual seconds later (a few real µs here): BACKUP needs it there.
    await new Promise((r) => setTimeout(r, 5));
    const backup = t.execute('ALTER SYSTEM BACKUP DATABASE');
    expect(backup, JSON.stringify(backup)).toMatchObject({ kind: 'ok' });
    const downAt = a.now().getTime();
    a.close();
    await new Promise((r) => setTimeout(r, 300));
    const b = createEmulator({ clock: 'realtime', speed: 60_000, dataDir: dir });
    const now = b.now().getTime();
    expect(now - downAt).toBeGreaterThanOrEqual(300 * 60_000 * 0.9);
    expect(json(b.execute('SELECT STATUS FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY', { tenant: 'mysql_tenant' }))).toContain('COMPLETED');
    assertInvariants(b.inspect());
    b.close();
  });
});

