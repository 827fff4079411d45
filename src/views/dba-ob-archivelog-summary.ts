/**
 * DBA_OB_ARCHIVELOG_SUMMARY / CDB_OB_ARCHIVELOG_SUMMARY (views.md §5.2): the progress rows that are not STOP, UNION
 * the rows of `__all_log_archive_history` shown with STATUS 'STOP'. The view has no ORDER BY; the rows come in
 * round order (history first, then the live round), and clients add `ORDER BY round_id DESC`.
 */
import { archiveRoundColumns, archiveRoundRow } from './archive-round-row.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';

export const [DBA_OB_ARCHIVELOG_SUMMARY, CDB_OB_ARCHIVELOG_SUMMARY] = twins({
  suffix: 'OB_ARCHIVELOG_SUMMARY',
  columns: archiveRoundColumns('summary'),
  rowsOf: (ctx, tenantId) => {
    const backup = backupOf(ctx, tenantId);
    if (backup === null) return [];
    const history = [...backup.roundHistory].sort((a, b) => a.destNo - b.destNo || a.roundId - b.roundId);
    const rows: Row[] = history.map((r) => archiveRoundRow(r, 'summary', 'STOP'));
    for (const round of [...backup.rounds].sort((a, b) => a.destNo - b.destNo)) {
      if (round.status !== 'STOP') rows.push(archiveRoundRow(round, 'summary'));
    }
    return rows;
  },
});
