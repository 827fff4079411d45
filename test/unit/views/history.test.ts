/**
 * A scripted history driven through the engine (manual clock, hand-built statements): archive on, a FULL backup
 * (watched while running), an INC, an INC that fails because archive is stopped mid-backup, archive restarted as
 * round 2, an INC canceled mid-way. The rows of each view then equal hand-computed expectations: ids, statuses,
 * prev-set ids, SCN relations, NULLs, byte display and rates (views.md §4-§7, §9-§11).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { advance } from '../../../src/engine/index.js';
import type { Cluster } from '../../../src/engine/index.js';
import { Decimal, Temporal } from '../../../src/result.js';
import type { RowObject } from './helpers.js';
import { archivelog, backup, cancel, finishJobs, newCluster, ok, session, set, text, view } from './helpers.js';

const T1 = 1002;
const ARCHIVE = 'file:///backup/1002/archive';
const DATA = 'file:///backup/1002/data';

let c: Cluster;
/** Snapshots taken while the FULL backup was running. */
let running: { jobs: RowObject[]; tasks: RowObject[]; sets: RowObject[]; history: RowObject[] };
let failedAtUs = 0;

beforeAll(() => {
  c = newCluster();
  const s = session(T1);
  ok(c, s, set('log_archive_dest', `location=${ARCHIVE}`));
  ok(c, s, set('data_backup_dest', DATA));
  ok(c, s, archivelog(true));
  advance(c, 10_000);
  // 1: FULL, watched while it copies data.
  ok(c, s, backup(false));
  for (let i = 0; i < 60 && view(c, T1, 'DBA_OB_BACKUP_TASKS')[0]?.['STATUS'] !== 'BACKUP_DATA_MAJOR'; i++) advance(c, 1000);
  running = {
    jobs: view(c, T1, 'DBA_OB_BACKUP_JOBS'),
    tasks: view(c, T1, 'DBA_OB_BACKUP_TASKS'),
    sets: view(c, T1, 'DBA_OB_BACKUP_SET_FILES'),
    history: view(c, T1, 'DBA_OB_BACKUP_JOB_HISTORY'),
  };
  finishJobs(c, T1);
  // 2: INC after some writes.
  advance(c, 600_000);
  ok(c, s, { kind: 'EmulatorWriteMacroblocks', count: '5', tenant: null });
  ok(c, s, backup(true));
  finishJobs(c, T1);
  // 3: INC failed: archive stopped while it runs.
  ok(c, s, backup(true));
  advance(c, 3000);
  ok(c, s, archivelog(false));
  failedAtUs = c.state.nowUs;
  finishJobs(c, T1);
  advance(c, 5000);
  // Archive restarted: round 2.
  ok(c, s, archivelog(true));
  advance(c, 10_000);
  // 4: INC canceled mid-way.
  ok(c, s, backup(true));
  advance(c, 3000);
  ok(c, s, cancel);
  finishJobs(c, T1);
  advance(c, 60_000);
});

const us = (v: unknown): number => Number((v as Temporal).utcMicros);

describe('while the FULL backup runs', () => {
  it('the job is in DBA_OB_BACKUP_JOBS with END_TIMESTAMP NULL and nothing in the history', () => {
    expect(running.history).toEqual([]);
    expect(running.jobs).toHaveLength(1);
    const j = running.jobs[0]!;
    expect([j['JOB_ID'], j['BACKUP_SET_ID'], j['STATUS'], j['BACKUP_TYPE'], j['END_TIMESTAMP'], j['RESULT']]).toEqual([1n, 1n, 'DOING', 'FULL', null, 0n]);
    expect([j['INITIATOR_TENANT_ID'], j['INITIATOR_JOB_ID'], j['EXECUTOR_TENANT_ID'], j['JOB_LEVEL'], j['PLUS_ARCHIVELOG']]).toEqual([1002n, 0n, '1002', 'USER_TENANT', 'OFF']);
    expect([j['ENCRYPTION_MODE'], j['PASSWD'], j['COMMENT'], j['DESCRIPTION'], j['PATH']]).toEqual(['NONE', '', '', '', DATA]);
  });

  it('the task has END_SCN 0, no end time and rate 0.0000; USER_LS_START_SCN follows START_SCN', () => {
    const t = running.tasks[0]!;
    expect([t['TASK_ID'], t['JOB_ID'], t['BACKUP_SET_ID'], t['STATUS'], t['END_SCN'], t['END_TIMESTAMP']]).toEqual([1n, 1n, 1n, 'BACKUP_DATA_MAJOR', 0n, null]);
    expect(text(t['OUTPUT_RATE_BYTES'])).toBe('0.0000');
    expect(t['USER_LS_START_SCN'] as bigint).toBeGreaterThan(t['START_SCN'] as bigint);
    expect([t['META_TURN_ID'], t['DATA_TURN_ID'], t['MINOR_TURN_ID'], t['MAJOR_TURN_ID']]).toEqual([1n, 0n, 1n, 1n]);
  });

  it('the set is DOING / COPYING with SCNs 0 and their displays NULL, ELAPSED_SECONDES 0', () => {
    const s = running.sets[0]!;
    expect([s['STATUS'], s['FILE_STATUS'], s['START_REPLAY_SCN'], s['START_REPLAY_SCN_DISPLAY']]).toEqual(['DOING', 'COPYING', 0n, null]);
    expect([s['MIN_RESTORE_SCN'], s['MIN_RESTORE_SCN_DISPLAY'], s['END_TIMESTAMP'], s['CONSISTENT_SCN']]).toEqual([0n, null, null, 0n]);
    expect([text(s['ELAPSED_SECONDES']), text(s['OUTPUT_RATE_BYTES'])]).toEqual(['0', '0.0000']);
  });
});

describe('after the history', () => {
  it('DBA_OB_BACKUP_JOBS is empty; the history has jobs 1-4 with their statuses, types and results', () => {
    expect(view(c, T1, 'DBA_OB_BACKUP_JOBS')).toEqual([]);
    const h = view(c, T1, 'DBA_OB_BACKUP_JOB_HISTORY');
    expect(h.map((j) => [j['JOB_ID'], j['BACKUP_SET_ID'], j['BACKUP_TYPE'], j['STATUS'], j['RESULT']])).toEqual([
      [1n, 1n, 'FULL', 'COMPLETED', 0n],
      [2n, 2n, 'INC', 'COMPLETED', 0n],
      [3n, 3n, 'INC', 'FAILED', -9029n],
      [4n, 4n, 'INC', 'CANCELED', -4072n],
    ]);
    for (const j of h) {
      expect(us(j['END_TIMESTAMP'])).toBeGreaterThan(us(j['START_TIMESTAMP']));
      expect(j['PATH']).toBe(DATA);
    }
    expect(h[0]!['COMMENT']).toBe('');
    expect(h[2]!['COMMENT']).toMatch(/^\(ROOTSERVICE\)addr: 127\.0\.0\.1:2882, result: -9029\(log archive is not running\), trace_id: \S+$/);
    // The failure is seen by the set task's next step after the round left DOING.
    expect(us(h[2]!['END_TIMESTAMP'])).toBeGreaterThanOrEqual(failedAtUs);
  });

  it('the task history matches the jobs; finished tasks have START_SCN < USER_LS_START_SCN < END_SCN', () => {
    const tasks = view(c, T1, 'DBA_OB_BACKUP_TASK_HISTORY');
    expect(view(c, T1, 'DBA_OB_BACKUP_TASKS')).toEqual([]);
    expect(tasks.map((t) => [t['TASK_ID'], t['JOB_ID'], t['BACKUP_SET_ID'], t['STATUS'], t['RESULT']])).toEqual([
      [1n, 1n, 1n, 'COMPLETED', 0n],
      [2n, 2n, 2n, 'COMPLETED', 0n],
      [3n, 3n, 3n, 'FAILED', -9029n],
      [4n, 4n, 4n, 'CANCELED', -4072n],
    ]);
    for (const t of tasks.slice(0, 2)) {
      expect(t['START_SCN'] as bigint).toBeLessThan(t['USER_LS_START_SCN'] as bigint);
      expect(t['USER_LS_START_SCN'] as bigint).toBeLessThan(t['END_SCN'] as bigint);
      expect(t['FINISH_MACRO_BLOCK_COUNT']).toBe(t['MACRO_BLOCK_COUNT']);
      const seconds = (us(t['END_TIMESTAMP']) - us(t['START_TIMESTAMP'])) / 1e6;
      expect(text(t['OUTPUT_RATE_BYTES'])).toBe((Number(t['OUTPUT_BYTES']) / seconds).toFixed(4));
    }
    expect(tasks[3]!['COMMENT']).toBe('Operation canceled');
  });

  it('DBA_OB_BACKUP_SET_FILES: statuses, prev-set ids, SCN chain and displays (§9.4, §10.4, §10.6)', () => {
    const sets = view(c, T1, 'DBA_OB_BACKUP_SET_FILES');
    expect(sets.map((s) => [s['BACKUP_SET_ID'], s['DEST_ID'], s['BACKUP_TYPE'], s['PREV_FULL_BACKUP_SET_ID'], s['PREV_INC_BACKUP_SET_ID'], s['STATUS'], s['FILE_STATUS'], s['RESULT']])).toEqual([
      [1n, 1002n, 'FULL', 0n, 0n, 'SUCCESS', 'AVAILABLE', 0n],
      [2n, 1002n, 'INC', 1n, 1n, 'SUCCESS', 'AVAILABLE', 0n],
      [3n, 1002n, 'INC', 1n, 2n, 'FAILED', 'INCOMPLETE', -9029n],
      // A canceled set takes the job's RESULT, still 0 while CANCELING (set_backup_set_files_failed_).
      [4n, 1002n, 'INC', 1n, 2n, 'FAILED', 'INCOMPLETE', 0n],
    ]);
    const tasks = view(c, T1, 'DBA_OB_BACKUP_TASK_HISTORY');
    for (const [i, s] of sets.slice(0, 2).entries()) {
      const t = tasks[i]!;
      const replay = s['START_REPLAY_SCN'] as bigint;
      expect(replay).toBeLessThanOrEqual(t['START_SCN'] as bigint);
      expect(t['USER_LS_START_SCN'] as bigint).toBeLessThan(s['CONSISTENT_SCN'] as bigint);
      expect(s['CONSISTENT_SCN'] as bigint).toBeLessThan(s['MIN_RESTORE_SCN'] as bigint);
      expect(s['MIN_RESTORE_SCN']).toBe(t['END_SCN']);
      expect(s['START_REPLAY_SCN_DISPLAY']).toEqual(new Temporal('DATETIME', replay / 1000n));
      // The stored text, nine digits, written in +08:00: the UTC instant plus eight hours.
      const scn = s['MIN_RESTORE_SCN'] as bigint;
      const local = new Date(Number(scn / 1_000_000n) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
      expect(s['MIN_RESTORE_SCN_DISPLAY']).toBe(`${local}.${(scn % 1_000_000_000n).toString().padStart(9, '0')}`);
      const elapsed = (us(s['END_TIMESTAMP']) - us(s['START_TIMESTAMP'])) / 1e6;
      expect(s['ELAPSED_SECONDES']).toEqual(new Decimal(BigInt(Math.round(elapsed)), 0));
      expect([s['TENANT_COMPATIBLE'], s['CLUSTER_VERSION'], s['BACKUP_COMPATIBLE'], s['PLUS_ARCHIVELOG'], s['PATH']]).toEqual(['4.2.5.0', '4.2.5.0', 3n, 'OFF', DATA]);
    }
    // A FULL copies every macroblock; the INC only those changed, yet visits every tablet (§11).
    expect(sets[1]!['MACRO_BLOCK_COUNT'] as bigint).toBeLessThan(sets[0]!['MACRO_BLOCK_COUNT'] as bigint);
    expect(sets[1]!['TABLET_COUNT']).toBe(sets[0]!['TABLET_COUNT']);
    // The failed set keeps the task's END_SCN (0 here: it failed before its data was done), so its display is NULL.
    expect([sets[2]!['MIN_RESTORE_SCN'], sets[2]!['MIN_RESTORE_SCN_DISPLAY'], sets[2]!['START_REPLAY_SCN_DISPLAY']]).toEqual([0n, null, null]);
  });

  it('DBA_OB_ARCHIVELOG shows round 2 DOING; SUMMARY adds round 1 as STOP, PATH before COMMENT', () => {
    const a = view(c, T1, 'DBA_OB_ARCHIVELOG');
    expect(a.map((r) => [r['DEST_ID'], r['ROUND_ID'], r['DEST_NO'], r['STATUS'], r['BASE_PIECE_ID'], r['USED_PIECE_ID']])).toEqual([[1001n, 2n, 0n, 'DOING', 2n, 2n]]);
    const r2 = a[0]!;
    expect([r2['PIECE_SWITCH_INTERVAL'], r2['COMPATIBLE'], r2['UNIT_SIZE'], r2['COMPRESSION'], r2['PATH'], r2['COMMENT']]).toEqual([86400000000n, 1n, 0n, 'none', ARCHIVE, '']);
    expect(r2['CHECKPOINT_SCN'] as bigint).toBeGreaterThan(r2['START_SCN'] as bigint);
    expect(r2['CHECKPOINT_SCN_DISPLAY']).toEqual(new Temporal('DATETIME', (r2['CHECKPOINT_SCN'] as bigint) / 1000n));
    const input = r2['INPUT_BYTES'] as bigint;
    expect(r2['INPUT_BYTES_DISPLAY']).toBe(`${(Number(input) / 1024 / 1024).toFixed(2)}MB`);
    expect(text(r2['COMPRESSION_RATIO'])).toBe(input === 0n ? '0.00' : '1.00');
    expect([r2['DELETED_INPUT_BYTES'], r2['DELETED_INPUT_BYTES_DISPLAY']]).toEqual([0n, '0.00MB']);

    const summary = view(c, T1, 'DBA_OB_ARCHIVELOG_SUMMARY');
    expect(summary.map((r) => [r['ROUND_ID'], r['STATUS'], r['BASE_PIECE_ID'], r['USED_PIECE_ID']])).toEqual([
      [1n, 'STOP', 1n, 1n],
      [2n, 'DOING', 2n, 2n],
    ]);
    expect(Object.keys(summary[0]!).slice(-2)).toEqual(['PATH', 'COMMENT']);
    expect(Object.keys(r2).slice(-2)).toEqual(['COMMENT', 'PATH']);
    // Round 1 stopped before round 2 started.
    expect(summary[0]!['CHECKPOINT_SCN'] as bigint).toBeLessThan(r2['START_SCN'] as bigint);
  });

  it('DBA_OB_ARCHIVELOG_PIECE_FILES: p1 of round 1 FROZEN, p2 of round 2 ACTIVE, END = START + 1d', () => {
    const p = view(c, T1, 'DBA_OB_ARCHIVELOG_PIECE_FILES');
    expect(p.map((r) => [r['ROUND_ID'], r['PIECE_ID'], r['STATUS'], r['FILE_STATUS'], r['PATH']])).toEqual([
      [1n, 1n, 'FROZEN', 'AVAILABLE', ARCHIVE],
      [2n, 2n, 'ACTIVE', 'AVAILABLE', ARCHIVE],
    ]);
    for (const r of p) expect((r['END_SCN'] as bigint) - (r['START_SCN'] as bigint)).toBe(86_400_000_000_000n);
    const summary = view(c, T1, 'DBA_OB_ARCHIVELOG_SUMMARY');
    expect(p[1]!['START_SCN']).toBe(summary[1]!['START_SCN']);
  });

  it('DBA_OB_ARCHIVE_DEST: five rows sorted by name; BACKUP_PARAMETER echoes the data dest, STORAGE_INFO both', () => {
    expect(view(c, T1, 'DBA_OB_ARCHIVE_DEST').map((r) => [r['DEST_NO'], r['NAME'], r['VALUE']])).toEqual([
      [0n, 'binding', 'OPTIONAL'],
      [0n, 'dest_id', '1001'],
      [0n, 'path', ARCHIVE],
      [0n, 'piece_switch_interval', '1d'],
      [0n, 'state', 'ENABLE'],
    ]);
    expect(view(c, T1, 'DBA_OB_BACKUP_PARAMETER').map((r) => [r['NAME'], r['VALUE']])).toEqual([
      ['data_backup_dest', DATA],
    ]);
    expect(view(c, T1, 'DBA_OB_BACKUP_STORAGE_INFO').map((r) => [r['TENANT_ID'], r['PATH'], r['DEST_ID'], r['DEST_TYPE'], r['ENDPOINT'], r['AUTHORIZATION']])).toEqual([
      [1002n, ARCHIVE, 1001n, 'archive_log', '', ''],
      [1002n, DATA, 1002n, 'backup_data', '', ''],
    ]);
  });

  it('DBA_OB_LS_LOG_ARCHIVE_PROGRESS: one row per LS and piece; the user LS carries the piece bytes', () => {
    const rows = view(c, T1, 'DBA_OB_LS_LOG_ARCHIVE_PROGRESS');
    expect(rows.map((r) => [r['LS_ID'], r['ROUND_ID'], r['PIECE_ID'], r['STATUS']])).toEqual([
      [1n, 1n, 1n, 'STOP'],
      [1n, 2n, 2n, 'DOING'],
      [1001n, 1n, 1n, 'STOP'],
      [1001n, 2n, 2n, 'DOING'],
    ]);
    const pieces = view(c, T1, 'DBA_OB_ARCHIVELOG_PIECE_FILES');
    expect(rows[3]!['INPUT_BYTES']).toBe(pieces[1]!['INPUT_BYTES']);
    expect((rows[3]!['MAX_LSN'] as bigint) - (rows[3]!['MIN_LSN'] as bigint)).toBe(pieces[1]!['INPUT_BYTES']);
    expect(rows[0]!['INPUT_BYTES']).toBe(0n);
  });

  it('CDB_ twins put TENANT_ID first and list every tenant; sys sees only its own rows in DBA_', () => {
    const cdb = view(c, 1, 'CDB_OB_BACKUP_JOB_HISTORY');
    expect(cdb.map((r) => [r['TENANT_ID'], r['JOB_ID']])).toEqual([[1002n, 1n], [1002n, 2n], [1002n, 3n], [1002n, 4n]]);
    expect(Object.keys(cdb[0]!)[0]).toBe('TENANT_ID');
    expect(view(c, 1, 'DBA_OB_BACKUP_JOB_HISTORY')).toEqual([]);
    expect(view(c, 1004, 'DBA_OB_BACKUP_SET_FILES')).toEqual([]);
    expect(view(c, 1, 'CDB_OB_ARCHIVELOG').map((r) => [r['TENANT_ID'], r['ROUND_ID']])).toEqual([[1002n, 2n]]);
  });

  it('DBA_OB_TENANTS: types and roles by id; SCNs NULL for sys and meta, the GTS of now for user tenants', () => {
    const rows = view(c, 1, 'DBA_OB_TENANTS');
    const now = BigInt(c.state.nowUs) * 1000n;
    expect(rows.map((r) => [r['TENANT_ID'], r['TENANT_TYPE'], r['LOG_MODE'], r['SYNC_SCN'], r['MAX_LS_ID']])).toEqual([
      [1n, 'SYS', 'NOARCHIVELOG', null, 1n],
      [1001n, 'META', 'NOARCHIVELOG', null, 1n],
      [1002n, 'USER', 'ARCHIVELOG', now, 1001n],
      [1003n, 'META', 'NOARCHIVELOG', null, 1n],
      [1004n, 'USER', 'NOARCHIVELOG', now, 1001n],
    ]);
    const user = rows[2]!;
    expect([user['TENANT_NAME'], user['TENANT_ROLE'], user['RECOVERY_UNTIL_SCN'], user['PREVIOUS_LOCALITY'], user['COMPATIBILITY_MODE']]).toEqual(['mysql_tenant', 'PRIMARY', 4611686018427387903n, null, 'MYSQL']);
    expect([rows[0]!['REPLAYABLE_SCN'], rows[0]!['READABLE_SCN'], rows[0]!['RECOVERY_UNTIL_SCN'], rows[0]!['SWITCHOVER_EPOCH']]).toEqual([null, null, null, 0n]);
    expect(view(c, T1, 'DBA_OB_TENANTS').map((r) => r['TENANT_ID'])).toEqual([1002n]);
  });

  it('DBA_OB_ROOTSERVICE_EVENT_HISTORY carries the backup job and archive status changes', () => {
    const events = view(c, 1, 'DBA_OB_ROOTSERVICE_EVENT_HISTORY');
    const jobEvents = events.filter((e) => e['MODULE'] === 'backup_data' && e['VALUE2'] === '3');
    expect(jobEvents.map((e) => e['VALUE4'])).toEqual(['DOING', 'FAILED']);
    expect(jobEvents[1]!['VALUE5']).toBe('-9029');
    expect(events.filter((e) => e['MODULE'] === 'log_archive').map((e) => e['VALUE5'])).toEqual([
      'PREPARE', 'BEGINNING', 'DOING', 'STOPPING', 'STOP', 'PREPARE', 'BEGINNING', 'DOING',
    ]);
    expect([events[0]!['NAME6'], events[0]!['EXTRA_INFO'], events[0]!['RS_SVR_IP']]).toEqual(['', '', '127.0.0.1']);
  });

  it('V$OB_ARCHIVE_DEST_STATUS shows the live round, not synchronized while the checkpoint lags', () => {
    const rows = view(c, T1, 'V$OB_ARCHIVE_DEST_STATUS');
    expect(rows.map((r) => [r['TENANT_ID'], r['DEST_ID'], r['PATH'], r['STATUS'], r['SYNCHRONIZED']])).toEqual([[1002n, 1001n, ARCHIVE, 'DOING', 'NO']]);
    expect(view(c, 1004, 'V$OB_ARCHIVE_DEST_STATUS')).toEqual([]);
  });

  it('restore and delete views have their columns and no rows (the engine has no such jobs yet)', () => {
    for (const name of ['CDB_OB_RESTORE_PROGRESS', 'CDB_OB_RESTORE_HISTORY', 'CDB_OB_BACKUP_DELETE_JOBS', 'CDB_OB_BACKUP_DELETE_TASK_HISTORY', 'CDB_OB_BACKUP_DELETE_POLICY']) {
      expect(view(c, 1, name)).toEqual([]);
    }
  });
});
