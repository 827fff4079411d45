/** DBA_OB_BACKUP_TASK_HISTORY / CDB_OB_BACKUP_TASK_HISTORY (views.md §4.2): set tasks of finished jobs. */
import { BACKUP_TASK_COLUMNS, backupTaskRow } from './backup-task-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';

export const [DBA_OB_BACKUP_TASK_HISTORY, CDB_OB_BACKUP_TASK_HISTORY] = twins({
  suffix: 'OB_BACKUP_TASK_HISTORY',
  columns: BACKUP_TASK_COLUMNS,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.taskHistory ?? []).map(backupTaskRow),
});
