/**
 * The backup scheduler's steps (views.md §9.1-§9.3): one call per scheduled event of a job or a set task. The
 * set task walks INIT → BACKUP_SYS_META → BACKUP_USER_META → BACKUP_DATA_SYS → BACKUP_DATA_MINOR →
 * BACKUP_DATA_MAJOR → [BEFORE_BACKUP_LOG → BACKUP_LOG with PLUS ARCHIVELOG] → COMPLETED, each on its own event.
 */
import { OB_ERRORS } from '../../errors.js';
import type { ObErrorName } from '../../errors.js';
import {
  TICK_US,
  completeJob,
  createUserJob,
  failJob,
  moveJobToHistory,
  setFileOf,
  setJobStatus,
  setTaskStatus,
  startUserJob,
  stepCanceling,
  traceId,
} from './jobs.js';
import { backupStepVerdict, serverComment } from '../faults/backup-faults.js';
import { BACKUP_RETRY_INTERVAL_US, MAX_RETRY_TIMES, isNeedRetryError } from '../faults/classify.js';
import { activeError, throughputCap } from '../faults/faults.js';
import { baseSetFor, planData } from './sets.js';
import type { BackupJob, BackupTask, ClusterState, TenantState } from '../state.js';
import { backupOf, findTenant } from '../tenant/tenants.js';
import { US_PER_SECOND, nextGts } from '../cluster/time.js';

/** check_can_backup_: archive must be DOING on some dest while a job runs (statements.md §3.2 "Asynchronous"). */
function archiveFailure(tenant: TenantState): 'OB_LOG_ARCHIVE_NOT_RUNNING' | 'OB_LOG_ARCHIVE_INTERRUPTED' | null {
  const rounds = backupOf(tenant).rounds;
  if (rounds.some((r) => r.status === 'DOING')) return null;
  if (rounds.some((r) => r.status === 'INTERRUPTED')) return 'OB_LOG_ARCHIVE_INTERRUPTED';
  return 'OB_LOG_ARCHIVE_NOT_RUNNING';
}

/** A scheduled step of a live job. */
export function jobStep(state: ClusterState, tenant: TenantState, job: BackupJob): void {
  job.nextAtUs = null;
  if (job.jobLevel === 'CLUSTER') return sysJobStep(state, tenant, job);
  switch (job.status) {
    case 'INIT': {
      const failure = archiveFailure(tenant);
      if (failure) return failJob(state, tenant, job, failure);
      // INIT → DOING checks the dest (views.md §9.1 step 2): a broken one fails the job, or is retried by the job
      // manager (is_can_retry, retry_count_ up to OB_MAX_RETRY_TIMES, 5 s apart).
      const dest = activeError(state, tenant.id, 'BACKUP DEST');
      if (dest !== null) {
        dest.fault.fired++;
        if (!isNeedRetryError(dest.name) || (job.retryCount ?? 0) >= MAX_RETRY_TIMES) return failJob(state, tenant, job, dest.name);
        job.retryCount = (job.retryCount ?? 0) + 1;
        job.nextAtUs = state.nowUs + BACKUP_RETRY_INTERVAL_US;
        return;
      }
      return startUserJob(state, tenant, job);
    }
    case 'CANCELING':
      return stepCanceling(state, tenant, job);
    case 'COMPLETED':
    case 'FAILED':
    case 'CANCELED':
      return moveJobToHistory(state, tenant, job);
    case 'DOING':
      return;
  }
}

/** The sys (CLUSTER) job (§9.3): INIT → DOING creates the children; it ends when every child is gone. */
function sysJobStep(state: ClusterState, sys: TenantState, job: BackupJob): void {
  const children = liveChildren(state, job);
  switch (job.status) {
    case 'INIT': {
      setJobStatus(state, job, 'DOING');
      const req = {
        backupType: job.backupType,
        plusArchivelog: job.plusArchivelog,
        description: job.description,
        encryptionMode: job.encryptionMode,
        passwd: job.passwd,
      };
      for (const id of job.executorTenantIds) {
        const tenant = findTenant(state, id);
        if (tenant && tenant.status === 'NORMAL') createUserJob(state, tenant, req, job);
      }
      if (liveChildren(state, job).length === 0) job.nextAtUs = state.nowUs + TICK_US;
      return;
    }
    case 'DOING':
      if (children.length > 0) return;
      job.endUs = state.nowUs;
      setJobStatus(state, job, job.result === 0 ? 'COMPLETED' : 'FAILED');
      job.nextAtUs = state.nowUs + TICK_US;
      return;
    case 'CANCELING':
      for (const [tenant, child] of children) {
        if (child.status === 'INIT' || child.status === 'DOING') {
          setJobStatus(state, child, 'CANCELING');
          child.nextAtUs = state.nowUs + TICK_US;
        }
        void tenant;
      }
      if (children.length > 0) return;
      // cancel_user_tenant_job_ ends the sys job with advance_status_(CANCELED, OB_CANCELED), which writes RESULT,
      // so it is -4072 even when no child ever reported one (ob_backup_data_scheduler.cpp).
      job.result = OB_ERRORS.OB_CANCELED.code;
      job.endUs = state.nowUs;
      setJobStatus(state, job, 'CANCELED');
      job.nextAtUs = state.nowUs + TICK_US;
      return;
    case 'COMPLETED':
    case 'FAILED':
    case 'CANCELED':
      return moveJobToHistory(state, sys, job);
  }
}

function liveChildren(state: ClusterState, sysJob: BackupJob): [TenantState, BackupJob][] {
  const out: [TenantState, BackupJob][] = [];
  for (const id of sysJob.executorTenantIds) {
    const tenant = findTenant(state, id);
    if (!tenant || tenant.backup === null) continue;
    for (const j of tenant.backup.jobs) if (j.initiatorJobId === sysJob.jobId && j.initiatorTenantId === sysJob.tenantId) out.push([tenant, j]);
  }
  return out;
}

/** A scheduled step of a set task. */
export function taskStep(state: ClusterState, tenant: TenantState, task: BackupTask): void {
  task.nextAtUs = null;
  const job = backupOf(tenant).jobs.find((j) => j.jobId === task.jobId);
  if (!job || job.status !== 'DOING') return;
  const failure = archiveFailure(tenant);
  if (failure) return failJob(state, tenant, job, failure);
  const verdict = backupStepVerdict(state, task);
  if (verdict.kind === 'retry') {
    task.nextAtUs = verdict.atUs;
    return;
  }
  if (verdict.kind === 'fail') return failOnFault(state, tenant, job, verdict.name, verdict.lsId);
  resume(state, task);
  const next = (status: BackupTask['status'], afterUs: number): void => {
    setTaskStatus(state, task, status);
    task.nextAtUs = state.nowUs + afterUs;
  };
  switch (task.status) {
    case 'INIT':
      return next('BACKUP_SYS_META', 2 * US_PER_SECOND);
    case 'BACKUP_SYS_META':
      task.userLsStartScn = nextGts(state);
      return next('BACKUP_USER_META', 2 * US_PER_SECOND);
    case 'BACKUP_USER_META':
      startData(state, tenant, job, task);
      return next('BACKUP_DATA_SYS', US_PER_SECOND);
    case 'BACKUP_DATA_SYS':
      task.plan!.phaseStartUs = state.nowUs;
      task.lastStepUs = state.nowUs;
      return next('BACKUP_DATA_MINOR', Math.min(US_PER_SECOND, task.plan!.minorUs));
    case 'BACKUP_DATA_MINOR':
    case 'BACKUP_DATA_MAJOR':
      return dataProgress(state, task);
    case 'BEFORE_BACKUP_LOG':
      return next('BACKUP_LOG', 2 * US_PER_SECOND);
    case 'BACKUP_LOG':
      return completeJob(state, tenant, job, task);
    default:
      return;
  }
}

/** A final error of an LS task (or of the rootservice's own I/O) ends the job FAILED with that task's COMMENT. */
function failOnFault(state: ClusterState, tenant: TenantState, job: BackupJob, name: ObErrorName, lsId: number | null): void {
  const def = OB_ERRORS[name];
  failJob(state, tenant, job, name, lsId === null ? undefined : serverComment(lsId, def.code, def.m3, traceId(state)));
}

/** The redo of a retried LS task runs: the data phase's clock skips the time it stood still. */
function resume(state: ClusterState, task: BackupTask): void {
  if (task.pausedAtUs == null) return;
  if (task.plan !== null) task.plan.phaseStartUs += state.nowUs - task.pausedAtUs;
  if (task.lastStepUs !== undefined) task.lastStepUs = state.nowUs;
  task.pausedAtUs = null;
}

/**
 * The share of planned speed a phase runs at now: 1, or less under a THROUGHPUT cap on the backup dest, so that
 * the bytes written per second stay at most the cap.
 */
function capRate(state: ClusterState, task: BackupTask, phaseOutputBytes: number, phaseUs: number): number {
  const cap = throughputCap(state, task.tenantId, 'BACKUP DEST');
  if (cap === null || phaseUs <= 0 || phaseOutputBytes <= 0) return 1;
  return Math.min(1, cap / US_PER_SECOND / (phaseOutputBytes / phaseUs));
}

/**
 * A THROUGHPUT cap since the last step: the phase's clock is held back so that it advanced only `rate` of the
 * time that passed (the progress rows and the end time show it). Returns the rate, for the next step's timing.
 */
function throttle(state: ClusterState, task: BackupTask, phaseOutputBytes: number, phaseUs: number): number {
  const plan = task.plan!;
  const last = task.lastStepUs ?? state.nowUs;
  task.lastStepUs = state.nowUs;
  const rate = capRate(state, task, phaseOutputBytes, phaseUs);
  if (rate < 1) plan.phaseStartUs += (state.nowUs - last) * (1 - rate);
  return rate;
}

/** The consistent SCN is taken and the data plan fixed (INC: the changes since the base set's snapshot). */
function startData(state: ClusterState, tenant: TenantState, job: BackupJob, task: BackupTask): void {
  task.consistentScn = nextGts(state);
  const set = setFileOf(tenant, job);
  if (!set) return;
  set.snapshotUs = state.nowUs;
  const plan = planData(tenant, set, baseSetFor(tenant, job.destId), state.nowUs);
  task.plan = plan;
  task.tabletCount = plan.tablets;
  task.macroBlockCount = plan.macroBlocks;
}

/** Progress within BACKUP_DATA_MINOR / _MAJOR, one event per second; then the next phase. */
function dataProgress(state: ClusterState, task: BackupTask): void {
  const plan = task.plan!;
  const minor = task.status === 'BACKUP_DATA_MINOR';
  const phaseUs = minor ? plan.minorUs : plan.majorUs;
  const minorShare = plan.macroBlocks === 0 ? 0 : plan.minorMacroBlocks / plan.macroBlocks;
  const rate = throttle(state, task, plan.outputBytes * (minor ? minorShare : 1 - minorShare), phaseUs);
  const elapsed = state.nowUs - plan.phaseStartUs;
  const frac = Math.min(1, elapsed / phaseUs);
  const phaseBlocks = minor ? plan.minorMacroBlocks : plan.macroBlocks - plan.minorMacroBlocks;
  const doneBefore = minor ? 0 : plan.minorMacroBlocks;
  task.finishMacroBlockCount = doneBefore + Math.floor(phaseBlocks * frac);
  const totalFrac = plan.macroBlocks === 0 ? 1 : task.finishMacroBlockCount / plan.macroBlocks;
  task.inputBytes = Math.floor(plan.inputBytes * totalFrac);
  task.outputBytes = Math.floor(plan.outputBytes * totalFrac);
  if (!minor) task.finishTabletCount = Math.floor(plan.tablets * frac);
  if (frac < 1) {
    // The next step comes when the phase would end at the current rate (whole µs), or in a second: without the
    // division by the rate a capped phase would approach its end in ever smaller steps and never reach it.
    task.nextAtUs = state.nowUs + Math.min(US_PER_SECOND, Math.max(1, Math.ceil((phaseUs - elapsed) / rate)));
    return;
  }
  plan.phaseStartUs = state.nowUs;
  if (minor) {
    setTaskStatus(state, task, 'BACKUP_DATA_MAJOR');
    task.nextAtUs = state.nowUs + Math.min(US_PER_SECOND, plan.majorUs);
    return;
  }
  task.inputBytes = plan.inputBytes;
  task.outputBytes = plan.outputBytes;
  task.finishTabletCount = plan.tablets;
  task.endScn = nextGts(state);
  if (task.plusArchivelog) {
    setTaskStatus(state, task, 'BEFORE_BACKUP_LOG');
    task.nextAtUs = state.nowUs + US_PER_SECOND;
    return;
  }
  const tenant = findTenant(state, task.tenantId)!;
  const job = backupOf(tenant).jobs.find((j) => j.jobId === task.jobId)!;
  completeJob(state, tenant, job, task);
}
