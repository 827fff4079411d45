/**
 * DBA_OB_BACKUP_SET_FILES / CDB_OB_BACKUP_SET_FILES (views.md §4.3): one row per backup set, never moved to a
 * history; all 38 columns of the 4.2 profile (the real 4.2.2 row has CONSISTENT_SCN and the two turn ids).
 */
import type { BackupSetFile } from '../engine/index.js';
import { BACKUP_STATS_COLUMNS, backupStatsValues } from './backup-stats.js';
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { serverScnText6 } from './server-time.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { elapsedSeconds, int, onOff, scnDisplay, timestamp, timestampOrNull } from './values.js';

const V64 = T.varchar(64);
const V4096 = T.varchar(4096);

export const BACKUP_SET_FILE_COLUMNS = [
  col('BACKUP_SET_ID', T.bigint(), 'NO'),
  col('DEST_ID', T.bigint(), 'NO'),
  col('INCARNATION', T.bigint(), 'NO'),
  col('BACKUP_TYPE', V64, 'NO'),
  col('PREV_FULL_BACKUP_SET_ID', T.bigint(), 'NO'),
  col('PREV_INC_BACKUP_SET_ID', T.bigint(), 'NO'),
  col('START_TIMESTAMP', T.timestamp6(), 'NO'),
  col('END_TIMESTAMP', T.timestamp6(), 'NO'),
  col('STATUS', V64, 'NO'),
  col('FILE_STATUS', V64, 'NO'),
  col('ELAPSED_SECONDES', T.decimal(22, 0), 'NO'),
  col('PLUS_ARCHIVELOG', V4096, 'NO'),
  col('START_REPLAY_SCN', T.ubigint(), 'NO'),
  col('START_REPLAY_SCN_DISPLAY', T.datetime6(), 'NO'),
  col('MIN_RESTORE_SCN', T.ubigint(), 'NO'),
  col('MIN_RESTORE_SCN_DISPLAY', V4096, 'NO'),
  ...BACKUP_STATS_COLUMNS,
  col('RESULT', T.bigint(), 'NO'),
  col('COMMENT', V4096, 'YES'),
  col('ENCRYPTION_MODE', V64, 'YES'),
  col('PASSWD', T.varchar(128), 'YES'),
  col('TENANT_COMPATIBLE', V4096, 'NO'),
  col('BACKUP_COMPATIBLE', T.bigint(), 'NO'),
  col('PATH', V4096, 'YES'),
  col('CLUSTER_VERSION', V4096, 'NO'),
  col('CONSISTENT_SCN', T.ubigint(), 'NO'),
  col('MINOR_TURN_ID', T.bigint(), 'NO'),
  col('MAJOR_TURN_ID', T.bigint(), 'NO'),
];

/**
 * MIN_RESTORE_SCN_DISPLAY: the string the engine stored, nine fractional digits in the server's zone (engine/time.ts
 * scnDisplay9). With no stored text: NULL for SCN 0, else SCN_TO_TIMESTAMP's text in the server's zone.
 */
function minRestoreScnDisplay(set: BackupSetFile): string | null {
  if (set.minRestoreScnDisplay !== '') return set.minRestoreScnDisplay;
  return set.minRestoreScn === 0n ? null : serverScnText6(set.minRestoreScn);
}

export function backupSetFileRow(set: BackupSetFile): Row {
  return [
    int(set.backupSetId),
    int(set.destId),
    int(set.incarnation),
    set.backupType,
    int(set.prevFullBackupSetId),
    int(set.prevIncBackupSetId),
    timestamp(set.startUs),
    timestampOrNull(set.endUs),
    set.status,
    set.fileStatus,
    elapsedSeconds(set.startUs, set.endUs),
    onOff(set.plusArchivelog),
    set.startReplayScn,
    scnDisplay(set.startReplayScn),
    set.minRestoreScn,
    minRestoreScnDisplay(set),
    ...backupStatsValues(set),
    int(set.result),
    set.comment,
    set.encryptionMode,
    set.passwd,
    set.tenantCompatible,
    int(set.backupCompatible),
    set.path,
    set.clusterVersion,
    set.consistentScn,
    int(set.minorTurnId),
    int(set.majorTurnId),
  ];
}

export const [DBA_OB_BACKUP_SET_FILES, CDB_OB_BACKUP_SET_FILES] = twins({
  suffix: 'OB_BACKUP_SET_FILES',
  columns: BACKUP_SET_FILE_COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.setFiles ?? []).map(backupSetFileRow),
});
