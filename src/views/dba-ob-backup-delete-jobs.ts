/**
 * DBA_OB_BACKUP_DELETE_JOBS and DBA_OB_BACKUP_DELETE_JOB_HISTORY with their CDB_ twins (views.md §6.2), 4.2 profile:
 * PARAMETER is timestamp(6) Null NO, `USEC_TO_TIME(PARAMETER)`, and TASK_COUNT / SUCCESS_TASK_COUNT bigint(20) Null YES, as
 * desc_sys_views_in_sys.result (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16) prints them.
 */
import type { DeleteJob } from '../engine/index.js';
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { int, timestamp, timestampOrNull } from './values.js';

const V64 = T.varchar(64);

const COLUMNS = [
  col('JOB_ID', T.bigint(), 'NO'),
  col('INCARNATION', T.bigint(), 'NO'),
  col('INITIATOR_TENANT_ID', T.bigint(), 'NO'),
  col('INITIATOR_JOB_ID', T.bigint(), 'NO'),
  col('EXECUTOR_TENANT_ID', T.varchar(65536), 'NO'),
  col('TYPE', V64, 'NO'),
  col('PARAMETER', T.timestamp6(), 'NO'),
  col('JOB_LEVEL', V64, 'NO'),
  col('START_TIMESTAMP', T.timestamp6(), 'NO'),
  col('END_TIMESTAMP', T.timestamp6(), 'NO'),
  col('STATUS', V64, 'NO'),
  col('TASK_COUNT', T.bigint(), 'YES'),
  col('SUCCESS_TASK_COUNT', T.bigint(), 'YES'),
  col('RESULT', T.bigint(), 'NO'),
  col('COMMENT', T.varchar(4096), 'YES'),
];

function deleteJobRow(j: DeleteJob): Row {
  return [
    int(j.jobId),
    int(j.incarnation),
    int(j.initiatorTenantId),
    int(j.initiatorJobId),
    j.executorTenantIds.join(','),
    j.type,
    timestamp(j.parameterUs),
    j.jobLevel,
    timestamp(j.startUs),
    timestampOrNull(j.endUs),
    j.status,
    int(j.taskCount),
    int(j.successTaskCount),
    int(j.result),
    j.comment,
  ];
}

export const [DBA_OB_BACKUP_DELETE_JOBS, CDB_OB_BACKUP_DELETE_JOBS] = twins({
  suffix: 'OB_BACKUP_DELETE_JOBS',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.deleteJobs ?? []).map(deleteJobRow),
});

export const [DBA_OB_BACKUP_DELETE_JOB_HISTORY, CDB_OB_BACKUP_DELETE_JOB_HISTORY] = twins({
  suffix: 'OB_BACKUP_DELETE_JOB_HISTORY',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.deleteJobHistory ?? []).map(deleteJobRow),
});
