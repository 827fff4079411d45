/**
 * The 30-day cluster of issue 22 (the snapshot test and the bench lines share it): mysql_tenant archiving to one
 * dest, a daily FULL backup and hourly INCREMENTAL ones for 30 virtual days, and a 7-day recovery window that
 * cleans what falls out of it. Statements only, to run as root@mysql_tenant on a manual clock.
 */
export const THIRTY_DAYS_START = '2026-01-01T00:00:00Z';

export function thirtyDayStatements(days = 30): string[] {
  const out = [
    "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
    "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'",
    'ALTER SYSTEM ARCHIVELOG',
    "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d'",
    'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
  ];
  for (let day = 0; day < days; day++) {
    out.push('ALTER SYSTEM BACKUP DATABASE');
    for (let hour = 1; hour < 24; hour++) {
      out.push('ALTER EMULATOR ADVANCE TIME 1 HOURS', 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
    }
    out.push('ALTER EMULATOR ADVANCE TIME 1 HOURS');
  }
  return out;
}

/** Ten statements to run after a save and after a load: their answers must match (determinism carried across). */
export const NEXT_TEN = [
  'ALTER SYSTEM BACKUP INCREMENTAL DATABASE',
  'ALTER EMULATOR ADVANCE TIME 30 MINUTES',
  'SELECT JOB_ID, BACKUP_SET_ID, STATUS, START_TIMESTAMP, END_TIMESTAMP FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY ORDER BY JOB_ID DESC LIMIT 3',
  'ALTER EMULATOR WRITE 40 MACROBLOCKS',
  'ALTER SYSTEM BACKUP DATABASE',
  'ALTER EMULATOR ADVANCE TIME 2 HOURS',
  'SELECT BACKUP_SET_ID, BACKUP_TYPE, FILE_STATUS, INPUT_BYTES, OUTPUT_BYTES, MIN_RESTORE_SCN FROM oceanbase.DBA_OB_BACKUP_SET_FILES ORDER BY BACKUP_SET_ID DESC LIMIT 3',
  'SELECT PIECE_ID, STATUS, FILE_STATUS, START_SCN, CHECKPOINT_SCN, INPUT_BYTES FROM oceanbase.DBA_OB_ARCHIVELOG_PIECE_FILES ORDER BY PIECE_ID DESC LIMIT 3',
  'ALTER EMULATOR ADVANCE TIME 2 DAYS',
  'SELECT COUNT(*), MAX(JOB_ID) FROM oceanbase.DBA_OB_BACKUP_DELETE_JOB_HISTORY',
];
