/**
 * GV$OB_PARAMETERS and V$OB_PARAMETERS: the parameters the tools read (clients.md §6: cluster_id, the backup,
 * syslog and HA parameters obdiag shows). Cluster-scope rows have TENANT_ID NULL; tenant-scope rows come once per
 * sys or user tenant, with the values ALTER SYSTEM SET stored in the engine. Sys sees every tenant's rows, a user
 * tenant its own. Columns are the 4.2 docs' list (inferred: the 4.2 DESC was not read); DATA_TYPE is NULL as in 4.2.
 * On a one-server cluster both views have the same rows.
 */
import type { TenantState } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID } from './read.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { int } from './values.js';

const DYNAMIC = 'DYNAMIC_EFFECTIVE';

interface Param {
  name: string;
  value: string;
  info: string;
  section: string;
}

/**
 * Each parameter's INFO, SECTION and SCOPE are its DEF_* line in src/share/parameter/ob_parameter_seed.ipp (4.2):
 * INFO is the description with C's adjacent literals joined as written (hence "value.Range"), SECTION the
 * ObParameterAttr section, SCOPE TENANT for OB_TENANT_PARAMETER and CLUSTER for OB_CLUSTER_PARAMETER; every one
 * shown here is EditLevel::DYNAMIC_EFFECTIVE. backup_data_file_size is a cluster parameter in one stored 4.2 tree
 * and a tenant parameter in another; it stays a cluster parameter here.
 */
function clusterParams(ctx: ViewContext): Param[] {
  return [
    { name: 'backup_data_file_size', value: '4G', info: 'backup data file size. Range: [512M, 4G] in integer', section: 'OBSERVER' },
    { name: 'cluster', value: ctx.state.clusterName === '' ? 'obcluster' : ctx.state.clusterName, info: 'Name of the cluster', section: 'OBSERVER' },
    { name: 'cluster_id', value: String(SERVER.clusterId), info: 'ID of the cluster', section: 'OBSERVER' },
    {
      name: 'syslog_io_bandwidth_limit',
      value: '30MB',
      info: 'Syslog IO bandwidth limitation, exceeding syslog would be truncated. Use 0 to disable ERROR log.',
      section: 'OBSERVER',
    },
    {
      name: 'syslog_level',
      value: 'WDIAG',
      info: 'specifies the current level of logging. There are DEBUG, TRACE, WDIAG, EDIAG, INFO, WARN, ERROR, seven different log levels.',
      section: 'OBSERVER',
    },
  ];
}

const HA_SCORE_INFO = (which: 'high' | 'low'): string =>
  `the current work thread score of high availability ${which} thread. Range: [0,100] in integer. Especially, 0 means default value`;

const ARCHIVE_LAG_TARGET_INFO =
  'The lag target of the log archive. The log archive target affects not only the backup availability, ' +
  'but also the lag of the standby database based on archive. Values larger than 7200s are not reasonable lag. ' +
  'The typical value is 120s. Extremely low values can result in high IOPS, which is not optimal for object storage; ' +
  'such values can also affect the performance of the database. The value 0ms means to archive as soon as possible. ' +
  'Range: [0ms,7200s]';

const LOG_ARCHIVE_CONCURRENCY_INFO =
  'log archive concurrency, for both archive fetcher and sender. ' +
  'If the value is default 0, the database will automatically calculate the number of archive worker threads ' +
  'based on the tenant specification, which is tenant max_cpu divided by 4; otherwise set the the worker count equals to the value.' +
  'Range: [0, 100] in integer';

const LOG_RESTORE_CONCURRENCY_INFO =
  'log restore concurrency, for both the restore tenant and standby tenant. ' +
  'If the value is default 0, the database will automatically calculate the number of restore worker threads ' +
  'based on the tenant specification, which is tenant max_cpu; otherwise set the the worker count equals to the value.' +
  'Range: [0, 100] in integer';

function tenantParams(t: TenantState): Param[] {
  const p = t.parameters;
  return [
    { name: 'archive_lag_target', value: p.archive_lag_target, info: ARCHIVE_LAG_TARGET_INFO, section: 'LOGSERVICE' },
    { name: 'ha_high_thread_score', value: String(p.ha_high_thread_score), info: HA_SCORE_INFO('high'), section: 'OBSERVER' },
    { name: 'ha_low_thread_score', value: String(p.ha_low_thread_score), info: HA_SCORE_INFO('low'), section: 'OBSERVER' },
    { name: 'log_archive_concurrency', value: String(p.log_archive_concurrency), info: LOG_ARCHIVE_CONCURRENCY_INFO, section: 'LOGSERVICE' },
    { name: 'log_restore_concurrency', value: '0', info: LOG_RESTORE_CONCURRENCY_INFO, section: 'LOGSERVICE' },
  ];
}

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
];

function row(scope: 'CLUSTER' | 'TENANT', tenantId: number | null, p: Param): Row {
  return [SERVER.ip, int(SERVER.rpcPort), SERVER.zone, scope, tenantId === null ? null : int(tenantId), p.name, null, p.value, p.info, p.section, DYNAMIC];
}

function parameterRows(ctx: ViewContext): Row[] {
  const rows = clusterParams(ctx).map((p) => row('CLUSTER', null, p));
  for (const t of ctx.state.tenants) {
    if (t.type === 'META') continue;
    if (ctx.tenantId !== SYS_TENANT_ID && ctx.tenantId !== t.id) continue;
    for (const p of tenantParams(t)) rows.push(row('TENANT', t.id, p));
  }
  return rows;
}

export const GV_OB_PARAMETERS: ViewDef = { name: 'GV$OB_PARAMETERS', kind: 'SYSTEM VIEW', visibility: 'all', columns: COLUMNS, rows: parameterRows };
export const V_OB_PARAMETERS: ViewDef = { name: 'V$OB_PARAMETERS', kind: 'SYSTEM VIEW', visibility: 'all', columns: COLUMNS, rows: parameterRows };
