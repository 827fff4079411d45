/**
 * DBA_OB_BACKUP_JOB_HISTORY / CDB_OB_BACKUP_JOB_HISTORY (views.md §4.1): finished jobs, in the order they ended. A
 * tenant's job ids are unique (one counter per tenant, one history row per job: the engine's invariant checker
 * asserts both), so the DBA form offers its rows in JOB_ID order for `ORDER BY JOB_ID … LIMIT n`.
 */
import type { BackupJob } from '../engine/index.js';
import { BACKUP_JOB_COLUMNS, historyJobRows, historyJobRowsByJobId, JOB_ID_COLUMN } from './backup-job-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';

const NO_JOBS: readonly BackupJob[] = [];

export const [DBA_OB_BACKUP_JOB_HISTORY, CDB_OB_BACKUP_JOB_HISTORY] = twins({
  suffix: 'OB_BACKUP_JOB_HISTORY',
  columns: BACKUP_JOB_COLUMNS,
  rowsOf: (ctx, tenantId) => historyJobRows(backupOf(ctx, tenantId)?.jobHistory ?? NO_JOBS),
  keyOrder: { column: JOB_ID_COLUMN, rowsAscendingOf: (ctx, tenantId) => historyJobRowsByJobId(backupOf(ctx, tenantId)?.jobHistory ?? NO_JOBS) },
});
