/**
 * DBA/CDB_OB_BACKUP_DELETE_JOBS, _JOB_HISTORY, _TASKS, _TASK_HISTORY (views.md §6.2-§6.3, §8.14, §13.9) read from
 * the engine's real delete jobs, and what cleaning shows in the set, piece and archive views. Script: FULL on day 0,
 * INC on day 1, FULL on day 3, INC on day 4, then day 5 and `ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'`.
 * The clean scheduler looks an hour later: sets 1-2 (before the newest FULL at the window start) and the pieces
 * ending before set 3's START_REPLAY_SCN are obsolete.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { advance } from '../../../src/engine/index.js';
import type { Cluster } from '../../../src/engine/index.js';
import type { Temporal } from '../../../src/result.js';
import type { RowObject } from './helpers.js';
import { archivelog, backup, finishJobs, newCluster, ok, session, set, sql, view } from './helpers.js';

const T1 = 1002;
const ARCHIVE = 'file:///backup/1002/archive';
const DATA = 'file:///backup/1002/data';
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

let c: Cluster;
let policyUs = 0;
let piecesBefore: RowObject[] = [];
let setsBefore: RowObject[] = [];
const snap: Record<'doing' | 'tasksDoing' | 'after', { jobs: RowObject[]; tasks: RowObject[]; jobHistory: RowObject[]; taskHistory: RowObject[]; sets: RowObject[]; pieces: RowObject[]; rounds: RowObject[] }> = {} as never;

function take(): (typeof snap)['doing'] {
  return {
    jobs: view(c, T1, 'DBA_OB_BACKUP_DELETE_JOBS'),
    tasks: view(c, T1, 'DBA_OB_BACKUP_DELETE_TASKS'),
    jobHistory: view(c, T1, 'DBA_OB_BACKUP_DELETE_JOB_HISTORY'),
    taskHistory: view(c, T1, 'DBA_OB_BACKUP_DELETE_TASK_HISTORY'),
    sets: view(c, T1, 'DBA_OB_BACKUP_SET_FILES'),
    pieces: view(c, T1, 'DBA_OB_ARCHIVELOG_PIECE_FILES'),
    rounds: view(c, T1, 'DBA_OB_ARCHIVELOG'),
  };
}

function stepBy(ms: number, stepMs: number): void {
  for (let t = 0; t < ms; t += stepMs) advance(c, Math.min(stepMs, ms - t));
}

beforeAll(() => {
  c = newCluster();
  const t = session(T1);
  ok(c, t, set('log_archive_dest', `location=${ARCHIVE}`));
  ok(c, t, set('data_backup_dest', DATA));
  ok(c, t, archivelog(true));
  advance(c, 5000);
  for (const [incremental, days] of [[false, 1], [true, 2], [false, 1], [true, 1]] as const) {
    ok(c, t, backup(incremental));
    finishJobs(c, T1);
    stepBy(days * DAY_MS, HOUR_MS);
  }
  setsBefore = view(c, T1, 'DBA_OB_BACKUP_SET_FILES');
  piecesBefore = view(c, T1, 'DBA_OB_ARCHIVELOG_PIECE_FILES');
  policyUs = c.state.nowUs;
  ok(c, t, sql("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'"));
  advance(c, HOUR_MS + 1000);
  snap.doing = take();
  advance(c, 1000);
  snap.tasksDoing = take();
  advance(c, 2000);
  snap.after = take();
});

const us = (v: unknown): number => Number((v as Temporal).utcMicros);
const jobStartUs = (): number => policyUs + HOUR_MS * 1000;
/** Pieces that end at or before the kept FULL's START_REPLAY_SCN (hand rule: no restore in the window needs them). */
const obsoletePieces = (): RowObject[] => piecesBefore.filter((p) => (p['END_SCN'] as bigint) <= (setsBefore[2]!['START_REPLAY_SCN'] as bigint));

describe('a delete job while it runs (DBA_OB_BACKUP_DELETE_JOBS)', () => {
  it('job 5 (after backup jobs 1-4), DOING, PARAMETER the obsolete-before time as timestamp(6), END_TIMESTAMP NULL', () => {
    expect(snap.doing.jobs).toHaveLength(1);
    const j = snap.doing.jobs[0]!;
    expect([j['JOB_ID'], j['INCARNATION'], j['INITIATOR_TENANT_ID'], j['INITIATOR_JOB_ID'], j['EXECUTOR_TENANT_ID']]).toEqual([5n, 1n, 1002n, 5n, '1002']);
    expect([j['TYPE'], j['JOB_LEVEL'], j['STATUS'], j['END_TIMESTAMP'], j['RESULT'], j['COMMENT']]).toEqual(['DELETE OBSOLETE BACKUP', 'USER_TENANT', 'DOING', null, 0n, '']);
    expect((j['PARAMETER'] as Temporal).type).toBe('TIMESTAMP');
    expect(us(j['PARAMETER'])).toBe(jobStartUs() - DAY_MS * 1000);
    expect(us(j['START_TIMESTAMP'])).toBe(jobStartUs());
    expect([j['TASK_COUNT'], j['SUCCESS_TASK_COUNT']]).toEqual([BigInt(2 + obsoletePieces().length), 0n]);
    expect(snap.doing.jobHistory).toEqual([]);
  });

  it('one task per set, then per piece (ids after the backup tasks 1-4), INIT with files DELETING', () => {
    const pieces = obsoletePieces();
    expect(pieces.length).toBeGreaterThan(0);
    const expected = [
      ['BACKUP SET', 1n, 0n, setsBefore[0]!['DEST_ID'], DATA],
      ['BACKUP SET', 2n, 0n, setsBefore[1]!['DEST_ID'], DATA],
      ...pieces.map((p) => ['BACKUP PIECE', p['PIECE_ID'], p['ROUND_ID'], p['DEST_ID'], ARCHIVE]),
    ];
    const tasks = snap.doing.tasks;
    expect(tasks.map((t) => [t['TASK_TYPE'], t['ID'], t['ROUND_ID'], t['DEST_ID'], t['PATH']])).toEqual(expected);
    expect(tasks.map((t) => t['TASK_ID'])).toEqual(expected.map((_, i) => BigInt(5 + i)));
    for (const t of tasks) {
      expect([t['JOB_ID'], t['INCARNATION'], t['STATUS'], t['END_TIMESTAMP'], t['TOTAL_LS_COUNT'], t['FINISH_LS_COUNT'], t['RESULT']]).toEqual([5n, 1n, 'INIT', null, 2n, 0n, 0n]);
      expect(us(t['START_TIMESTAMP'])).toBe(jobStartUs() + 1_000_000);
    }
    expect(snap.doing.sets.map((s) => s['FILE_STATUS'])).toEqual(['DELETING', 'DELETING', 'AVAILABLE', 'AVAILABLE']);
    const deleting = new Set(pieces.map((p) => p['PIECE_ID']));
    for (const p of snap.doing.pieces) expect(p['FILE_STATUS'] === 'DELETING').toBe(deleting.has(p['PIECE_ID']));
  });

  it('a second later the tasks are DOING', () => {
    expect(snap.tasksDoing.tasks.map((t) => t['STATUS'])).toEqual(snap.doing.tasks.map(() => 'DOING'));
  });
});

describe('after the job (the _HISTORY views)', () => {
  it('the job is COMPLETED with every task successful and an END_TIMESTAMP; the live views are empty', () => {
    expect([snap.after.jobs, snap.after.tasks]).toEqual([[], []]);
    const j = snap.after.jobHistory[0]!;
    const n = BigInt(2 + obsoletePieces().length);
    expect([j['JOB_ID'], j['STATUS'], j['TASK_COUNT'], j['SUCCESS_TASK_COUNT'], j['RESULT']]).toEqual([5n, 'COMPLETED', n, n, 0n]);
    expect(us(j['END_TIMESTAMP'])).toBe(jobStartUs() + 3_000_000);
  });

  it('every task is COMPLETED, FINISH_LS_COUNT = TOTAL_LS_COUNT = 2, ended when its file was deleted', () => {
    for (const t of snap.after.taskHistory) {
      expect([t['STATUS'], t['TOTAL_LS_COUNT'], t['FINISH_LS_COUNT'], t['RESULT']]).toEqual(['COMPLETED', 2n, 2n, 0n]);
      expect(us(t['END_TIMESTAMP'])).toBe(jobStartUs() + 3_000_000);
    }
    expect(snap.after.taskHistory.map((t) => t['TASK_ID'])).toEqual(snap.doing.tasks.map((t) => t['TASK_ID']));
  });

  it('FILE_STATUS DELETING → DELETED for the obsolete sets and pieces; DELETED_* bytes are the deleted pieces\' bytes', () => {
    expect(snap.after.sets.map((s) => s['FILE_STATUS'])).toEqual(['DELETED', 'DELETED', 'AVAILABLE', 'AVAILABLE']);
    const gone = new Set(obsoletePieces().map((p) => p['PIECE_ID']));
    for (const p of snap.after.pieces) expect(p['FILE_STATUS'] === 'DELETED').toBe(gone.has(p['PIECE_ID']));
    const input = obsoletePieces().reduce((s, p) => s + (p['INPUT_BYTES'] as bigint), 0n);
    const output = obsoletePieces().reduce((s, p) => s + (p['OUTPUT_BYTES'] as bigint), 0n);
    const round = snap.after.rounds[0]!;
    expect([round['DELETED_INPUT_BYTES'], round['DELETED_OUTPUT_BYTES']]).toEqual([input, output]);
    expect(input).toBeGreaterThan(0n);
  });

  it('sys reads the same rows with TENANT_ID first in the CDB forms', () => {
    const cdb = view(c, 1, 'CDB_OB_BACKUP_DELETE_TASK_HISTORY');
    expect(cdb.map((r) => r['TENANT_ID'])).toEqual(snap.after.taskHistory.map(() => 1002n));
    expect(view(c, 1, 'CDB_OB_BACKUP_DELETE_JOB_HISTORY').map((r) => [r['TENANT_ID'], r['JOB_ID']])).toEqual([[1002n, 5n]]);
    expect(view(c, 1, 'DBA_OB_BACKUP_DELETE_JOB_HISTORY')).toEqual([]);
  });
});
