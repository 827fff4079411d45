/**
 * The restore scheduler (views.md §8.13): the sys row walks CREATE_TENANT → WAIT_TENANT_RESTORE_FINISH →
 * RESTORE_SUCCESS | RESTORE_FAIL; at CREATE_TENANT it creates the tenant (next even id, META$<id>, role RESTORE)
 * and the tenant row, which walks RESTORE_PRE → RESTORE_CREATE_INIT_LS → RESTORE_WAIT_LS → POST_CHECK → UPGRADE →
 * RESTORE_SUCCESS. RESTORE_WAIT_LS lasts as long as the bytes to restore take. Finished rows move to the history
 * with STATUS SUCCESS / FAIL; the tenant is then a STANDBY whose data is the source's at the restore point.
 */
import { OB_ERRORS } from '../../errors.js';
import type { ObErrorName } from '../../errors.js';
import { rootserviceComment, traceId } from '../backup/jobs.js';
import { LS_RESTORE_RETRY_INTERVAL_US, lsRestoreCanRetry, restoreFailComment, restoreFault } from '../faults/restore-faults.js';
import { logRateOf } from '../tenant/tenants.js';
import { copyCatalogAt } from '../data/copy-at.js';
import { changesUntil } from '../data/macroblocks.js';
import type { ClusterState, RestoreJob, RestoreStatus, TenantData, TenantState } from '../state.js';
import { provisionTenantResources } from '../tenant/resources.js';
import { SYS_TENANT_ID, baseTenant, emptyBackup, findTenant, removeUserTenant } from '../tenant/tenants.js';
import { US_PER_SECOND } from '../cluster/time.js';
import { SYS_RESTORE_MACHINE, TENANT_RESTORE_MACHINE, changeStatus } from '../status-edges.js';

/** One restore scheduler round. */
export const RESTORE_TICK_US = US_PER_SECOND;
/** Virtual restore throughput: backup data (compressed set bytes) and archived log to replay. */
const DATA_BYTES_PER_SECOND = 2 * 1024 * 1024;
const LOG_BYTES_PER_SECOND = 32 * 1024 * 1024;

/** cal_version: major << 32 | minor << 16 | major_patch << 8 | minor_patch (4.0.0.0 = 17179869184). */
export function encodedVersion(version: string): bigint {
  const [a = 0, b = 0, c = 0, d = 0] = version.split('.').map(Number);
  return (BigInt(a) << 32n) | (BigInt(b) << 16n) | (BigInt(c) << 8n) | BigInt(d);
}

/** How long RESTORE_WAIT_LS takes for these bytes (at least one second). */
export function restoreDurationUs(dataBytes: number, logBytes: number): number {
  return Math.max(US_PER_SECOND, Math.ceil((dataBytes / DATA_BYTES_PER_SECOND + logBytes / LOG_BYTES_PER_SECOND) * US_PER_SECOND));
}

export function setRestoreStatus(state: ClusterState, job: RestoreJob, to: RestoreStatus): void {
  const machine = job.tenantId === SYS_TENANT_ID ? SYS_RESTORE_MACHINE : TENANT_RESTORE_MACHINE;
  changeStatus(machine, `restore job ${job.jobId} row ${job.tenantId}`, job, to, state.nowUs);
}

/** One scheduled step of a live restore row. */
export function restoreStep(state: ClusterState, job: RestoreJob): void {
  job.nextAtUs = null;
  const fault = restoreFault(state, job);
  if (fault !== null) {
    if (job.status !== 'RESTORE_WAIT_LS') return failOnFault(state, job, fault);
    const retries = job.lsRetryCount ?? 0;
    if (!lsRestoreCanRetry(fault, retries)) return failOnFault(state, job, fault);
    // The LS restore failed and waits its retry interval; its progress stands still meanwhile.
    job.lsRetryCount = retries + 1;
    if (job.pausedAtUs == null) job.pausedAtUs = state.nowUs;
    job.nextAtUs = state.nowUs + LS_RESTORE_RETRY_INTERVAL_US;
    return;
  }
  if (job.pausedAtUs != null && job.plan !== null) {
    job.plan.phaseStartUs += state.nowUs - job.pausedAtUs;
    job.pausedAtUs = null;
  }
  if (job.tenantId === SYS_TENANT_ID) sysStep(state, job);
  else tenantStep(state, job);
}

function sysStep(state: ClusterState, job: RestoreJob): void {
  switch (job.status) {
    case 'CREATE_TENANT':
      return createTenantStep(state, job);
    case 'WAIT_TENANT_RESTORE_FINISH': {
      if (state.restoreJobs.some((j) => j.jobId === job.jobId && j !== job)) return;
      const row = [...state.restoreHistory].reverse().find((h) => h.jobId === job.jobId && h.tenantId === job.restoreTenantId);
      if (row !== undefined) copyProgress(job, row);
      job.comment = row?.comment ?? job.comment;
      setRestoreStatus(state, job, row?.status === 'SUCCESS' ? 'RESTORE_SUCCESS' : 'RESTORE_FAIL');
      job.finishUs = state.nowUs;
      job.nextAtUs = state.nowUs + RESTORE_TICK_US;
      return;
    }
    case 'RESTORE_SUCCESS':
    case 'RESTORE_FAIL':
      return moveToHistory(state, job);
    default:
      return;
  }
}

function copyProgress(to: RestoreJob, from: RestoreJob): void {
  to.totalBytes = from.totalBytes;
  to.finishBytes = from.finishBytes;
  to.finishLsCount = from.finishLsCount;
  to.finishTabletCount = from.finishTabletCount;
}

/** Creating the tenant (ObRestoreScheduler: create tenant from the job); a pool problem fails the job. */
function createTenantStep(state: ClusterState, job: RestoreJob): void {
  const plan = job.plan!;
  for (const name of plan.poolList) {
    const pool = state.resourcePools.find((p) => p.name === name);
    if (pool === undefined) return failSysJob(state, job, OB_ERRORS.OB_RESOURCE_POOL_NOT_EXIST.code, `resource pool '${name}' not exist`);
    if (pool.tenantId !== null) {
      return failSysJob(state, job, OB_ERRORS.OB_RESOURCE_POOL_ALREADY_GRANTED.code, `resource pool '${name}' has already been granted to a tenant`);
    }
  }
  const source = findTenant(state, plan.sourceTenantId);
  if (source === undefined || source.backup === null) {
    return failSysJob(state, job, OB_ERRORS.OB_ENTRY_NOT_EXIST.code, 'backup tenant no longer exists');
  }
  const tenant = createRestoredTenant(state, job, source.backup.data);
  for (const pool of state.resourcePools) {
    if (plan.poolList.includes(pool.name)) {
      pool.tenantId = tenant.id;
      pool.modifyUs = state.nowUs;
    }
  }
  // A restore that names no pool still gives the new tenant resources of its own.
  if (plan.poolList.length === 0) provisionTenantResources(state, tenant);
  job.restoreTenantId = tenant.id;
  const row: RestoreJob = {
    ...structuredClone(job),
    tenantId: tenant.id,
    status: 'RESTORE_PRE',
    totalBytes: plan.totalBytes,
    finishBytes: 0,
    nextAtUs: state.nowUs + RESTORE_TICK_US,
    statusLog: [{ from: null, to: 'RESTORE_PRE', atUs: state.nowUs }],
  };
  state.restoreJobs.push(row);
  setRestoreStatus(state, job, 'WAIT_TENANT_RESTORE_FINISH');
}

/** The new tenant (and META$<id>): role RESTORE, status RESTORE, data the source's at the restore point. */
function createRestoredTenant(state: ClusterState, job: RestoreJob, sourceData: TenantData): TenantState {
  const plan = job.plan!;
  const id = state.nextUserTenantId;
  state.nextUserTenantId += 2;
  const meta = baseTenant(id - 1, `META$${id}`, 'META', 'MYSQL', state.nowUs);
  const user = baseTenant(id, job.restoreTenantName, 'USER', plan.compatibilityMode, state.nowUs);
  // A standby is not written to: no workload until it is activated and given a write rate.
  user.backup = emptyBackup({
    macroBlockCount: sourceData.macroBlockCount,
    tabletCount: sourceData.tabletCount,
    compressionRatio: sourceData.compressionRatio,
    writeRateBytesPerSec: 0,
    writtenUntilUs: state.nowUs,
    writeCarry: 0,
    changes: changesUntil(sourceData.changes, plan.restoreUs),
    logSegments: [{ fromUs: state.nowUs, bytesAtFrom: 0, rateBytesPerSec: logRateOf(0) }],
  });
  // The databases, tables and rows committed at or before the restore SCN (the ids kept, as OceanBase does).
  if (sourceData.catalog !== undefined && plan.compatibilityMode === 'MYSQL') {
    user.backup.data.catalog = copyCatalogAt(sourceData.catalog, job.restoreScn, sourceData.macroBlockCount);
  }
  user.status = 'RESTORE';
  user.role = 'RESTORE';
  user.followsGts = false;
  user.recoveryUntilScn = job.restoreScn;
  if (plan.primaryZone !== '') user.primaryZone = plan.primaryZone;
  if (plan.locality !== '') user.locality = plan.locality;
  state.tenants.push(meta, user);
  state.tenants.sort((a, b) => a.id - b.id);
  return user;
}

function tenantStep(state: ClusterState, job: RestoreJob): void {
  const plan = job.plan!;
  const next = (to: RestoreStatus, afterUs = RESTORE_TICK_US): void => {
    setRestoreStatus(state, job, to);
    job.nextAtUs = state.nowUs + afterUs;
  };
  switch (job.status) {
    case 'RESTORE_PRE':
      return next('RESTORE_CREATE_INIT_LS');
    case 'RESTORE_CREATE_INIT_LS':
      plan.phaseStartUs = state.nowUs;
      return next('RESTORE_WAIT_LS', Math.min(RESTORE_TICK_US, plan.waitLsUs));
    case 'RESTORE_WAIT_LS': {
      const frac = Math.min(1, (state.nowUs - plan.phaseStartUs) / plan.waitLsUs);
      job.finishBytes = Math.floor(plan.totalBytes * frac);
      job.finishTabletCount = Math.floor(job.tabletCount * frac);
      if (frac < 1) {
        job.nextAtUs = state.nowUs + Math.min(RESTORE_TICK_US, plan.phaseStartUs + plan.waitLsUs - state.nowUs);
        return;
      }
      job.finishLsCount = job.lsCount;
      return next('POST_CHECK');
    }
    case 'POST_CHECK':
      return next('UPGRADE');
    case 'UPGRADE': {
      const tenant = findTenant(state, job.tenantId);
      if (tenant !== undefined) {
        tenant.status = 'NORMAL';
        tenant.role = 'STANDBY';
        tenant.replayedScn = job.restoreScn;
        tenant.modifyUs = state.nowUs;
      }
      job.finishUs = state.nowUs;
      return next('RESTORE_SUCCESS');
    }
    case 'RESTORE_SUCCESS':
    case 'RESTORE_FAIL':
      return moveToHistory(state, job);
    default:
      return;
  }
}

/** A finished row leaves RESTORE_PROGRESS for RESTORE_HISTORY (STATUS SUCCESS / FAIL); the sys row is woken. */
function moveToHistory(state: ClusterState, job: RestoreJob): void {
  state.restoreJobs = state.restoreJobs.filter((j) => j !== job);
  setRestoreStatus(state, job, job.status === 'RESTORE_SUCCESS' ? 'SUCCESS' : 'FAIL');
  if (job.finishUs === 0) job.finishUs = state.nowUs;
  if (job.totalBytes === null) {
    job.totalBytes = 0;
    job.finishBytes = 0;
  }
  job.nextAtUs = null;
  job.plan = null;
  state.restoreHistory.push(job);
  const sys = state.restoreJobs.find((j) => j.jobId === job.jobId && j.tenantId === SYS_TENANT_ID);
  if (sys !== undefined && sys.nextAtUs === null) sys.nextAtUs = state.nowUs + RESTORE_TICK_US;
}

/**
 * An injected RESTORE fault: the row fails in its phase (RESTORE_FAIL, then RESTORE_HISTORY FAIL); the tenant row's
 * failure wakes the sys row, which takes its COMMENT. The restored tenant stays as it is (role RESTORE) for the
 * DBA to drop, with its resource pool.
 */
function failOnFault(state: ClusterState, job: RestoreJob, name: ObErrorName): void {
  job.comment = restoreFailComment(job, name, traceId(state));
  job.finishUs = state.nowUs;
  setRestoreStatus(state, job, 'RESTORE_FAIL');
  job.nextAtUs = state.nowUs + RESTORE_TICK_US;
}

function failSysJob(state: ClusterState, job: RestoreJob, code: number, message: string): void {
  job.comment = rootserviceComment(state, code, message);
  job.finishUs = state.nowUs;
  setRestoreStatus(state, job, 'RESTORE_FAIL');
  job.nextAtUs = state.nowUs + RESTORE_TICK_US;
}

/**
 * Ends a live restore at once (CANCEL RESTORE, DROP TENANT of the restoring tenant): its progress rows go, the
 * tenant (if created) is dropped, and the sys row is recorded in the history as FAIL with `comment`.
 */
export function abortRestore(state: ClusterState, sysJob: RestoreJob, comment: string): void {
  state.restoreJobs = state.restoreJobs.filter((j) => j.jobId !== sysJob.jobId);
  const tenant = sysJob.restoreTenantId === 0 ? undefined : findTenant(state, sysJob.restoreTenantId);
  if (tenant !== undefined) removeUserTenant(state, tenant);
  sysJob.comment = comment;
  sysJob.finishUs = state.nowUs;
  if (sysJob.status !== 'RESTORE_FAIL') setRestoreStatus(state, sysJob, 'RESTORE_FAIL');
  setRestoreStatus(state, sysJob, 'FAIL');
  sysJob.totalBytes = 0;
  sysJob.finishBytes = 0;
  sysJob.nextAtUs = null;
  sysJob.plan = null;
  state.restoreHistory.push(sysJob);
}

/** The live sys row of the restore that creates (or created) `tenantId`, if any. */
export function liveRestoreOf(state: ClusterState, tenantId: number): RestoreJob | undefined {
  return state.restoreJobs.find((j) => j.tenantId === SYS_TENANT_ID && j.restoreTenantId === tenantId);
}

