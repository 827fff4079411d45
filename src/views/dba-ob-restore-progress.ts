/**
 * DBA_OB_RESTORE_PROGRESS / CDB_OB_RESTORE_PROGRESS (views.md §7.1), 4.2 profile with RESTORE_TYPE: the key/value
 * pivot of `__all_restore_job` (hence longtext) left-joined with `__all_restore_progress`. A restore has a sys row
 * and a row in the restored tenant. Every column is `Null = NO` in DESC, yet the byte columns are NULL in the sys row.
 */
import { T, col } from './columns.js';
import { futureCluster } from './future-state.js';
import type { RestoreJobRecord } from './future-state.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { bytesDisplay, int, scnDisplay, timestamp } from './values.js';

const LT = T.longtext();
const RESTORING = new Set(['RESTORE_PRE', 'RESTORE_CREATE_INIT_LS', 'RESTORE_WAIT_LS', 'POST_CHECK']);

const COLUMNS = [
  col('JOB_ID', T.bigint(), 'NO'),
  col('RESTORE_TENANT_NAME', LT, 'NO'),
  col('RESTORE_TENANT_ID', LT, 'NO'),
  col('BACKUP_TENANT_NAME', LT, 'NO'),
  col('BACKUP_TENANT_ID', LT, 'NO'),
  col('BACKUP_CLUSTER_NAME', LT, 'NO'),
  col('BACKUP_DEST', LT, 'NO'),
  col('RESTORE_OPTION', LT, 'NO'),
  col('RESTORE_TYPE', LT, 'NO'),
  col('RESTORE_SCN', LT, 'NO'),
  col('RESTORE_SCN_DISPLAY', T.datetime6(), 'NO'),
  col('STATUS', LT, 'NO'),
  col('START_TIMESTAMP', T.timestamp6(), 'NO'),
  col('BACKUP_SET_LIST', LT, 'NO'),
  col('BACKUP_PIECE_LIST', LT, 'NO'),
  col('TOTAL_BYTES', T.bigint(), 'NO'),
  col('TOTAL_BYTES_DISPLAY', T.varchar(27), 'NO'),
  col('FINISH_BYTES', T.bigint(), 'NO'),
  col('FINISH_BYTES_DISPLAY', T.varchar(27), 'NO'),
  col('DESCRIPTION', LT, 'NO'),
];

function progressRow(j: RestoreJobRecord): Row {
  return [
    int(j.jobId),
    j.restoreTenantName,
    // The pivot gives every key/value as text.
    String(j.restoreTenantId),
    j.backupTenantName,
    String(j.backupTenantId),
    j.backupClusterName,
    j.backupDest,
    j.restoreOption,
    j.restoreType,
    j.restoreScn.toString(),
    scnDisplay(j.restoreScn),
    RESTORING.has(j.status) ? 'RESTORING' : j.status,
    timestamp(j.startUs),
    j.backupSetList,
    j.backupPieceList,
    j.totalBytes === null ? null : int(j.totalBytes),
    j.totalBytes === null ? null : bytesDisplay(j.totalBytes),
    j.finishBytes === null ? null : int(j.finishBytes),
    j.finishBytes === null ? null : bytesDisplay(j.finishBytes),
    j.description,
  ];
}

export const [DBA_OB_RESTORE_PROGRESS, CDB_OB_RESTORE_PROGRESS] = twins({
  suffix: 'OB_RESTORE_PROGRESS',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) =>
    (futureCluster(ctx.state).restoreJobs ?? []).filter((j) => j.tenantId === tenantId).map(progressRow),
});
