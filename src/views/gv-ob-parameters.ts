/**
 * GV$OB_PARAMETERS and V$OB_PARAMETERS: every parameter of ob_parameter_seed.ipp (src/engine/parameters), hidden
 * `_` ones included (__all_virtual_tenant_parameter_stat filters none). Cluster-scope rows have TENANT_ID NULL;
 * tenant-scope rows come once per tenant (sys, meta and user: each has its own tenant config), with the values
 * ALTER SYSTEM SET stored in the engine and the seed default otherwise. Sys sees every tenant's rows, a user tenant
 * its own. DATA_TYPE is NULL as in 4.2. On a one-server cluster both views have the same rows.
 *
 * Columns: desc_sys_views_in_sys.result (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16) has the
 * eleven up to EDIT_LEVEL; DEFAULT_VALUE and ISDEFAULT came with the 4.2.2 feature merge (f7c5b4168, "422_opensource
 * feature"), so 4.2.5 has them. ISDEFAULT is the view's `CASE ISDEFAULT WHEN 1 THEN 'YES' ELSE 'NO'` over the
 * virtual table's strncasecmp(value, default) (ObConfigItem::is_default). V$OB_PARAMETERS applies the same CASE a
 * second time, to GV$'s already converted 'YES' / 'NO', which never equals 1: its ISDEFAULT is always 'NO' in the
 * source, and so here.
 */
import { CLUSTER_PARAMETERS, TENANT_PARAMETERS } from '../engine/index.js';
import type { ClusterState, ParameterDef, TenantState } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID } from './read.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { int } from './values.js';

const COLUMNS = [
  col('SVR_IP', T.varchar(46), 'NO'),
  col('SVR_PORT', T.bigint(), 'NO'),
  col('ZONE', T.varchar(128), 'NO'),
  col('SCOPE', T.varchar(64), 'NO'),
  col('TENANT_ID', T.bigint(), 'YES'),
  col('NAME', T.varchar(128), 'NO'),
  col('DATA_TYPE', T.varchar(128), 'YES'),
  col('VALUE', T.varchar(65536), 'NO'),
  col('INFO', T.varchar(4096), 'NO'),
  col('SECTION', T.varchar(128), 'NO'),
  col('EDIT_LEVEL', T.varchar(128), 'NO'),
  col('DEFAULT_VALUE', T.varchar(65536), 'NO'),
  col('ISDEFAULT', T.varchar(3), 'NO'),
];

/** The values this observer starts with that are not the seed default: its own address, zone and cluster. */
function clusterValue(state: ClusterState, def: ParameterDef): string {
  const set = state.parameters[def.name];
  if (set !== undefined) return set;
  switch (def.name) {
    case 'cluster':
      return state.clusterName === '' ? 'obcluster' : state.clusterName;
    case 'cluster_id':
      return String(SERVER.clusterId);
    case 'zone':
      return SERVER.zone;
    case 'rpc_port':
      return String(SERVER.rpcPort);
    case 'mysql_port':
      return String(SERVER.sqlPort);
    default:
      return def.defaultValue;
  }
}

function tenantValue(t: TenantState, def: ParameterDef): string {
  const p = t.parameters;
  switch (def.name) {
    case 'ha_low_thread_score':
    case 'ha_high_thread_score':
    case 'log_archive_concurrency':
      return String(p[def.name]);
    case 'archive_lag_target':
      return p.archive_lag_target;
    case 'compatible':
      // The tenant's data version (DBA_OB_TENANTS.COMPATIBLE), which the seed default (the 4.2.1.6 tree's) is not.
      return p.other[def.name] ?? t.compatible;
    default:
      return p.other[def.name] ?? def.defaultValue;
  }
}

function row(def: ParameterDef, tenantId: number | null, value: string, gv: boolean): Row {
  const isDefault = gv && value.toLowerCase() === def.defaultValue.toLowerCase() ? 'YES' : 'NO';
  return [
    SERVER.ip,
    int(SERVER.rpcPort),
    SERVER.zone,
    def.scope,
    tenantId === null ? null : int(tenantId),
    def.name,
    null,
    value,
    def.info,
    def.section,
    def.editLevel,
    def.defaultValue,
    isDefault,
  ];
}

function parameterRows(ctx: ViewContext, gv: boolean): Row[] {
  const rows = CLUSTER_PARAMETERS.map((d) => row(d, null, clusterValue(ctx.state, d), gv));
  for (const t of ctx.state.tenants) {
    if (ctx.tenantId !== SYS_TENANT_ID && ctx.tenantId !== t.id) continue;
    for (const d of TENANT_PARAMETERS) rows.push(row(d, t.id, tenantValue(t, d), gv));
  }
  return rows;
}

export const GV_OB_PARAMETERS: ViewDef = {
  name: 'GV$OB_PARAMETERS',
  kind: 'SYSTEM VIEW',
  visibility: 'all',
  columns: COLUMNS,
  rows: (ctx) => parameterRows(ctx, true),
};
export const V_OB_PARAMETERS: ViewDef = {
  name: 'V$OB_PARAMETERS',
  kind: 'SYSTEM VIEW',
  visibility: 'all',
  columns: COLUMNS,
  rows: (ctx) => parameterRows(ctx, false),
};
