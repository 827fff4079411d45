/**
 * `__all_tenant` (sys inner table): the schema tenants, sys and user tenants (meta tenants are not schema tenants).
 * obd reads `select tenant_id from oceanbase.__all_tenant where tenant_name='t1'`. Columns follow the 4.x inner
 * table (inferred from the 4.x schema: not read in source). compatibility_mode 0 = MySQL, 1 = Oracle;
 * collation_type 45 = utf8mb4_general_ci.
 */
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import type { ViewDef } from './types.js';
import { int, timestamp } from './values.js';

export const ALL_TENANT: ViewDef = {
  name: '__all_tenant',
  kind: 'SYSTEM TABLE',
  visibility: 'sys',
  columns: [
    col('gmt_create', T.timestamp6(), 'YES'),
    col('gmt_modified', T.timestamp6(), 'YES'),
    col('tenant_id', T.bigint(), 'NO'),
    col('tenant_name', T.varchar(128), 'NO'),
    col('zone_list', T.varchar(8192), 'NO'),
    col('primary_zone', T.varchar(8192), 'YES'),
    col('locked', T.bigint(), 'NO'),
    col('collation_type', T.bigint(), 'NO'),
    col('info', T.varchar(4096), 'NO'),
    col('locality', T.varchar(4096), 'NO'),
    col('previous_locality', T.varchar(4096), 'NO'),
    col('default_tablegroup_id', T.bigint(), 'NO'),
    col('compatibility_mode', T.bigint(), 'NO'),
    col('drop_tenant_time', T.bigint(), 'NO'),
    col('status', T.varchar(64), 'NO'),
    col('in_recyclebin', T.bigint(), 'NO'),
    col('arbitration_service_status', T.varchar(64), 'NO'),
  ],
  rows: (ctx) =>
    ctx.state.tenants
      .filter((t) => t.type !== 'META')
      .map((t) => [
        timestamp(t.createUs),
        timestamp(t.modifyUs),
        int(t.id),
        t.name,
        SERVER.zone,
        t.primaryZone,
        t.locked === 'YES' ? 1n : 0n,
        45n,
        t.id === 1 ? 'system tenant' : '',
        t.locality,
        t.previousLocality,
        -1n,
        t.compatibilityMode === 'ORACLE' ? 1n : 0n,
        -1n,
        t.status,
        t.inRecyclebin === 'YES' ? 1n : 0n,
        t.arbitrationServiceStatus,
      ]),
};
