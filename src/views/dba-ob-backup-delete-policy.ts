/** DBA_OB_BACKUP_DELETE_POLICY / CDB_OB_BACKUP_DELETE_POLICY (views.md §6.1): the `default` policy, window as typed. */
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';

export const [DBA_OB_BACKUP_DELETE_POLICY, CDB_OB_BACKUP_DELETE_POLICY] = twins({
  suffix: 'OB_BACKUP_DELETE_POLICY',
  columns: [col('POLICY_NAME', T.varchar(256), 'NO'), col('RECOVERY_WINDOW', T.varchar(64), 'NO')],
  rowsOf: (ctx, tenantId) =>
    (backupOf(ctx, tenantId)?.deletePolicies ?? []).map((p): Row => [p.policyName, p.recoveryWindow]),
});
