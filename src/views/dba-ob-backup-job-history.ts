/** DBA_OB_BACKUP_JOB_HISTORY / CDB_OB_BACKUP_JOB_HISTORY (views.md §4.1): finished jobs, in the order they ended. */
import type { BackupJob } from '../engine/index.js';
import { BACKUP_JOB_COLUMNS, historyJobRows } from './backup-job-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';

const NO_JOBS: readonly BackupJob[] = [];

export const [DBA_OB_BACKUP_JOB_HISTORY, CDB_OB_BACKUP_JOB_HISTORY] = twins({
  suffix: 'OB_BACKUP_JOB_HISTORY',
  columns: BACKUP_JOB_COLUMNS,
  rowsOf: (ctx, tenantId) => historyJobRows(backupOf(ctx, tenantId)?.jobHistory ?? NO_JOBS),
});
