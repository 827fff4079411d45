/**
 * DBA_OB_BACKUP_DELETE_TASKS and DBA_OB_BACKUP_DELETE_TASK_HISTORY with their CDB_ twins (views.md §6.3), 4.2
 * profile: TOTAL_LS_COUNT and FINISH_LS_COUNT bigint(20) Null YES, RESULT Null YES, as desc_sys_views_in_sys.result
 * (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16) prints them (settled: no longer inferred).
 */
import type { DeleteTask } from '../engine/index.js';
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { int, timestamp, timestampOrNull } from './values.js';

const V64 = T.varchar(64);

const COLUMNS = [
  col('TASK_ID', T.bigint(), 'NO'),
  col('INCARNATION', T.bigint(), 'NO'),
  col('JOB_ID', T.bigint(), 'NO'),
  col('TASK_TYPE', V64, 'NO'),
  col('ID', T.bigint(), 'NO'),
  col('ROUND_ID', T.bigint(), 'NO'),
  col('DEST_ID', T.bigint(), 'NO'),
  col('START_TIMESTAMP', T.timestamp6(), 'NO'),
  col('END_TIMESTAMP', T.timestamp6(), 'NO'),
  col('STATUS', V64, 'NO'),
  col('TOTAL_LS_COUNT', T.bigint(), 'YES'),
  col('FINISH_LS_COUNT', T.bigint(), 'YES'),
  col('RESULT', T.bigint(), 'YES'),
  col('COMMENT', T.varchar(4096), 'YES'),
  col('PATH', T.varchar(1024), 'NO'),
];

function deleteTaskRow(t: DeleteTask): Row {
  return [
    int(t.taskId),
    int(t.incarnation),
    int(t.jobId),
    t.taskType,
    int(t.id),
    int(t.roundId),
    int(t.destId),
    timestamp(t.startUs),
    timestampOrNull(t.endUs),
    t.status,
    int(t.totalLsCount),
    int(t.finishLsCount),
    int(t.result),
    t.comment,
    t.path,
  ];
}

export const [DBA_OB_BACKUP_DELETE_TASKS, CDB_OB_BACKUP_DELETE_TASKS] = twins({
  suffix: 'OB_BACKUP_DELETE_TASKS',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.deleteTasks ?? []).map(deleteTaskRow),
});

export const [DBA_OB_BACKUP_DELETE_TASK_HISTORY, CDB_OB_BACKUP_DELETE_TASK_HISTORY] = twins({
  suffix: 'OB_BACKUP_DELETE_TASK_HISTORY',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.deleteTaskHistory ?? []).map(deleteTaskRow),
});
