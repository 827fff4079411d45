/**
 * DBA_OB_LOG_RESTORE_SOURCE / CDB_OB_LOG_RESTORE_SOURCE: where a standby (or restored) tenant reads log from, as
 * `ALTER SYSTEM SET LOG_RESTORE_SOURCE` stored it. In 4.2 log_restore_source is a backup config item, not a tenant
 * parameter: its parser writes `__all_log_restore_source` (checked: share/backup ob_log_restore_config.cpp
 * add_location_source / add_service_source), so it shows here and not in SHOW PARAMETERS. Both forms select
 * TENANT_ID first (view SQL). Column types are taken from the Oracle-mode twin (TYPE varchar(32), VALUE longtext);
 * the MySQL DESC was not read (inferred).
 *
 * VALUE: a LOCATION source stores its `path` item, the URI without `LOCATION=`; a SERVICE source stores the
 * attribute string OceanBase generates, `ip_list=…,USER=…,PASSWORD=…,TENANT_ID=…,CLUSTER_ID=…,COMPATIBILITY_MODE=…,
 * IS_ENCRYPTED=false` (the open-source form), the primary tenant resolved by name in this cluster.
 */
import type { TenantState } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { twins } from './twins.js';
import type { Row, ViewContext } from './types.js';
import { int } from './values.js';

/** OB_DEFAULT_LOG_RESTORE_SOURCE_ID: a tenant has one source, id 1 (inferred). */
const SOURCE_ID = 1n;

function serviceValue(ctx: ViewContext, typed: string): string {
  const m = /^\s*service\s*=\s*(\S+)\s+user\s*=\s*(\S+)\s+password\s*=\s*(\S+)\s*$/i.exec(typed);
  if (m === null) return typed;
  const [user = '', tenantName = ''] = (m[2] ?? '').split('@');
  const primary = ctx.state.tenants.find((t) => t.name.toLowerCase() === tenantName.toLowerCase());
  return [
    `ip_list=${m[1] ?? ''}`,
    `USER=${user}@${tenantName}`,
    `PASSWORD=${m[3] ?? ''}`,
    `TENANT_ID=${primary?.id ?? 0}`,
    `CLUSTER_ID=${SERVER.clusterId}`,
    `COMPATIBILITY_MODE=${primary?.compatibilityMode ?? 'MYSQL'}`,
    'IS_ENCRYPTED=false',
  ].join(',');
}

function sourceRows(ctx: ViewContext, tenant: TenantState | undefined): Row[] {
  const source = tenant?.backup?.logRestoreSource ?? null;
  if (tenant === undefined || source === null) return [];
  const value = source.type === 'LOCATION' ? source.value.replace(/^\s*location\s*=\s*/i, '').trim() : serviceValue(ctx, source.value);
  return [[int(tenant.id), SOURCE_ID, source.type, value, tenant.recoveryUntilScn ?? 0n]];
}

export const [DBA_OB_LOG_RESTORE_SOURCE, CDB_OB_LOG_RESTORE_SOURCE] = twins({
  suffix: 'OB_LOG_RESTORE_SOURCE',
  tenantIdIncluded: true,
  columns: [
    col('TENANT_ID', T.bigint(), 'NO'),
    col('ID', T.bigint(), 'NO'),
    col('TYPE', T.varchar(32), 'NO'),
    col('VALUE', T.longtext(), 'NO'),
    col('RECOVERY_UNTIL_SCN', T.ubigint(), 'NO'),
  ],
  rowsOf: (ctx, tenantId) => sourceRows(ctx, ctx.state.tenants.find((t) => t.id === tenantId)),
});
