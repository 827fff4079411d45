/**
 * SAVE / LOAD SNAPSHOT and the snapshot files (emulator.md "State that lasts"): refused without a snapshot
 * directory, names that cannot leave it, sys only; a missing, foreign, truncated, corrupted or other-version file
 * is refused with a message saying which, and the cluster is exactly as before.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, StartError, type Emulator } from '../../../src/index.js';
import { encodeContainer } from '../../../src/persist/container.js';

/** JSON of a state, change logs cut to their used length (a loaded log has no spare room, a live one has). */
const json = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return `${x}n`;
    const log = x as { length?: number; timesUs?: Float64Array; blocks?: Uint32Array } | null;
    if (log?.timesUs instanceof Float64Array && log.blocks instanceof Uint32Array && typeof log.length === 'number') {
      return { length: log.length, timesUs: [...log.timesUs.subarray(0, log.length)], blocks: [...log.blocks.subarray(0, log.length)] };
    }
    return x;
  });
const root = mkdtempSync(join(tmpdir(), 'obsim-snap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cli = join(resolve(import.meta.dirname, '../../..'), 'dist/src/cli/main.js');

function busy(dir?: string): Emulator {
  const emu = createEmulator({ clock: 'manual', startTime: '2026-01-01T00:00:00Z', ...(dir === undefined ? {} : { snapshotDir: dir }) });
  const t = emu.session({ tenant: 'mysql_tenant' });
  for (const sql of [
    "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/a'",
    "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/d'",
    'ALTER SYSTEM ARCHIVELOG',
    'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
    'ALTER SYSTEM BACKUP DATABASE',
    'ALTER EMULATOR ADVANCE TIME 1 HOURS',
  ]) {
    expect(t.execute(sql).kind, sql).toBe('ok');
  }
  return emu;
}

/** The state a load must not have touched: the whole cluster, typed arrays included, and the global variables. */
const stateOf = (emu: Emulator): string => json(emu.inspect().state) + json(emu.execute('SELECT @@global.time_zone'));

describe('SAVE / LOAD SNAPSHOT statements', () => {
  it('are refused without a snapshot directory, with a message naming the option', () => {
    const emu = busy();
    for (const action of ['SAVE', 'LOAD']) {
      const r = emu.execute(`ALTER EMULATOR ${action} SNAPSHOT 'x'`);
      expect(r).toMatchObject({ kind: 'ObError', name: 'OB_OP_NOT_ALLOW', errno: 4179 });
      expect(r.kind === 'ObError' ? r.message : '').toContain('--snapshot-dir');
    }
  });

  it('accept only names that stay inside the directory, and only from sys', () => {
    const dir = mkdtempSync(join(root, 'names-'));
    const emu = busy(dir);
    for (const name of ['../escape', 'a/b', '/etc/passwd', '', 'x y', 'a\\\\b', 'é']) {
      const r = emu.execute(`ALTER EMULATOR SAVE SNAPSHOT '${name}'`);
      expect(r, name).toMatchObject({ kind: 'ObError', name: 'OB_INVALID_ARGUMENT' });
      expect(r.kind === 'ObError' ? r.message : '').toContain('[A-Za-z0-9_.-]+');
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(root, 'escape.obsnap'))).toBe(false);
    expect(emu.execute("ALTER EMULATOR SAVE SNAPSHOT 'ok'", { tenant: 'mysql_tenant' })).toMatchObject({ errno: 1227 });
    expect(emu.execute("ALTER EMULATOR SAVE SNAPSHOT 'v1.2_x-y'")).toEqual({ kind: 'ok' });
    expect(readdirSync(dir)).toEqual(['v1.2_x-y.obsnap']);
  });

  it('print back as they parse', () => {
    const emu = busy();
    expect(emu.execute("alter emulator save snapshot 'a'")).toMatchObject({ name: 'OB_OP_NOT_ALLOW' });
    expect(emu.execute('ALTER EMULATOR SAVE SNAPSHOT a')).toMatchObject({ kind: 'ObError', errno: 1064 });
  });

  it('a LOAD replaces the cluster, another cluster of the server stays as it is', () => {
    const dir = mkdtempSync(join(root, 'iso-'));
    const emu = busy(dir);
    expect(emu.execute("ALTER EMULATOR SAVE SNAPSHOT 's'")).toEqual({ kind: 'ok' });
    const other = json(emu.execute('SELECT * FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY', { cluster: 'other' }));
    expect(emu.execute("ALTER EMULATOR LOAD SNAPSHOT 's'", { cluster: 'w2' })).toEqual({ kind: 'ok' });
    expect(json(emu.execute('SELECT * FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY', { cluster: 'w2' }))).toBe(json(emu.execute('SELECT * FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY')));
    expect(json(emu.execute('SELECT * FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY', { cluster: 'other' }))).toBe(other);
    expect(json(emu.execute('SHOW EMULATOR STATUS', { cluster: 'w2' }))).toContain('"w2"');
  });
});

describe('refused snapshot files change nothing', () => {
  const dir = mkdtempSync(join(root, 'bad-'));
  const saver = busy(dir);
  saver.execute('SET GLOBAL time_zone = "+03:00"');
  expect(saver.execute("ALTER EMULATOR SAVE SNAPSHOT 'good'")).toEqual({ kind: 'ok' });
  const good = readFileSync(join(dir, 'good.obsnap'));

  /** A file with its checksum recomputed, so only the change under test is wrong. */
  const resealed = (bytes: Buffer): Buffer => {
    const out = Buffer.from(bytes);
    out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
    return out;
  };
  const versionBumped = Buffer.from(good);
  versionBumped.writeUInt32LE(2, 8);
  const flipped = Buffer.from(good);
  flipped[Math.floor(good.length / 2)]! ^= 0x40;
  const cases: readonly (readonly [string, Buffer | string, string, string])[] = [
    ['truncated to half', good.subarray(0, good.length >> 1), 'OB_INVALID_ARGUMENT', 'truncated'],
    ['truncated by one byte', good.subarray(0, good.length - 1), 'OB_INVALID_ARGUMENT', 'truncated'],
    ['cut inside the header', good.subarray(0, 10), 'OB_INVALID_ARGUMENT', 'truncated'],
    ['empty', Buffer.alloc(0), 'OB_INVALID_ARGUMENT', 'truncated'],
    ['one byte flipped', flipped, 'OB_INVALID_ARGUMENT', 'checksum mismatch'],
    ['bytes appended', Buffer.concat([good, Buffer.from('x')]), 'OB_INVALID_ARGUMENT', 'corrupted'],
    ['foreign', Buffer.from('{"tenants": []}\n'), 'OB_INVALID_ARGUMENT', 'not an ob-backup-sim snapshot'],
    ['a newer format', versionBumped, 'OB_INVALID_ARGUMENT', 'snapshot format version 2; this ob-backup-sim 0.1.0 reads format version 1'],
    [
      'an older cluster state',
      resealed(encodeContainer('snapshot', { writer: 'ob-backup-sim 0.0.1' }, { config: {}, state: { formatVersion: 0 }, globals: [] })),
      'OB_INVALID_ARGUMENT',
      'written by ob-backup-sim 0.0.1 with cluster state version 0; this ob-backup-sim 0.1.0 reads state version 1',
    ],
    ['a checkpoint, not a snapshot', encodeContainer('checkpoint', {}, {}), 'OB_INVALID_ARGUMENT', 'checkpoint file, not a snapshot'],
  ];

  for (const [what, bytes, name, message] of cases) {
    it(`${what}: refused ("${message}")`, () => {
      writeFileSync(join(dir, 'bad.obsnap'), bytes);
      const emu = busy(dir);
      const before = stateOf(emu);
      const r = emu.execute("ALTER EMULATOR LOAD SNAPSHOT 'bad'");
      expect(r).toMatchObject({ kind: 'ObError', name });
      expect(r.kind === 'ObError' ? r.message : '').toContain(message);
      expect(r.kind === 'ObError' ? r.message : '').toContain('bad.obsnap');
      expect(stateOf(emu)).toBe(before);
      expect(() => createEmulator({ snapshot: join(dir, 'bad.obsnap') })).toThrow(StartError);
    });
  }

  it('a missing snapshot: OB_ENTRY_NOT_EXIST naming the file', () => {
    const emu = busy(dir);
    const before = stateOf(emu);
    const r = emu.execute("ALTER EMULATOR LOAD SNAPSHOT 'nope'");
    expect(r).toMatchObject({ kind: 'ObError', name: 'OB_ENTRY_NOT_EXIST' });
    expect(r.kind === 'ObError' ? r.message : '').toContain('nope.obsnap');
    expect(stateOf(emu)).toBe(before);
  });

  it('the good file loads, global variables included', () => {
    const emu = busy(dir);
    expect(emu.execute("ALTER EMULATOR LOAD SNAPSHOT 'good'")).toEqual({ kind: 'ok' });
    expect(json(emu.execute('SELECT @@global.time_zone'))).toContain('+03:00');
    expect(json(emu.inspect().state.tenants)).toBe(json(saver.inspect().state.tenants));
  });

  it('serve refuses to start from a bad --snapshot, or a missing --snapshot-dir, saying why (exit 1)', () => {
    writeFileSync(join(dir, 'bad.obsnap'), good.subarray(0, 100));
    const bad = spawnSync(process.execPath, [cli, 'serve', '--port', '0', '--snapshot', join(dir, 'bad.obsnap')], { encoding: 'utf8', timeout: 20_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.obsnap is refused: truncated');
    const noDir = spawnSync(process.execPath, [cli, 'serve', '--port', '0', '--snapshot-dir', join(dir, 'none')], { encoding: 'utf8', timeout: 20_000 });
    expect(noDir.status).toBe(1);
    expect(noDir.stderr).toContain('does not exist or is not a directory');
  });
});

describe('a REALTIME cluster in a snapshot', () => {
  it('goes on from the saved virtual time when loaded later', () => {
    const emu = createEmulator({ clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
    expect(emu.execute('ALTER EMULATOR SET CLOCK REALTIME')).toEqual({ kind: 'ok' });
    const bytes = emu.saveSnapshot();
    const savedNow = emu.inspect().state.nowUs;
    const later = createEmulator({ clock: 'manual', startTime: '2027-01-01T00:00:00Z' });
    later.loadSnapshot(bytes);
    // Anchored at the load: virtual time is the saved instant plus the few real microseconds since.
    expect(later.now().getTime() * 1000 - savedNow).toBeLessThan(5_000_000);
    expect(later.now().getTime() * 1000).toBeGreaterThanOrEqual(savedNow - 1000);
  });
});
