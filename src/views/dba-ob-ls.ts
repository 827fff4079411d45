/**
 * DBA_OB_LS / CDB_OB_LS: a tenant's log streams. Columns: desc_sys_views_in_sys.result (oceanbase/oceanbase
 * c8ace58297bb2326ecab2048bd3f80b1dc997c16); values as the view definition (ob_inner_table_schema_def.py, 21318)
 * computes them from __all_virtual_ls_status / _ls_recovery_stat / _ls_election_reference_info:
 * - CREATE_SCN is NULL for LS 1 ("SYS LS's CREATE_SCN always is NULL"), else the LS's creation, which is the
 *   tenant's here (the user LS is created with the tenant; a restored tenant's with the restore).
 * - DROP_SCN is NULL (never dropped).
 * - SYNC_SCN and READABLE_SCN are NULL for the sys and meta tenants ("always show NULL"); a user tenant's are where
 *   its logs are synced, as DBA_OB_TENANTS.SYNC_SCN.
 * - PRIMARY_ZONE is the election reference's zone priority (the one zone), UNIT_GROUP_ID the tenant's unit for a
 *   user LS and 0 for LS 1, LS_GROUP_ID 1001 for the first user LS group and 0 for LS 1; FLAG is empty.
 * STATUS is NORMAL: LS creation and drop take no virtual time here.
 */
import { scnOfUs } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_LS_ID, isUserTenant, logStreamIds, userSyncScn } from './log-streams.js';
import { tenantOf } from './read.js';
import { tenantUnitId } from './resources.js';
import { twins } from './twins.js';
import type { Row, ViewContext } from './types.js';
import { int } from './values.js';

const COLUMNS = [
  col('LS_ID', T.bigint(), 'NO'),
  col('STATUS', T.varchar(100), 'NO'),
  col('PRIMARY_ZONE', T.longtext(), 'YES'),
  col('UNIT_GROUP_ID', T.bigint(), 'NO'),
  col('LS_GROUP_ID', T.bigint(), 'NO'),
  col('CREATE_SCN', T.ubigint(), 'NO'),
  col('DROP_SCN', T.ubigint(), 'NO'),
  col('SYNC_SCN', T.ubigint(), 'NO'),
  col('READABLE_SCN', T.ubigint(), 'NO'),
  col('FLAG', T.varchar(2048), 'NO'),
];

function lsRows(ctx: ViewContext, tenantId: number): Row[] {
  const t = tenantOf(ctx, tenantId);
  if (t === undefined) return [];
  const sync = isUserTenant(t) ? userSyncScn(t, ctx.nowUs) : null;
  return logStreamIds(t).map((id) => {
    const sysLs = id === SYS_LS_ID;
    return [
      int(id),
      'NORMAL',
      SERVER.zone,
      sysLs ? 0n : int(tenantUnitId(ctx, t.id)),
      sysLs ? 0n : 1001n,
      sysLs ? null : scnOfUs(t.createUs),
      null,
      sync,
      sync,
      '',
    ];
  });
}

export const [DBA_OB_LS, CDB_OB_LS] = twins({ suffix: 'OB_LS', columns: COLUMNS, rowsOf: lsRows });
