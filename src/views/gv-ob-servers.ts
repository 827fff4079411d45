/**
 * GV$OB_SERVERS: observer capacity and assignment, which obdiag reads. The 4.2 columns are the master DESC without
 * the shared-storage ones (DATA_DISK_ASSIGNED, SS_DATA_DISK_*) (source: desc_sys_views_in_sys.result); whether
 * SSL_CERT_EXPIRED_TIME is in every 4.2 build is not confirmed. Assigned figures add up the units on the server:
 * one per resource pool (the sys pool, each tenant's, and any pool created and not yet granted; see dba-ob-units.ts).
 */
import { serverStatus } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { resourcePools, unitConfigs } from './resources.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { int } from './values.js';

/** The unit configs of the units on the server, added up. */
function assignedResources(ctx: ViewContext): { minCpu: number; maxCpu: number; memorySize: bigint; logDiskSize: bigint } {
  const configs = unitConfigs(ctx);
  const sum = { minCpu: 0, maxCpu: 0, memorySize: 0n, logDiskSize: 0n };
  for (const pool of resourcePools(ctx)) {
    const c = configs.find((u) => u.id === pool.unitConfigId);
    if (c === undefined) continue;
    sum.minCpu += c.minCpu;
    sum.maxCpu += c.maxCpu;
    sum.memorySize += c.memorySize;
    sum.logDiskSize += c.logDiskSize;
  }
  return sum;
}

export const GV_OB_SERVERS: ViewDef = {
  name: 'GV$OB_SERVERS',
  kind: 'SYSTEM VIEW',
  visibility: 'all',
  columns: [
    col('SVR_IP', T.varchar(46), 'NO'),
    col('SVR_PORT', T.bigint(), 'NO'),
    col('ZONE', T.varchar(128), 'NO'),
    col('SQL_PORT', T.bigint(), 'NO'),
    col('CPU_CAPACITY', T.bigint(), 'NO'),
    col('CPU_CAPACITY_MAX', T.double(), 'NO'),
    col('CPU_ASSIGNED', T.double(), 'NO'),
    col('CPU_ASSIGNED_MAX', T.double(), 'NO'),
    col('MEM_CAPACITY', T.bigint(), 'NO'),
    col('MEM_ASSIGNED', T.bigint(), 'NO'),
    col('LOG_DISK_CAPACITY', T.bigint(), 'NO'),
    col('LOG_DISK_ASSIGNED', T.bigint(), 'NO'),
    col('LOG_DISK_IN_USE', T.bigint(), 'NO'),
    col('DATA_DISK_CAPACITY', T.bigint(), 'NO'),
    col('DATA_DISK_IN_USE', T.bigint(), 'NO'),
    col('DATA_DISK_HEALTH_STATUS', T.varchar(20), 'NO'),
    col('MEMORY_LIMIT', T.bigint(), 'NO'),
    col('DATA_DISK_ALLOCATED', T.bigint(), 'NO'),
    col('DATA_DISK_ABNORMAL_TIME', T.timestamp6(), 'NO'),
    col('SSL_CERT_EXPIRED_TIME', T.timestamp6(), 'NO'),
  ],
  rows: (ctx) => {
    // A GV$ view is answered by every live observer: a down one contributes no row.
    if (serverStatus(ctx.state) === 'INACTIVE') return [];
    const assigned = assignedResources(ctx);
    const row: Row = [
      SERVER.ip,
      int(SERVER.rpcPort),
      SERVER.zone,
      int(SERVER.sqlPort),
      int(SERVER.cpuCapacity),
      SERVER.cpuCapacity,
      assigned.minCpu,
      assigned.maxCpu,
      SERVER.memCapacity,
      assigned.memorySize,
      SERVER.logDiskCapacity,
      assigned.logDiskSize,
      0n,
      SERVER.dataDiskCapacity,
      0n,
      'NORMAL',
      SERVER.memoryLimit,
      SERVER.dataDiskCapacity,
      null,
      null,
    ];
    return [row];
  },
};
