/** DBA_OB_BACKUP_JOB_HISTORY / CDB_OB_BACKUP_JOB_HISTORY (views.md §4.1): finished jobs, in the order they ended. */
import { BACKUP_JOB_COLUMNS, historyJobRow } from './backup-job-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';

export const [DBA_OB_BACKUP_JOB_HISTORY, CDB_OB_BACKUP_JOB_HISTORY] = twins({
  suffix: 'OB_BACKUP_JOB_HISTORY',
  columns: BACKUP_JOB_COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.jobHistory ?? []).map(historyJobRow),
});
