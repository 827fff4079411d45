/**
 * GV$OB_UNITS: the units on each observer. The 4.2 columns are the master DESC without MAX_NET_BANDWIDTH,
 * NET_BANDWIDTH_WEIGHT (4.3), DATA_DISK_SIZE (shared storage) and REPLICA_TYPE (4.3) (source:
 * desc_sys_views_in_sys.result). The engine models the sys unit only: user tenants' units are not part of its state.
 * A user tenant sees its own units (none), sys sees all.
 */
import { SERVER, SYS_UNIT, UNLIMITED_IOPS } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID, clusterStartUs } from './read.js';
import type { Row, ViewDef } from './types.js';
import { int, timestamp } from './values.js';

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
  rows: (ctx) => {
    if (ctx.tenantId !== SYS_TENANT_ID) return [];
    const row: Row = [
      SERVER.ip,
      int(SERVER.rpcPort),
      int(SYS_UNIT.unitId),
      int(SYS_TENANT_ID),
      SERVER.zone,
      'ReadWrite',
      SERVER.region,
      SYS_UNIT.maxCpu,
      SYS_UNIT.minCpu,
      SYS_UNIT.memorySize,
      UNLIMITED_IOPS,
      UNLIMITED_IOPS,
      0n,
      SYS_UNIT.logDiskSize,
      0n,
      0n,
      'NORMAL',
      timestamp(clusterStartUs(ctx)),
    ];
    return [row];
  },
};
