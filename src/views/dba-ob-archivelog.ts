/**
 * DBA_OB_ARCHIVELOG / CDB_OB_ARCHIVELOG (views.md §5.1): the current round of each archive dest_no, from
 * `__all_log_archive_progress`; the row stays after stop with STATUS STOP. No row before the first ARCHIVELOG.
 */
import { archiveRoundColumns, archiveRoundRow } from './archive-round-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';

export const [DBA_OB_ARCHIVELOG, CDB_OB_ARCHIVELOG] = twins({
  suffix: 'OB_ARCHIVELOG',
  columns: archiveRoundColumns('archivelog'),
  rowsOf: (ctx, tenantId) =>
    [...(backupOf(ctx, tenantId)?.rounds ?? [])].sort((a, b) => a.destNo - b.destNo).map((r) => archiveRoundRow(r, 'archivelog')),
});
