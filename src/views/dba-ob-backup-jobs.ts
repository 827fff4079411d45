/**
 * DBA_OB_BACKUP_JOBS / CDB_OB_BACKUP_JOBS (views.md §4.1): the live jobs of `__all_backup_job`. A terminal job stays
 * here until the next scheduler round moves it to the history (§9.1 step 6), as the engine keeps it.
 */
import { BACKUP_JOB_COLUMNS, backupJobRow } from './backup-job-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';

export const [DBA_OB_BACKUP_JOBS, CDB_OB_BACKUP_JOBS] = twins({
  suffix: 'OB_BACKUP_JOBS',
  columns: BACKUP_JOB_COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.jobs ?? []).map(backupJobRow),
});
