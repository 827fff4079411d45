/**
 * The column list and row mapping shared by DBA_OB_BACKUP_TASKS and DBA_OB_BACKUP_TASK_HISTORY (views.md §4.2), in
 * the 4.2 profile: 28 columns, MINOR_TURN_ID and MAJOR_TURN_ID included (4.2.2+), no progress columns (4.3+).
 */
import type { BackupTask } from '../engine/index.js';
import { BACKUP_STATS_COLUMNS, backupStatsValues } from './backup-stats.js';
import { T, col } from './columns.js';
import type { Row } from './types.js';
import { int, timestamp, timestampOrNull } from './values.js';

const V4096 = T.varchar(4096);

export const BACKUP_TASK_COLUMNS = [
  col('TASK_ID', T.bigint(), 'NO'),
  col('JOB_ID', T.bigint(), 'NO'),
  col('INCARNATION', T.bigint(), 'NO'),
  col('BACKUP_SET_ID', T.bigint(), 'NO'),
  col('START_TIMESTAMP', T.timestamp6(), 'NO'),
  col('END_TIMESTAMP', T.timestamp6(), 'NO'),
  col('STATUS', V4096, 'NO'),
  col('START_SCN', T.ubigint(), 'NO'),
  col('END_SCN', T.ubigint(), 'NO'),
  col('USER_LS_START_SCN', T.ubigint(), 'NO'),
  col('ENCRYPTION_MODE', V4096, 'YES'),
  col('PASSWD', V4096, 'YES'),
  ...BACKUP_STATS_COLUMNS,
  col('RESULT', T.bigint(), 'YES'),
  col('COMMENT', V4096, 'YES'),
  col('PATH', V4096, 'YES'),
  col('MINOR_TURN_ID', T.bigint(), 'NO'),
  col('MAJOR_TURN_ID', T.bigint(), 'NO'),
];

export function backupTaskRow(task: BackupTask): Row {
  return [
    int(task.taskId),
    int(task.jobId),
    int(task.incarnation),
    int(task.backupSetId),
    timestamp(task.startUs),
    timestampOrNull(task.endUs),
    task.status,
    task.startScn,
    task.endScn,
    task.userLsStartScn,
    task.encryptionMode,
    task.passwd,
    ...backupStatsValues(task),
    int(task.result),
    task.comment,
    task.path,
    int(task.minorTurnId),
    int(task.majorTurnId),
  ];
}
