/**
 * Standby operations at the level tools use them (clients.md §7): ACTIVATE STANDBY makes a STANDBY tenant PRIMARY
 * (from sys with TENANT, or in the standby's own session without it); RECOVER STANDBY UNTIL … records where replay
 * stops (RECOVERY_UNTIL_SCN; the role stays STANDBY); SWITCHOVER TO STANDBY / PRIMARY swaps roles; RUN UPGRADE
 * JOB writes the DBA_OB_CLUSTER_EVENT_HISTORY row obshell waits for.
 */
import type { RestoreStatement, Until } from '../../../grammar/ast.js';
import { isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { parseRestoreTime } from './plan.js';
import type { ClusterState, TenantState } from '../state.js';
import { DATA_VERSION, SCN_MAX, SYS_TENANT_ID, findTenant, findTenantByName, userTenants } from '../tenant/tenants.js';
import { scnOfUs } from '../cluster/time.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type Standby = Extract<RestoreStatement, { kind: 'ActivateStandby' | 'RecoverStandby' | 'Switchover' | 'RunUpgradeJob' }>;

/** The tenant a standby statement acts on: TENANT t from sys, or the session's own user tenant. */
function target(state: ClusterState, ctx: SessionContext, name: string | null): TenantState | ObError {
  const own = findTenant(state, ctx.tenantId);
  if (ctx.tenantId !== SYS_TENANT_ID) {
    if (name !== null && name.toLowerCase() !== own?.name.toLowerCase()) return obError('OB_ERR_NO_PRIVILEGE');
    return own ?? obError('OB_ERR_INVALID_TENANT_NAME');
  }
  if (name === null) return obErrorWith('OB_OP_NOT_ALLOW', 'standby operation on the sys tenant is');
  const tenant = findTenantByName(state, name);
  if (tenant === undefined) return obErrorWith('OB_TENANT_NOT_EXIST', name);
  if (tenant.type !== 'USER') return obErrorWith('OB_OP_NOT_ALLOW', `standby operation on ${tenant.type.toLowerCase()} tenant is`);
  return tenant;
}

function makePrimary(state: ClusterState, tenant: TenantState): void {
  tenant.role = 'PRIMARY';
  tenant.switchoverStatus = 'NORMAL';
  tenant.followsGts = true;
  tenant.recoveryUntilScn = SCN_MAX;
  tenant.replayedScn = null;
  tenant.modifyUs = state.nowUs;
}

function untilScn(until: Until | null): bigint | ObError {
  if (until === null || until.kind === 'UntilUnlimited') return SCN_MAX;
  if (until.kind === 'UntilScn') {
    const text = until.scn.trim();
    return /^\d+$/.test(text) && BigInt(text) > 0n ? BigInt(text) : obErrorWith('OB_INVALID_ARGUMENT', 'recover until scn');
  }
  const us = parseRestoreTime(until.time);
  return us === null ? obErrorWith('OB_INVALID_ARGUMENT', 'recover until time') : BigInt(us) * 1000n;
}

export function standby(cluster: Cluster, ctx: SessionContext, stmt: Standby): Outcome {
  const state = cluster.state;
  if (stmt.kind === 'RunUpgradeJob') return runUpgradeJob(state, ctx, stmt.job, stmt.tenant);
  const tenant = target(state, ctx, stmt.tenant);
  if (isObError(tenant)) return tenant;
  const t = tenant;
  switch (stmt.kind) {
    case 'ActivateStandby':
      // ObStandbyService: a tenant that is already primary logs "already is primary tenant, no need switch" and
      // succeeds, so an operator that retries the activation is not failed.
      if (t.role === 'PRIMARY') return OK;
      if (t.role !== 'STANDBY') return obErrorWith('OB_OP_NOT_ALLOW', `tenant role is ${t.role}, activate standby is`);
      if (!stmt.verify) makePrimary(state, t);
      return OK;
    case 'RecoverStandby': {
      if (t.role !== 'STANDBY') return obErrorWith('OB_OP_NOT_ALLOW', `tenant role is ${t.role}, recover standby is`);
      const scn = stmt.cancel ? (t.replayedScn ?? SCN_MAX) : untilScn(stmt.until);
      if (typeof scn !== 'bigint') return scn;
      t.recoveryUntilScn = scn;
      t.modifyUs = state.nowUs;
      return OK;
    }
    case 'Switchover':
      if (stmt.to === 'PRIMARY') {
        if (t.role !== 'STANDBY') return obErrorWith('OB_OP_NOT_ALLOW', `tenant role is ${t.role}, switchover to primary is`);
        if (!stmt.verify) makePrimary(state, t);
        return OK;
      }
      if (t.role !== 'PRIMARY') return obErrorWith('OB_OP_NOT_ALLOW', `tenant role is ${t.role}, switchover to standby is`);
      if (!stmt.verify) {
        t.role = 'STANDBY';
        t.switchoverStatus = 'NORMAL';
        t.followsGts = false;
        t.replayedScn = scnOfUs(state.nowUs);
        t.recoveryUntilScn = SCN_MAX;
        t.modifyUs = state.nowUs;
      }
      return OK;
  }
}

/** The upgrade jobs of ObUpgradeJobArg (RUN UPGRADE JOB '<name>'). */
const UPGRADE_JOBS = [
  'UPGRADE_BEGIN', 'UPGRADE_SYSTEM_VARIABLE', 'UPGRADE_SYSTEM_TABLE', 'UPGRADE_VIRTUAL_SCHEMA', 'UPGRADE_SYSTEM_PACKAGE',
  'UPGRADE_ALL_POST_ACTION', 'UPGRADE_INSPECTION', 'UPGRADE_END', 'UPGRADE_ALL',
];

/**
 * RUN UPGRADE JOB: the emulator is already at its data version, so a job has nothing to do but to record its
 * event. For UPGRADE_ALL the row obshell counts: EVENT `UPGRADE_ALL`, VALUE3 = ob_version(), VALUE5 = tenant id
 * (clients.md §7; the NAME columns are inferred).
 */
function runUpgradeJob(state: ClusterState, ctx: SessionContext, job: string, name: string | null): Outcome {
  if (ctx.tenantId !== SYS_TENANT_ID) return obErrorWith('OB_OP_NOT_ALLOW', 'run upgrade job from a user tenant is');
  const upper = job.toUpperCase();
  if (!UPGRADE_JOBS.includes(upper)) return obErrorWith('OB_INVALID_ARGUMENT', 'job');
  let tenants: TenantState[];
  if (name === null) tenants = [findTenant(state, SYS_TENANT_ID)!, ...userTenants(state)];
  else {
    const t = findTenantByName(state, name);
    if (t === undefined) return obErrorWith('OB_TENANT_NOT_EXIST', name);
    tenants = [t];
  }
  for (const t of tenants) {
    const jobId = state.clusterEvents.filter((e) => e.module === 'UPGRADE').length + 1;
    state.clusterEvents.push({
      atUs: state.nowUs,
      module: 'UPGRADE',
      event: upper,
      values: [
        ['job_id', String(jobId)],
        ['job_type', upper],
        ['target_data_version', DATA_VERSION],
        ['current_data_version', t.compatible],
        ['tenant_id', String(t.id)],
        ['ret', '0'],
      ],
    });
  }
  return OK;
}
