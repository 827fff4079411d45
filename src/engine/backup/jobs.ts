/**
 * Backup job life cycle (views.md §9.1, §9.3, §9.4): creating user and sys jobs, INIT → DOING with the set task
 * and the set file, failing and canceling, finishing, and the move of terminal rows to the history tables.
 */
import { OB_ERRORS } from '../../errors.js';
import type { ObErrorName } from '../../errors.js';
import { baseSetFor, prevIds } from './sets.js';
import { nextHex } from '../cluster/rng.js';
import type {
  BackupJob,
  BackupSetFile,
  BackupStats,
  BackupTask,
  BackupType,
  ClusterState,
  EncryptionMode,
  JobStatus,
  TaskStatus,
  TenantState,
} from '../state.js';
import { DATA_VERSION, SYS_TENANT_ID, backupOf, findTenant } from '../tenant/tenants.js';
import { US_PER_SECOND, nextGts, scnDisplay9 } from '../cluster/time.js';
import { JOB_MACHINE, TASK_MACHINE, changeStatus } from '../status-edges.js';

/** One scheduler round (jobs move on at the next round). */
export const TICK_US = US_PER_SECOND;

export interface JobRequest {
  backupType: BackupType;
  plusArchivelog: boolean;
  description: string;
  encryptionMode: EncryptionMode;
  passwd: string;
}

export function setJobStatus(state: ClusterState, job: BackupJob, to: JobStatus): void {
  changeStatus(JOB_MACHINE, `tenant ${job.tenantId} job ${job.jobId}`, job, to, state.nowUs);
  state.rootserviceEvents.push({
    atUs: state.nowUs,
    module: 'backup_data',
    event: 'change_job_status',
    values: [
      ['tenant_id', String(job.tenantId)],
      ['job_id', String(job.jobId)],
      ['backup_set_id', String(job.backupSetId)],
      ['status', to],
      ['result', String(job.result)],
    ],
  });
}

export function setTaskStatus(state: ClusterState, task: BackupTask, to: TaskStatus): void {
  changeStatus(TASK_MACHINE, `tenant ${task.tenantId} task ${task.taskId}`, task, to, state.nowUs);
  // A new phase runs new LS tasks, whose retry ids start at 0 (ObBackupDataLSTaskMgr).
  task.lsRetryId = 0;
}

/** What every new job starts with, user or sys: the request's options and an INIT status logged now. */
type NewJobFields = Pick<BackupJob, 'incarnation' | 'plusArchivelog' | 'encryptionMode' | 'passwd' | 'startUs' | 'endUs'
  | 'status' | 'result' | 'comment' | 'description' | 'nextAtUs' | 'statusLog'>;

function newJobFields(state: ClusterState, req: JobRequest): NewJobFields {
  return {
    incarnation: 1,
    plusArchivelog: req.plusArchivelog,
    encryptionMode: req.encryptionMode,
    passwd: req.passwd,
    startUs: state.nowUs,
    endUs: 0,
    status: 'INIT',
    result: 0,
    comment: '',
    description: req.description,
    nextAtUs: state.nowUs + TICK_US,
    statusLog: [{ from: null, to: 'INIT', atUs: state.nowUs }],
  };
}

/** A user-tenant job in INIT (§9.1 step 1). `type` is already converted to FULL when there is no base set. */
export function createUserJob(state: ClusterState, tenant: TenantState, req: JobRequest, sysJob: BackupJob | null): BackupJob {
  const backup = backupOf(tenant);
  const dest = backup.dataBackupDest;
  const base = dest ? baseSetFor(tenant, dest.destId) : undefined;
  const job: BackupJob = {
    tenantId: tenant.id,
    jobId: backup.counters.jobId++,
    backupSetId: backup.counters.backupSetId++,
    initiatorTenantId: sysJob ? SYS_TENANT_ID : tenant.id,
    initiatorJobId: sysJob ? sysJob.jobId : 0,
    executorTenantIds: [tenant.id],
    backupType: req.backupType === 'INC' && base !== undefined ? 'INC' : 'FULL',
    jobLevel: 'USER_TENANT',
    path: dest ? dest.path : '',
    destId: dest ? dest.destId : 0,
    ...newJobFields(state, req),
  };
  backup.jobs.push(job);
  return job;
}

/** The sys (CLUSTER) job of a sys-initiated backup (§9.3). */
export function createSysJob(state: ClusterState, sys: TenantState, req: JobRequest, executors: readonly TenantState[]): BackupJob {
  const backup = backupOf(sys);
  const jobId = backup.counters.jobId++;
  const job: BackupJob = {
    tenantId: SYS_TENANT_ID,
    jobId,
    backupSetId: 0,
    initiatorTenantId: SYS_TENANT_ID,
    initiatorJobId: jobId,
    executorTenantIds: executors.map((t) => t.id),
    backupType: req.backupType,
    jobLevel: 'CLUSTER',
    path: '',
    destId: 0,
    ...newJobFields(state, req),
  };
  backup.jobs.push(job);
  return job;
}

/** INIT → DOING (§9.1 step 2): insert the set task (INIT) and the set file (DOING / COPYING). */
export function startUserJob(state: ClusterState, tenant: TenantState, job: BackupJob): void {
  const backup = backupOf(tenant);
  const round = backup.rounds.find((r) => r.status === 'DOING');
  const startScn = nextGts(state);
  const base = baseSetFor(tenant, job.destId);
  const [prevFull, prevInc] = prevIds(base, job.backupType);
  const task: BackupTask = {
    tenantId: tenant.id,
    taskId: backup.counters.taskId++,
    jobId: job.jobId,
    incarnation: 1,
    backupSetId: job.backupSetId,
    startUs: job.startUs,
    endUs: 0,
    status: 'INIT',
    startScn,
    endScn: 0n,
    userLsStartScn: 0n,
    encryptionMode: job.encryptionMode,
    passwd: job.passwd,
    ...emptyStats(),
    result: 0,
    comment: '',
    path: job.path,
    minorTurnId: 1,
    majorTurnId: 1,
    plan: null,
    // Logs must be replayed from the archive checkpoint, which lags behind the start (views.md §10.6).
    startReplayScn: round && round.checkpointScn > 0n && round.checkpointScn < startScn ? round.checkpointScn : startScn,
    consistentScn: 0n,
    plusArchivelog: job.plusArchivelog,
    nextAtUs: state.nowUs + TICK_US,
    statusLog: [{ from: null, to: 'INIT', atUs: state.nowUs }],
  };
  backup.tasks.push(task);
  backup.setFiles.push(newSetFile(tenant, job, prevFull, prevInc));
  setJobStatus(state, job, 'DOING');
  job.nextAtUs = null;
}

function newSetFile(tenant: TenantState, job: BackupJob, prevFull: number, prevInc: number): BackupSetFile {
  return {
    tenantId: tenant.id,
    backupSetId: job.backupSetId,
    destId: job.destId,
    incarnation: 1,
    backupType: job.backupType,
    prevFullBackupSetId: prevFull,
    prevIncBackupSetId: prevInc,
    startUs: job.startUs,
    endUs: 0,
    status: 'DOING',
    fileStatus: 'COPYING',
    plusArchivelog: job.plusArchivelog,
    startReplayScn: 0n,
    minRestoreScn: 0n,
    minRestoreScnDisplay: '',
    ...emptyStats(),
    result: 0,
    comment: '',
    encryptionMode: job.encryptionMode,
    passwd: job.passwd,
    tenantCompatible: tenant.compatible,
    backupCompatible: 3,
    path: job.path,
    clusterVersion: DATA_VERSION,
    consistentScn: 0n,
    minorTurnId: 1,
    majorTurnId: 1,
    snapshotUs: 0,
  };
}

export function setFileOf(tenant: TenantState, job: BackupJob): BackupSetFile | undefined {
  return backupOf(tenant).setFiles.find((s) => s.backupSetId === job.backupSetId);
}

export function taskOf(tenant: TenantState, job: BackupJob): BackupTask | undefined {
  return backupOf(tenant).tasks.find((t) => t.jobId === job.jobId);
}

/** `(ROOTSERVICE)addr: …, result: <ret>(<msg>), trace_id: …` (views.md §8.6). */
export function rootserviceComment(state: ClusterState, code: number, message: string): string {
  return `(ROOTSERVICE)addr: 127.0.0.1:2882, result: ${code}(${message}), trace_id: ${traceId(state)}`;
}

/** A trace id in OceanBase's printed form (`Y<ip:port hex>-<seq hex>-0-0`), from the seeded stream. */
export function traceId(state: ClusterState): string {
  return `Y${nextHex(state.rng, 12)}-${nextHex(state.rng, 16)}-0-0`;
}

/** A task's or a set's figures before any LS task has reported: turns start at meta 1, data 0 (views.md §4.2). */
function emptyStats(): BackupStats {
  return {
    inputBytes: 0,
    outputBytes: 0,
    extraMetaBytes: 0,
    tabletCount: 0,
    finishTabletCount: 0,
    macroBlockCount: 0,
    finishMacroBlockCount: 0,
    fileCount: 0,
    metaTurnId: 1,
    dataTurnId: 0,
  };
}

const STATS_KEYS = Object.keys(emptyStats()) as (keyof BackupStats)[];

/** Copies the task's figures (and its RESULT and COMMENT) into the set file, as the task finishes. */
function fillSetFile(set: BackupSetFile, task: BackupTask): void {
  set.endUs = task.endUs;
  for (const key of STATS_KEYS) set[key] = task[key];
  set.minRestoreScn = task.endScn;
  set.minRestoreScnDisplay = task.endScn === 0n ? '' : scnDisplay9(task.endScn);
  set.result = task.result;
  set.comment = task.comment;
}

/**
 * A non-reentrant failure (§9.1 step 4b): job, task and set fail at once with `name`'s code. The COMMENT is the
 * failed LS task's (`comment`, the SERVER form) or, when none reported one, deal_non_reentrant_job's ROOTSERVICE form.
 */
export function failJob(state: ClusterState, tenant: TenantState, job: BackupJob, name: ObErrorName, comment?: string): void {
  const def = OB_ERRORS[name];
  job.result = def.code;
  job.comment = comment ?? rootserviceComment(state, def.code, def.m3);
  job.endUs = state.nowUs;
  const task = taskOf(tenant, job);
  if (task) {
    task.result = def.code;
    task.comment = job.comment;
    task.endUs = state.nowUs;
    task.nextAtUs = null;
    setTaskStatus(state, task, 'FAILED');
    const set = setFileOf(tenant, job);
    if (set) {
      fillSetFile(set, task);
      set.status = 'FAILED';
      set.fileStatus = 'INCOMPLETE';
    }
  }
  setJobStatus(state, job, 'FAILED');
  job.nextAtUs = state.nowUs + TICK_US;
}

/** The task reached COMPLETED: the set becomes SUCCESS / AVAILABLE and the job COMPLETED. */
export function completeJob(state: ClusterState, tenant: TenantState, job: BackupJob, task: BackupTask): void {
  task.endUs = state.nowUs;
  task.nextAtUs = null;
  setTaskStatus(state, task, 'COMPLETED');
  const set = setFileOf(tenant, job);
  if (set) {
    fillSetFile(set, task);
    set.startReplayScn = task.startReplayScn;
    set.consistentScn = task.consistentScn;
    set.status = 'SUCCESS';
    set.fileStatus = 'AVAILABLE';
  }
  job.endUs = state.nowUs;
  setJobStatus(state, job, 'COMPLETED');
  job.nextAtUs = state.nowUs + TICK_US;
}

/**
 * The set task's COMMENT for a RESULT, as ObUserTenantBackupJobMgr::update_set_task_to_canceling_
 * (ob_backup_data_scheduler.cpp) and ObBackupTaskOperator::advance_task_status write it: '' for OB_SUCCESS, else
 * ob_strerror(result), the error's plain message (views.md §8.6).
 */
function taskComment(result: number): string {
  if (result === 0) return '';
  const def = Object.values(OB_ERRORS).find((d) => d.code === result);
  return def === undefined ? 'Unknown error' : def.m3;
}

/** CANCELING → CANCELED (§9.1 steps 5b-5c): the set task is canceled first, then the job. */
export function stepCanceling(state: ClusterState, tenant: TenantState, job: BackupJob): void {
  const task = taskOf(tenant, job);
  if (task && task.status !== 'CANCELING' && task.status !== 'CANCELED') {
    // update_set_task_to_canceling_ writes the job's RESULT (0 after cancel_jobs) and its text only when non-zero.
    task.result = job.result;
    task.comment = taskComment(job.result);
    task.nextAtUs = null;
    setTaskStatus(state, task, 'CANCELING');
    job.nextAtUs = state.nowUs + TICK_US;
    return;
  }
  const code = OB_ERRORS.OB_CANCELED.code;
  if (task) {
    // do_cancel_ → advance_task_status(CANCELED, OB_CANCELED): RESULT -4072, COMMENT ob_strerror(-4072).
    task.result = code;
    task.comment = taskComment(code);
    task.endUs = state.nowUs;
    setTaskStatus(state, task, 'CANCELED');
    const set = setFileOf(tenant, job);
    if (set) cancelSetFile(set, task, job);
  }
  job.result = code;
  job.endUs = state.nowUs;
  setJobStatus(state, job, 'CANCELED');
  job.nextAtUs = state.nowUs + TICK_US;
}

/**
 * The set file of a canceled job (ObBackupSetTaskMgr::set_backup_set_files_failed_, ob_backup_data_set_task_mgr.cpp):
 * the task's figures, FAILED / INCOMPLETE, and RESULT = the job's result, which is still 0 here because
 * ObBackupJobOperator::cancel_jobs only sets STATUS = CANCELING (the job gets OB_CANCELED only after its set task is
 * CANCELED). COMMENT is not written, so it keeps the '' it was inserted with.
 */
function cancelSetFile(set: BackupSetFile, task: BackupTask, job: BackupJob): void {
  const comment = set.comment;
  fillSetFile(set, task);
  set.result = job.result;
  set.comment = comment;
  set.status = 'FAILED';
  set.fileStatus = 'INCOMPLETE';
}

/**
 * Terminal job → history (§9.1 step 6). A child of a sys (CLUSTER) job hands any non-zero RESULT to the sys job,
 * but only while the sys job's RESULT is still 0, and wakes it. views.md §9.1 says "a failed child"; the source
 * (ObUserTenantBackupJobMgr::report_failed_to_initiator_ in ob_backup_data_scheduler.cpp, called from
 * move_to_history_) copies any result other than OB_SUCCESS, so a CANCELED child's -4072 counts too and the sys
 * job then ends FAILED with it. The source wins.
 */
export function moveJobToHistory(state: ClusterState, tenant: TenantState, job: BackupJob): void {
  const backup = backupOf(tenant);
  job.nextAtUs = null;
  const task = taskOf(tenant, job);
  if (task) {
    backup.tasks = backup.tasks.filter((t) => t !== task);
    backup.taskHistory.push(task);
  }
  backup.jobs = backup.jobs.filter((j) => j !== job);
  backup.jobHistory.push(job);
  if (job.initiatorTenantId === SYS_TENANT_ID && tenant.id !== SYS_TENANT_ID) {
    const sys = findTenant(state, SYS_TENANT_ID);
    const sysJob = sys ? backupOf(sys).jobs.find((j) => j.jobId === job.initiatorJobId) : undefined;
    if (sysJob) {
      if (job.result !== 0 && sysJob.result === 0) sysJob.result = job.result;
      if (sysJob.nextAtUs === null) sysJob.nextAtUs = state.nowUs + TICK_US;
    }
  }
}
