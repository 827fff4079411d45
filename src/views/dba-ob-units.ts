/**
 * DBA_OB_UNITS (sys): every unit of every resource pool, granted or not (ob_inner_table_schema_def.py 21159: the
 * units of __all_unit joined with their pool and unit config; TENANT_ID NULL while the pool is not granted).
 * Columns: desc_sys_views_in_sys.result (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16). The one
 * server in one zone holds one unit per pool, numbered as GV$OB_UNITS numbers them (the pool's id); its unit group is
 * itself. No unit has migrated, so the MIGRATE_FROM_* and MANUAL_MIGRATE columns are NULL ("" → NULL in the view).
 */
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { resourcePools, unitConfigs } from './resources.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { int, timestamp } from './values.js';

function unitRows(ctx: ViewContext): Row[] {
  const configs = unitConfigs(ctx);
  const rows: Row[] = [];
  for (const pool of resourcePools(ctx)) {
    const config = configs.find((c) => c.id === pool.unitConfigId);
    if (config === undefined) continue;
    rows.push([
      int(pool.id),
      pool.tenantId === null ? null : int(pool.tenantId),
      'ACTIVE',
      int(pool.id),
      int(pool.id),
      timestamp(pool.createUs),
      timestamp(pool.modifyUs),
      SERVER.zone,
      SERVER.ip,
      int(SERVER.rpcPort),
      null,
      null,
      null,
      int(config.id),
      config.maxCpu,
      config.minCpu,
      config.memorySize,
      config.logDiskSize,
      config.maxIops,
      config.minIops,
      config.iopsWeight,
    ]);
  }
  return rows;
}

export const DBA_OB_UNITS: ViewDef = {
  name: 'DBA_OB_UNITS',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('UNIT_ID', T.bigint(), 'NO'),
    col('TENANT_ID', T.bigint(), 'NO'),
    col('STATUS', T.varchar(128), 'NO'),
    col('RESOURCE_POOL_ID', T.bigint(), 'NO'),
    col('UNIT_GROUP_ID', T.bigint(), 'NO'),
    col('CREATE_TIME', T.timestamp6(), 'YES'),
    col('MODIFY_TIME', T.timestamp6(), 'YES'),
    col('ZONE', T.varchar(128), 'NO'),
    col('SVR_IP', T.varchar(46), 'NO'),
    col('SVR_PORT', T.bigint(), 'NO'),
    col('MIGRATE_FROM_SVR_IP', T.varchar(46), 'NO'),
    col('MIGRATE_FROM_SVR_PORT', T.bigint(), 'NO'),
    col('MANUAL_MIGRATE', T.varchar(3), 'NO'),
    col('UNIT_CONFIG_ID', T.bigint(), 'NO'),
    col('MAX_CPU', T.double(), 'NO'),
    col('MIN_CPU', T.double(), 'NO'),
    col('MEMORY_SIZE', T.bigint(), 'NO'),
    col('LOG_DISK_SIZE', T.bigint(), 'NO'),
    col('MAX_IOPS', T.bigint(), 'NO'),
    col('MIN_IOPS', T.bigint(), 'NO'),
    col('IOPS_WEIGHT', T.bigint(), 'NO'),
  ],
  rows: unitRows,
};
