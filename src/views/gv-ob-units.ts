/**
 * GV$OB_UNITS: the units on each observer. The 4.2 columns are the master DESC without MAX_NET_BANDWIDTH,
 * NET_BANDWIDTH_WEIGHT (4.3), DATA_DISK_SIZE (shared storage) and REPLICA_TYPE (4.3) (source:
 * desc_sys_views_in_sys.result). The observer lists the units of the tenants it serves: the sys unit, and a unit of
 * each pool granted to a user tenant (a pool nobody uses has no tenant on the server, so no row). The one-server
 * cluster holds one unit per pool, and OceanBase numbers units and pools from 1001 in step, so UNIT_ID is the pool's
 * id (inferred). Meta tenants, which share their user tenant's unit, are not listed (not confirmed in source).
 * A user tenant sees its own units, sys sees all.
 */
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID, tenantOf } from './read.js';
import { resourcePools, unitConfigs } from './resources.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { int, timestamp } from './values.js';

function unitRows(ctx: ViewContext): Row[] {
  const configs = unitConfigs(ctx);
  const rows: Row[] = [];
  for (const pool of resourcePools(ctx)) {
    if (pool.tenantId === null) continue;
    if (ctx.tenantId !== SYS_TENANT_ID && ctx.tenantId !== pool.tenantId) continue;
    const config = configs.find((c) => c.id === pool.unitConfigId);
    if (config === undefined) continue;
    // The unit comes to the server with its tenant.
    const since = Math.max(pool.createUs, tenantOf(ctx, pool.tenantId)?.createUs ?? pool.createUs);
    rows.push([
      SERVER.ip,
      int(SERVER.rpcPort),
      int(pool.id),
      int(pool.tenantId),
      SERVER.zone,
      'ReadWrite',
      SERVER.region,
      config.maxCpu,
      config.minCpu,
      config.memorySize,
      config.maxIops,
      config.minIops,
      config.iopsWeight,
      config.logDiskSize,
      0n,
      0n,
      'NORMAL',
      timestamp(since),
    ]);
  }
  return rows;
}

export const GV_OB_UNITS: ViewDef = {
  name: 'GV$OB_UNITS',
  kind: 'SYSTEM VIEW',
  visibility: 'all',
  columns: [
    col('SVR_IP', T.varchar(46), 'NO'),
    col('SVR_PORT', T.bigint(), 'NO'),
    col('UNIT_ID', T.bigint(), 'NO'),
    col('TENANT_ID', T.bigint(), 'NO'),
    col('ZONE', T.varchar(128), 'NO'),
    col('ZONE_TYPE', T.varchar(128), 'NO'),
    col('REGION', T.varchar(128), 'NO'),
    col('MAX_CPU', T.double(), 'NO'),
    col('MIN_CPU', T.double(), 'NO'),
    col('MEMORY_SIZE', T.bigint(), 'NO'),
    col('MAX_IOPS', T.bigint(), 'NO'),
    col('MIN_IOPS', T.bigint(), 'NO'),
    col('IOPS_WEIGHT', T.bigint(), 'NO'),
    col('LOG_DISK_SIZE', T.bigint(), 'NO'),
    col('LOG_DISK_IN_USE', T.bigint(), 'NO'),
    col('DATA_DISK_IN_USE', T.bigint(), 'NO'),
    col('STATUS', T.varchar(64), 'NO'),
    col('CREATE_TIME', T.timestamp6(), 'NO'),
  ],
  rows: unitRows,
};
