/** DBA_OB_BACKUP_TASKS / CDB_OB_BACKUP_TASKS (views.md §4.2): the set tasks of live jobs, one per backup set. */
import { BACKUP_TASK_COLUMNS, backupTaskRow } from './backup-task-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';

export const [DBA_OB_BACKUP_TASKS, CDB_OB_BACKUP_TASKS] = twins({
  suffix: 'OB_BACKUP_TASKS',
  columns: BACKUP_TASK_COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.tasks ?? []).map(backupTaskRow),
});
