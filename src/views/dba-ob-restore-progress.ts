/**
 * DBA_OB_RESTORE_PROGRESS / CDB_OB_RESTORE_PROGRESS (views.md §7.1), 4.2 profile with RESTORE_TYPE: the key/value
 * pivot of `__all_restore_job` (hence longtext) left-joined with `__all_restore_progress`. A restore has a sys row
 * and a row in the restored tenant. Every column is `Null = NO` in DESC, yet the byte columns are NULL in the sys row:
 * `__all_restore_progress` has no row of the sys job, so the LEFT JOIN finds none, whatever the job itself carries.
 */
import type { RestoreJob } from '../engine/index.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID } from './read.js';
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

function progressRow(j: RestoreJob): Row {
  // The sys row joins no progress row (its copy of the tenant's bytes is for the history).
  const total = j.tenantId === SYS_TENANT_ID ? null : j.totalBytes;
  const finish = j.tenantId === SYS_TENANT_ID ? null : j.finishBytes;
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
    total === null ? null : int(total),
    total === null ? null : bytesDisplay(total),
    finish === null ? null : int(finish),
    finish === null ? null : bytesDisplay(finish),
    j.description,
  ];
}

export const [DBA_OB_RESTORE_PROGRESS, CDB_OB_RESTORE_PROGRESS] = twins({
  suffix: 'OB_RESTORE_PROGRESS',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) =>
    ctx.state.restoreJobs.filter((j) => j.tenantId === tenantId).map(progressRow),
});
