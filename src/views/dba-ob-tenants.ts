/**
 * DBA_OB_TENANTS (views.md §7.3): 24 columns, order from the CDB view SQL, types from the 4.3.3 docs, Null from the
 * master DESC. In sys it lists every tenant (sys, meta and user); a user tenant sees its own row. Rules: TENANT_TYPE
 * SYS / META / USER by id; sys and meta are PRIMARY, NORMAL switchover, epoch 0, NOARCHIVELOG, MAX_LS_ID 1, and their
 * four SCN columns are NULL (DESC says NO); a primary user tenant's SYNC / REPLAYABLE / READABLE_SCN follow the GTS
 * (now); a restoring or standby tenant shows the point its data is replayed to, and before any replay the base SCN
 * its tenant info starts from (1, `SCN::base_scn()`; inferred), never NULL: ob-operator scans them into integers.
 */
import { scnOfUs } from '../engine/index.js';
import type { TenantState } from '../engine/index.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID } from './read.js';
import { resourcePools } from './resources.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { emptyAsNull, int, timestamp } from './values.js';

const V100 = T.varchar(100);

const COLUMNS = [
  col('TENANT_ID', T.bigint(), 'NO'),
  col('TENANT_NAME', T.varchar(128), 'NO'),
  col('TENANT_TYPE', T.varchar(4), 'NO'),
  col('CREATE_TIME', T.timestamp6(), 'YES'),
  col('MODIFY_TIME', T.timestamp6(), 'YES'),
  col('PRIMARY_ZONE', T.varchar(128), 'YES'),
  col('LOCALITY', T.varchar(4096), 'NO'),
  col('PREVIOUS_LOCALITY', T.varchar(4096), 'NO'),
  col('COMPATIBILITY_MODE', T.varchar(6), 'NO'),
  col('STATUS', T.varchar(64), 'NO'),
  col('IN_RECYCLEBIN', T.varchar(3), 'NO'),
  col('LOCKED', T.varchar(3), 'NO'),
  col('TENANT_ROLE', V100, 'NO'),
  col('SWITCHOVER_STATUS', V100, 'NO'),
  col('SWITCHOVER_EPOCH', T.bigint(), 'NO'),
  col('SYNC_SCN', T.ubigint(), 'NO'),
  col('REPLAYABLE_SCN', T.ubigint(), 'NO'),
  col('READABLE_SCN', T.ubigint(), 'NO'),
  col('RECOVERY_UNTIL_SCN', T.ubigint(), 'NO'),
  col('LOG_MODE', V100, 'NO'),
  col('ARBITRATION_SERVICE_STATUS', T.varchar(64), 'NO'),
  col('UNIT_NUM', T.bigint(), 'NO'),
  col('COMPATIBLE', T.varchar(65536), 'NO'),
  col('MAX_LS_ID', T.bigint(), 'NO'),
];

/** SCN::base_scn(): where a new tenant info's SCNs start. */
const BASE_SCN = 1n;

function tenantType(id: number): string {
  if (id === SYS_TENANT_ID) return 'SYS';
  return id % 2 === 1 ? 'META' : 'USER';
}

/**
 * UNIT_NUM: the unit count per zone of the pool the tenant runs on (a meta tenant on its user tenant's), as the
 * pools say; the tenant's own record when it has none.
 */
function unitNum(ctx: ViewContext, t: TenantState): number {
  const owner = tenantType(t.id) === 'META' ? t.id + 1 : t.id;
  return resourcePools(ctx).find((p) => p.tenantId === owner)?.unitCount ?? t.unitNum;
}

function tenantRow(ctx: ViewContext, t: TenantState): Row {
  const nowUs = ctx.nowUs;
  const user = tenantType(t.id) === 'USER';
  // A primary user tenant is always in sync: its SCNs are the GTS of now (state.ts followsGts); any other user
  // tenant is where its replay has reached.
  const gts = !user ? null : t.followsGts ? scnOfUs(nowUs) : (t.replayedScn ?? BASE_SCN);
  return [
    int(t.id),
    t.name,
    tenantType(t.id),
    timestamp(t.createUs),
    timestamp(t.modifyUs),
    t.primaryZone,
    t.locality,
    emptyAsNull(t.previousLocality),
    t.compatibilityMode,
    t.status,
    t.inRecyclebin,
    t.locked,
    user ? t.role : 'PRIMARY',
    user ? t.switchoverStatus : 'NORMAL',
    user ? int(t.switchoverEpoch) : 0n,
    gts,
    gts,
    gts,
    user ? t.recoveryUntilScn : null,
    user ? t.logMode : 'NOARCHIVELOG',
    t.arbitrationServiceStatus,
    int(unitNum(ctx, t)),
    t.compatible,
    user ? int(t.maxLsId) : 1n,
  ];
}

export const DBA_OB_TENANTS: ViewDef = {
  name: 'DBA_OB_TENANTS',
  kind: 'SYSTEM VIEW',
  visibility: 'all',
  columns: COLUMNS,
  rows: (ctx: ViewContext) =>
    ctx.state.tenants
      .filter((t) => ctx.tenantId === SYS_TENANT_ID || t.id === ctx.tenantId)
      .sort((a, b) => a.id - b.id)
      .map((t) => tenantRow(ctx, t)),
};
