/**
 * The embedded API (emulator.md "Embedded use", issue 3 item 11): SQL in, typed results or OceanBase errors out,
 * with sessions, clusters and a manual virtual clock.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type ResultSet, type StatementResult } from '../../../src/index.js';
import type { Temporal } from '../../../src/result.js';

const START = '2024-01-31T03:20:59.804836Z';

function rowsOf(result: StatementResult): ResultSet {
  if (isObError(result)) throw new Error(`unexpected error ${result.errno}: ${result.message}`);
  if (result.kind !== 'rows') throw new Error('expected rows');
  return result.resultSet;
}

function errorOf(result: StatementResult) {
  if (!isObError(result)) throw new Error(`expected an error, got ${result.kind}`);
  return { errno: result.errno, sqlState: result.sqlState, message: result.message };
}

const setUp = `
  ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive';
  ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data';
  ALTER SYSTEM ARCHIVELOG`;

describe('createEmulator', () => {
  it('answers a query without FROM with typed values', () => {
    const emu = createEmulator({ startTime: START });
    const rs = rowsOf(emu.execute('SELECT 1, ob_version(), @@version_comment LIMIT 1'));
    expect(rs.columns.map((c) => c.name)).toEqual(['1', 'ob_version()', '@@version_comment']);
    expect(rs.rows[0]?.[0]).toBe(1n);
    expect(rs.rows[0]?.[1]).toBe('4.2.5.0');
  });

  it('runs a script statement by statement, stopping at the first error (wire.md §10)', () => {
    const s = createEmulator({ startTime: START }).session();
    const results = s.query('SET @a = 41; SELECT @a + 1 AS answer; SELEC oops; SELECT 2');
    expect(results).toHaveLength(3);
    expect(rowsOf(results[1]!).rows).toEqual([[42n]]);
    expect(errorOf(results[2]!)).toEqual({
      errno: 1064,
      sqlState: '42000',
      message:
        "You have an error in your SQL syntax; check the manual that corresponds to your OceanBase version for the right syntax to use near 'SELEC oops' at line 1",
    });
  });

  it('refuses an unknown tenant with 1045 in OceanBase words (statements.md §9)', () => {
    const emu = createEmulator({ startTime: START });
    expect(() => emu.session({ tenant: 'no_such_tenant' })).toThrow(
      "Access denied for user 'root'@'127.0.0.1' (using password: NO)",
    );
  });

  it('drives a backup through the views as a user tenant, and time moves only when advanced', () => {
    const emu = createEmulator({ startTime: START });
    const t = emu.session({ tenant: 'mysql_tenant', database: 'oceanbase' });
    for (const r of t.query(setUp)) expect(isObError(r)).toBe(false);
    emu.advance('10s');
    expect(rowsOf(t.execute('SELECT STATUS FROM DBA_OB_ARCHIVELOG')).rows).toEqual([['DOING']]);
    expect(isObError(t.execute('ALTER SYSTEM BACKUP DATABASE'))).toBe(false);
    expect(rowsOf(t.execute('SELECT job_id, status, backup_type FROM DBA_OB_BACKUP_JOBS')).rows).toEqual([[1n, 'INIT', 'FULL']]);
    expect(errorOf(t.execute('ALTER SYSTEM BACKUP DATABASE')).errno).toBe(9036);
    emu.advance('10m');
    expect(rowsOf(t.execute('SELECT count(*) FROM DBA_OB_BACKUP_JOBS')).rows).toEqual([[0n]]);
    expect(rowsOf(t.execute('SELECT job_id, status FROM DBA_OB_BACKUP_JOB_HISTORY')).rows).toEqual([[1n, 'COMPLETED']]);
  });

  it('SET ENCRYPTION marks the next backup of the same session, and a new session starts without it (statements.md §8)', () => {
    const emu = createEmulator({ startTime: START });
    const t = emu.session({ tenant: 'mysql_tenant', database: 'oceanbase' });
    t.query(setUp);
    emu.advance('10s');
    t.query("SET ENCRYPTION ON IDENTIFIED BY 'secret' ONLY; ALTER SYSTEM BACKUP DATABASE");
    expect(rowsOf(t.execute('SELECT @__ob_backup_encryption_mode__, @__ob_backup_encryption_passwd__')).rows).toEqual([
      ['PASSWORD', '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7'],
    ]);
    expect(rowsOf(t.execute('SELECT encryption_mode, passwd FROM DBA_OB_BACKUP_JOBS')).rows).toEqual([
      ['PASSWORD', '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7'],
    ]);
    const fresh = emu.session({ tenant: 'mysql_tenant' });
    expect(rowsOf(fresh.execute('SELECT @__ob_backup_encryption_mode__')).rows).toEqual([[null]]);
  });

  it('keeps clusters isolated: each cluster name has its own tenants, jobs and clock', () => {
    const emu = createEmulator({ startTime: START });
    const a = emu.session({ tenant: 'mysql_tenant', cluster: 'worker_a', database: 'oceanbase' });
    const b = emu.session({ tenant: 'mysql_tenant', cluster: 'worker_b', database: 'oceanbase' });
    a.query(setUp);
    emu.advance('10s', 'worker_a');
    a.execute('ALTER SYSTEM BACKUP DATABASE');
    expect(rowsOf(a.execute('SELECT count(*) FROM DBA_OB_BACKUP_JOBS')).rows).toEqual([[1n]]);
    expect(rowsOf(b.execute('SELECT count(*) FROM DBA_OB_BACKUP_JOBS')).rows).toEqual([[0n]]);
    expect(emu.now('worker_a').getTime() - emu.now('worker_b').getTime()).toBe(10_000);
  });

  it('is deterministic: the same statements give the same rows', () => {
    const run = () => {
      const emu = createEmulator({ startTime: START, seed: 7 });
      const t = emu.session({ tenant: 'mysql_tenant', database: 'oceanbase' });
      t.query(setUp);
      emu.advance('10s');
      t.execute('ALTER SYSTEM BACKUP DATABASE');
      emu.advance('1h');
      return rowsOf(t.execute('SELECT * FROM DBA_OB_BACKUP_SET_FILES'));
    };
    expect(run()).toEqual(run());
  });

  it('reports SHOW EMULATOR STATUS as Variable_name / Value rows', () => {
    const emu = createEmulator({ startTime: START, seed: 3 });
    const rows = rowsOf(emu.execute('SHOW EMULATOR STATUS')).rows;
    expect(rows).toContainEqual(['clock_mode', 'MANUAL']);
    expect(rows).toContainEqual(['seed', '3']);
    expect(rows).toContainEqual(['now_usec', String(Date.parse(START) * 1000 + 836)]);
  });
});

describe('ALTER EMULATOR WRITE n MACROBLOCKS (emulator.md Control statements)', () => {
  it('marks n distinct macroblocks, so the next incremental copies exactly n', () => {
    const emu = createEmulator({ startTime: START });
    const t = emu.session({ tenant: 'mysql_tenant', database: 'oceanbase' });
    t.query(`ALTER EMULATOR SET WRITE RATE 0 MB PER SECOND; ${setUp}`);
    emu.advance('10s');
    t.execute('ALTER SYSTEM BACKUP DATABASE');
    emu.advance('10m');
    const written = t.execute('ALTER EMULATOR WRITE 100 MACROBLOCKS');
    expect(written).toEqual({ kind: 'ok', affectedRows: 100 });
    t.execute('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
    emu.advance('10m');
    expect(rowsOf(t.execute('SELECT backup_set_id, backup_type, macro_block_count FROM DBA_OB_BACKUP_SET_FILES ORDER BY 1')).rows).toEqual([
      [1n, 'FULL', expect.any(BigInt)],
      [2n, 'INC', 100n],
    ]);
  });
});

describe('SHOW RESTORE PREVIEW (statements.md §3.7)', () => {
  it('lists the sets and pieces the last ALTER SYSTEM RESTORE … PREVIEW of the session would use', () => {
    const emu = createEmulator({ startTime: START });
    const t = emu.session({ tenant: 'mysql_tenant' });
    t.query(setUp);
    emu.advance('10s');
    t.execute('ALTER SYSTEM BACKUP DATABASE');
    emu.advance('10m');
    const sys = emu.session();
    expect(sys.query("ALTER SYSTEM RESTORE FROM 'file:///data/nfs/backup/data,file:///data/nfs/backup/archive' PREVIEW")).toEqual([{ kind: 'ok' }]);
    const preview = rowsOf(sys.execute('SHOW RESTORE PREVIEW'));
    expect(preview.columns.map((c) => c.name)).toEqual(['BACKUP_TYPE', 'BACKUP_ID', 'PREVIEW_PATH', 'BACKUP_DESC']);
    expect(preview.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['BACKUP_SET', 1n, 'file:///data/nfs/backup/data/backup_set_1_full'],
      ['BACKUP_PIECE', 1n, 'file:///data/nfs/backup/archive/piece_d1001r1p1'],
    ]);
    // The preview is consumed, as the session variables that carried it are cleared.
    expect(errorOf(sys.execute('SHOW RESTORE PREVIEW')).errno).toBe(1235);
    expect(errorOf(t.execute('SHOW RESTORE PREVIEW')).errno).toBe(4179);
  });
});

describe('a statement run again', () => {
  it('answers a repeated statement from what holds now: database, time zone, clock and variables (the kept context)', () => {
    const emu = createEmulator({ startTime: START });
    const s = emu.session();
    // UNIX_TIMESTAMP reads a wall-clock time in the session's zone (the context's), @@time_zone the variable itself.
    const ask = (): readonly unknown[] => rowsOf(s.query("SELECT DATABASE(), UNIX_TIMESTAMP('2024-01-01 00:00:00'), NOW(), @x")[0]!).rows[0]!;
    const first = ask();
    expect(ask()).toEqual(first);
    // One change at a time, each seen by the very next run of the same statement.
    s.query('USE mysql');
    expect(ask()[0]).toBe('mysql');
    s.query("SET time_zone = '-05:00'");
    expect(ask()[1]).toBe(1704085200n);
    s.query('SET @x = 7');
    expect(ask()[3]).toBe(7n);
    const before = ask()[2] as Temporal;
    emu.advance('10s');
    expect((ask()[2] as Temporal).utcMicros - before.utcMicros).toBe(10_000_000n);
  });
});
