/**
 * GV$OB_LOG_STAT / V$OB_LOG_STAT: the palf state of each log stream replica on the server. Columns:
 * desc_sys_views_in_sys.result (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16), where only the GV
 * form prints Default NULL. One server holds each LS as its only paxos member and LEADER, so PAXOS_REPLICA_NUM is 1
 * and there is no arbitration member, degraded or learner list. ACCESS_MODE is APPEND for a primary tenant and
 * RAW_WRITE while logs are written by restore or standby replay (palf's AccessMode). The log runs from LSN 0 at the
 * tenant's creation to the bytes the tenant has generated (TenantData.logSegments; a user tenant's go to its user
 * LS, LS 1 holds sys's own) and to the SCN its logs are synced to. CONFIG_VERSION, PAXOS_MEMBER_LIST and IN_SYNC
 * are printed as the formats of LogConfigVersion, the member list (`ip:port:timestamp`) and the leader's flag are
 * understood here (inferred, not read in the source).
 */
import { logBytesAt, scnOfUs } from '../engine/index.js';
import type { TenantState } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_LS_ID, isUserTenant, logStreamIds, userSyncScn } from './log-streams.js';
import { SYS_TENANT_ID } from './read.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { int } from './values.js';

const COLUMNS = [
  col('TENANT_ID', T.bigint(), 'NO'),
  col('LS_ID', T.bigint(), 'NO'),
  col('SVR_IP', T.varchar(46), 'NO'),
  col('SVR_PORT', T.bigint(), 'NO'),
  col('ROLE', T.varchar(32), 'NO'),
  col('PROPOSAL_ID', T.bigint(), 'NO'),
  col('CONFIG_VERSION', T.varchar(128), 'NO'),
  col('ACCESS_MODE', T.varchar(32), 'NO'),
  col('PAXOS_MEMBER_LIST', T.varchar(1024), 'NO'),
  col('PAXOS_REPLICA_NUM', T.bigint(), 'NO'),
  col('IN_SYNC', T.varchar(3), 'NO'),
  col('BASE_LSN', T.ubigint(), 'NO'),
  col('BEGIN_LSN', T.ubigint(), 'NO'),
  col('BEGIN_SCN', T.ubigint(), 'NO'),
  col('END_LSN', T.ubigint(), 'NO'),
  col('END_SCN', T.ubigint(), 'NO'),
  col('MAX_LSN', T.ubigint(), 'NO'),
  col('MAX_SCN', T.ubigint(), 'NO'),
  col('ARBITRATION_MEMBER', T.varchar(128), 'NO'),
  col('DEGRADED_LIST', T.varchar(1024), 'NO'),
  col('LEARNER_LIST', T.longtext(), 'NO'),
];

function tenantRows(t: TenantState, nowUs: number): Row[] {
  const user = isUserTenant(t);
  const endScn = user ? userSyncScn(t, nowUs) : scnOfUs(nowUs);
  const bytes = t.backup === null ? 0 : Math.floor(logBytesAt(t.backup.data, nowUs));
  const beginScn = scnOfUs(t.createUs);
  return logStreamIds(t).map((lsId) => {
    // A user tenant's logs are written to its user LS; sys and meta tenants have only LS 1.
    const holdsLog = user ? lsId !== SYS_LS_ID : true;
    const end = BigInt(holdsLog ? bytes : 0);
    return [
      int(t.id),
      int(lsId),
      SERVER.ip,
      int(SERVER.rpcPort),
      'LEADER',
      1n,
      '{proposal_id:1, config_seq:1}',
      t.followsGts || !user ? 'APPEND' : 'RAW_WRITE',
      `${SERVER.ip}:${SERVER.rpcPort}:1`,
      1n,
      'NO',
      0n,
      0n,
      beginScn,
      end,
      endScn,
      end,
      endScn,
      '',
      '',
      '',
    ];
  });
}

function logStatRows(ctx: ViewContext): Row[] {
  return ctx.state.tenants
    .filter((t) => ctx.tenantId === SYS_TENANT_ID || t.id === ctx.tenantId)
    .flatMap((t) => tenantRows(t, ctx.nowUs));
}

export const GV_OB_LOG_STAT: ViewDef = { name: 'GV$OB_LOG_STAT', kind: 'SYSTEM VIEW', visibility: 'all', columns: COLUMNS, rows: logStatRows };
export const V_OB_LOG_STAT: ViewDef = { name: 'V$OB_LOG_STAT', kind: 'SYSTEM VIEW', visibility: 'all', columns: COLUMNS, rows: logStatRows };
