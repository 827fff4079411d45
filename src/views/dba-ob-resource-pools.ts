/**
 * DBA_OB_RESOURCE_POOLS (sys): resource pools, 9 columns of the DESC (source: desc_sys_views_in_sys.result).
 * TENANT_ID is the tenant the pool is granted to (CREATE TENANT's resource_pool_list, a restore's pool_list), NULL for
 * a pool no tenant uses (inferred from the view's handling of tenant_id -1).
 */
import { T, col } from './columns.js';
import { resourcePools } from './resources.js';
import type { ViewDef } from './types.js';
import { int, timestamp } from './values.js';

export const DBA_OB_RESOURCE_POOLS: ViewDef = {
  name: 'DBA_OB_RESOURCE_POOLS',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('RESOURCE_POOL_ID', T.bigint(), 'NO'),
    col('NAME', T.varchar(128), 'NO'),
    col('TENANT_ID', T.bigint(), 'NO'),
    col('CREATE_TIME', T.timestamp6(), 'YES'),
    col('MODIFY_TIME', T.timestamp6(), 'YES'),
    col('UNIT_COUNT', T.bigint(), 'NO'),
    col('UNIT_CONFIG_ID', T.bigint(), 'NO'),
    col('ZONE_LIST', T.varchar(8192), 'NO'),
    col('REPLICA_TYPE', T.varchar(7), 'NO'),
  ],
  rows: (ctx) =>
    resourcePools(ctx).map((p) => [
      int(p.id),
      p.name,
      p.tenantId === null ? null : int(p.tenantId),
      timestamp(p.createUs),
      timestamp(p.modifyUs),
      int(p.unitCount),
      int(p.unitConfigId),
      p.zoneList,
      'FULL',
    ]),
};
