/**
 * DBA_OB_RESTORE_HISTORY / CDB_OB_RESTORE_HISTORY (views.md §7.2): finished restores, STATUS SUCCESS / FAIL. The
 * column order differs from RESTORE_PROGRESS (RESTORE_SCN before RESTORE_OPTION, pieces before sets).
 */
import type { RestoreJob } from '../engine/index.js';
import { T, col } from './columns.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { bytesDisplay, int, scnDisplay, timestampOrNull } from './values.js';

const COLUMNS = [
  col('JOB_ID', T.bigint(), 'NO'),
  col('RESTORE_TENANT_NAME', T.varchar(128), 'NO'),
  col('RESTORE_TENANT_ID', T.bigint(), 'NO'),
  col('BACKUP_TENANT_NAME', T.varchar(128), 'NO'),
  col('BACKUP_TENANT_ID', T.bigint(), 'NO'),
  col('BACKUP_CLUSTER_NAME', T.varchar(128), 'NO'),
  col('BACKUP_DEST', T.longtext(), 'NO'),
  col('RESTORE_SCN', T.ubigint(), 'NO'),
  col('RESTORE_SCN_DISPLAY', T.datetime6(), 'NO'),
  col('RESTORE_OPTION', T.varchar(4096), 'NO'),
  col('RESTORE_TYPE', T.varchar(4096), 'NO'),
  col('START_TIMESTAMP', T.timestamp6(), 'YES'),
  col('FINISH_TIMESTAMP', T.timestamp6(), 'YES'),
  col('STATUS', T.varchar(64), 'NO'),
  col('BACKUP_PIECE_LIST', T.longtext(), 'NO'),
  col('BACKUP_SET_LIST', T.longtext(), 'NO'),
  col('BACKUP_CLUSTER_VERSION', T.bigint(), 'NO'),
  col('LS_COUNT', T.bigint(), 'NO'),
  col('FINISH_LS_COUNT', T.bigint(), 'NO'),
  col('TABLET_COUNT', T.bigint(), 'NO'),
  col('FINISH_TABLET_COUNT', T.bigint(), 'NO'),
  col('TOTAL_BYTES', T.bigint(), 'NO'),
  col('TOTAL_BYTES_DISPLAY', T.varchar(27), 'NO'),
  col('FINISH_BYTES', T.bigint(), 'NO'),
  col('FINISH_BYTES_DISPLAY', T.varchar(27), 'NO'),
  col('DESCRIPTION', T.varchar(1024), 'YES'),
  col('COMMENT', T.varchar(1024), 'YES'),
];

function historyRow(j: RestoreJob): Row {
  const total = j.totalBytes ?? 0;
  const finish = j.finishBytes ?? 0;
  return [
    int(j.jobId),
    j.restoreTenantName,
    int(j.restoreTenantId),
    j.backupTenantName,
    int(j.backupTenantId),
    j.backupClusterName,
    j.backupDest,
    j.restoreScn,
    scnDisplay(j.restoreScn),
    j.restoreOption,
    j.restoreType,
    timestampOrNull(j.startUs),
    timestampOrNull(j.finishUs),
    j.status,
    j.backupPieceList,
    j.backupSetList,
    j.backupClusterVersion,
    int(j.lsCount),
    int(j.finishLsCount),
    int(j.tabletCount),
    int(j.finishTabletCount),
    int(total),
    bytesDisplay(total),
    int(finish),
    bytesDisplay(finish),
    j.description,
    j.comment,
  ];
}

export const [DBA_OB_RESTORE_HISTORY, CDB_OB_RESTORE_HISTORY] = twins({
  suffix: 'OB_RESTORE_HISTORY',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) =>
    ctx.state.restoreHistory.filter((j) => j.tenantId === tenantId).map(historyRow),
});
