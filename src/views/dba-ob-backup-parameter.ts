/**
 * DBA_OB_BACKUP_PARAMETER / CDB_OB_BACKUP_PARAMETER (views.md §4.4): `data_backup_dest` as last set, with the full
 * dest string including its query part (§13.8). Archive dests are not here: they live in DBA_OB_ARCHIVE_DEST.
 */
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';

export const [DBA_OB_BACKUP_PARAMETER, CDB_OB_BACKUP_PARAMETER] = twins({
  suffix: 'OB_BACKUP_PARAMETER',
  columns: [col('NAME', T.varchar(1024), 'NO'), col('VALUE', T.longtext(), 'NO')],
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.parameterRows ?? []).map((p): Row => [p.name, p.value]),
});
