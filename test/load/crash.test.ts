/**
 * Crash test (issue 22): a child `serve --data-dir` under a client loop of backups, writes and time advances is
 * killed with SIGKILL at seeded random moments, CRASH_KILLS times (20 by default). After each kill:
 *
 * - the directory, recovered in process, equals a reference emulator that ran every statement the server answered
 *   (plus, possibly, the one in flight when it died: journaled but not answered), so no answered statement is lost,
 *   and the engine's invariant checker passes on it;
 * - the next child takes the dead one's lock over and answers with that same state over the wire.
 *
 * The clock is manual, so the reference is exact. FC_SEED picks the moments and the statements.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { assertInvariants } from '../../src/engine/index.js';
import { createEmulator, type Emulator } from '../../src/index.js';
import { fuzzSeed } from '../fuzz/support/scale.js';

const SEED = fuzzSeed();
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const START = '2026-01-01T00:00:00Z';
const OPTIONS = { clock: 'manual', startTime: START, seed: 5 } as const;
const ROOT = resolve(import.meta.dirname, '../..');
/** As `npm start` runs it (from the V8 start-up snapshot, which `npm test`'s build makes): the fast start. */
const BLOB = join(ROOT, 'dist/snapshot/serve.blob');
const root = mkdtempSync(join(tmpdir(), 'obsim-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** sfc-free, small and seeded: a 32-bit LCG is plenty to pick moments and statements. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

const SETUP = [
  "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/a'",
  "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/d'",
  'ALTER SYSTEM ARCHIVELOG',
];

function statement(rand: () => number): string {
  const r = rand();
  if (r < 0.25) return 'ALTER SYSTEM BACKUP DATABASE';
  if (r < 0.45) return 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE';
  if (r < 0.65) return `ALTER EMULATOR WRITE ${1 + Math.floor(rand() * 30)} MACROBLOCKS`;
  if (r < 0.7) return 'SET GLOBAL time_zone = "+0' + Math.floor(rand() * 9) + ':00"';
  return `ALTER EMULATOR ADVANCE TIME ${1 + Math.floor(rand() * 90)} MINUTES`;
}

function serve(dir: string): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const child = spawn(process.execPath, ['--v8-pool-size=1', '--snapshot-blob', BLOB, 'serve', '--port', '0', '--clock', 'manual', '--start-time', START, '--seed', '5', '--log-level', 'warn', '--data-dir', dir], {
    stdio: 'pipe',
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolvePort, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ob-backup-sim listening on [^\n]*:(\d+)\n/.exec(out);
      if (m) resolvePort({ child, port: Number(m[1]), stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));

/** What must survive: the backup views, the clock, faults and globals, as the embedded API shows them. */
function fingerprint(emu: Emulator): string {
  const views = ['CDB_OB_BACKUP_JOB_HISTORY', 'CDB_OB_BACKUP_SET_FILES', 'CDB_OB_ARCHIVELOG_PIECE_FILES', 'CDB_OB_BACKUP_TASK_HISTORY', 'CDB_OB_BACKUP_JOBS'];
  return json([...views.map((v) => emu.execute(`SELECT * FROM oceanbase.${v}`)), emu.execute('SHOW EMULATOR STATUS'), emu.execute('SELECT @@global.time_zone')]);
}

/** A statement as the reference runs it: as root@mysql_tenant, as the client loop does. */
function apply(ref: Emulator, sql: string): void {
  ref.execute(sql, { tenant: 'mysql_tenant' });
}

describe(`a --data-dir server killed with SIGKILL ${KILLS} times (seed ${SEED})`, () => {
  it('loses no answered statement, and every recovered state passes the invariant checker', async () => {
    const rand = lcg(SEED);
    const dir = join(root, 'data');
    const ref = createEmulator(OPTIONS);
    let answered = 0;
    let inFlightKept = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const { child, port } = await serve(dir);
      const conn = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root@mysql_tenant', password: '' });
      conn.on('error', () => undefined);
      if (kill === 0) {
        // One server per data directory: a second one refuses to start, saying why.
        const second = await serve(dir).then(
          () => 'started',
          (e: Error) => e.message,
        );
        expect(second).toMatch(/exited with 1: ob-backup-sim serve: the data directory .* is in use by another ob-backup-sim \(pid \d+/);
        for (const sql of SETUP) {
          await conn.query(sql);
          apply(ref, sql);
        }
      } else {
        // The restarted server answers with the recovered state over the wire too.
        const [rows] = await conn.query('SELECT COUNT(*) AS n FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY');
        const refRows = ref.execute('SELECT COUNT(*) FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY', { tenant: 'mysql_tenant' });
        expect(String((rows as { n: number }[])[0]!.n)).toBe(refRows.kind === 'rows' ? String(refRows.resultSet.rows[0]![0]) : '?');
      }
      const dies = new Promise<void>((r) => child.once('exit', () => r()));
      const killAfterMs = 20 + Math.floor(rand() * 250);
      setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      let inFlight: string | null = null;
      for (;;) {
        const sql = statement(rand);
        inFlight = sql;
        try {
          await conn.query(sql);
        } catch (e) {
          // An OceanBase error is an answer too (the journal keeps refused statements); a dead socket is not.
          if ((e as { errno?: number }).errno === undefined || (e as { fatal?: boolean }).fatal === true) break;
        }
        apply(ref, sql);
        answered++;
        inFlight = null;
      }
      await dies;
      // The directory as the dead server left it, recovered in process: the reference, or the reference plus the
      // statement in flight (it may have been journaled and not answered).
      const copy = join(root, `copy-${kill}`);
      cpSync(dir, copy, { recursive: true });
      const recovered = createEmulator({ ...OPTIONS, dataDir: copy });
      assertInvariants(recovered.inspect());
      const got = fingerprint(recovered);
      if (got !== fingerprint(ref) && inFlight !== null) {
        apply(ref, inFlight);
        inFlightKept++;
      }
      expect(got, `after kill ${kill + 1}`).toBe(fingerprint(ref));
      recovered.close();
      rmSync(copy, { recursive: true, force: true });
    }
    expect(answered).toBeGreaterThan(KILLS);
    console.log(`crash test: ${KILLS} kills, ${answered} answered statements, ${inFlightKept} in-flight statements found journaled`);
  });
});
