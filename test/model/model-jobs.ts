/**
 * The model's backup jobs (views.md §9.1-§9.4, §10.2, §10.4): where a job is at the model's now (live, history
 * or unknown), its set row, the base set an INC builds on, and the model's clock, which decides the archive
 * changes of the last instant and creates the children of sys jobs one second after them.
 */
import { FINAL_DEST_ERRORS, failOnDestFault } from './commands/inject-fault.js';
import { settledRound } from './model-archive.js';
import {
  FATE_DONE_MS,
  JOB_DONE_MS,
  JOB_LIVE_MS,
  RESULT_ARCHIVE_INTERRUPTED,
  RESULT_ARCHIVE_NOT_RUNNING,
  RESULT_CANCELED,
  USER_TENANTS,
} from './model.js';
import type { Conn, Job, Model, TenantName } from './model.js';

export type Phase =
  | { readonly where: 'live'; readonly status: 'INIT' | 'DOING' | 'CANCELING' }
  | { readonly where: 'history'; readonly status: 'COMPLETED' | 'FAILED' | 'CANCELED'; readonly result: number | null }
  | { readonly where: 'unknown' };

const UNKNOWN: Phase = { where: 'unknown' };

/** When a job is certainly in history. */
function doneBy(j: Job): number {
  return j.fate === 'run' ? j.createdAt + JOB_DONE_MS : j.fateAt + FATE_DONE_MS;
}

function userPhase(m: Model, j: Job): Phase {
  const age = m.now - j.createdAt;
  const running = age === 0 ? 'INIT' : 'DOING';
  if (j.fate !== 'run' && m.now === j.fateAt) return { where: 'live', status: j.fate === 'cancel' ? 'CANCELING' : running };
  if (j.fate === 'run' && age <= JOB_LIVE_MS) return { where: 'live', status: running };
  if (m.now < doneBy(j)) return UNKNOWN;
  if (j.fate === 'run') return { where: 'history', status: 'COMPLETED', result: 0 };
  return j.fate === 'cancel'
    ? { where: 'history', status: 'CANCELED', result: RESULT_CANCELED }
    : { where: 'history', status: 'FAILED', result: j.failResult ?? RESULT_ARCHIVE_NOT_RUNNING };
}

/** The sys (CLUSTER) job follows its children (views.md §9.3). Its RESULT is not asserted when it fails. */
function sysPhase(m: Model, j: Job): Phase {
  if (j.fate === 'cancel') {
    if (m.now === j.fateAt) return { where: 'live', status: 'CANCELING' };
    return m.now >= j.fateAt + FATE_DONE_MS ? { where: 'history', status: 'CANCELED', result: RESULT_CANCELED } : UNKNOWN;
  }
  if (m.now === j.createdAt) return { where: 'live', status: 'INIT' };
  const children = childrenOf(m, j);
  const phases = children.map((c) => userPhase(m, c));
  if (phases.every((p) => p.where === 'live')) return { where: 'live', status: 'DOING' };
  const settled = Math.max(...children.map(doneBy)) + FATE_DONE_MS;
  if (m.now < settled || phases.some((p) => p.where !== 'history')) return UNKNOWN;
  // Any child that ends with a non-zero RESULT (FAILED, or CANCELED by a CANCEL with a tenant list) reports it to the
  // sys job before moving to history (report_failed_to_initiator_), so the sys job ends FAILED.
  const failed = phases.some((p) => p.where === 'history' && p.status !== 'COMPLETED');
  return { where: 'history', status: failed ? 'FAILED' : 'COMPLETED', result: null };
}

export function phaseOf(m: Model, j: Job): Phase {
  return j.tenant === 'sys' ? sysPhase(m, j) : userPhase(m, j);
}

export function childrenOf(m: Model, sysJob: Job): Job[] {
  return m.jobs.filter((c) => c.tenant !== 'sys' && c.parent === sysJob.jobId);
}

/** A set row exists once the job reached DOING (one second after it was created), views.md §9.1 step 2. */
export function hasSetRow(m: Model, j: Job): boolean {
  if (j.tenant === 'sys') return false;
  const until = j.fate === 'run' ? m.now : j.fateAt;
  return until - j.createdAt >= 1000;
}

export function jobsOf(m: Model, tenant: Conn): Job[] {
  return m.jobs.filter((j) => j.tenant === tenant);
}

export function isLive(m: Model, j: Job): boolean {
  return phaseOf(m, j).where === 'live';
}

/** Every job of these tenants has a known phase (commands whose outcome depends on them need this). */
export function jobsCertain(m: Model, tenants: readonly Conn[]): boolean {
  return m.jobs.every((j) => !tenants.includes(j.tenant) || phaseOf(m, j).where !== 'unknown');
}

export function allJobsCertain(m: Model): boolean {
  return m.jobs.every((j) => phaseOf(m, j).where !== 'unknown');
}

/** The highest SUCCESS set on that dest (views.md §10.4), or undefined. */
export function baseSet(m: Model, tenant: TenantName, root: string): Job | undefined {
  let best: Job | undefined;
  for (const j of jobsOf(m, tenant)) {
    const p = phaseOf(m, j);
    if (j.destRoot === root && p.where === 'history' && p.status === 'COMPLETED' && (best === undefined || j.setId > best.setId)) best = j;
  }
  return best;
}

/** A new user-tenant job: an INC without a base becomes a FULL (statements.md §3.2 check 6a). */
export function newUserJob(m: Model, tenant: TenantName, inc: boolean, plus: boolean, initiator: Conn, encrypted: boolean, createdAt: number, parent: number): Job {
  const t = m.tenants[tenant];
  const root = t.dataDest ?? '';
  const base = inc ? baseSet(m, tenant, root) : undefined;
  const type = base === undefined ? 'FULL' : 'INC';
  const [prevFull, prevInc] = base === undefined ? [0, 0] : base.type === 'FULL' ? [base.setId, base.setId] : [base.prevFull, base.setId];
  return {
    tenant, jobId: t.nextJobId++, setId: t.nextSetId++, type, plus, initiator, encrypted, createdAt, prevFull, prevInc,
    destRoot: root, fate: 'run', fateAt: 0, executors: [], childrenCreated: true, parent,
  };
}

/** Whether the tenant's round leaves DOING with the archive change of this instant (its live jobs then fail with 9029). */
function archiveLeavesDoing(m: Model, name: TenantName, at: number): boolean {
  const t = m.tenants[name];
  if (t.archiveChangedAt !== at) return false;
  const after = settledRound(t, t.roundBefore);
  return t.roundBefore?.status === 'DOING' && after?.status !== 'DOING';
}

/**
 * Moves the model's clock. First the archive changes of the instant being left are decided: a round that leaves
 * DOING fails every live job of its tenant (OB_LOG_ARCHIVE_NOT_RUNNING). Then sys jobs of that instant create
 * their children, which fail at once when their tenant's archive is no longer DOING.
 */
export function advanceModel(m: Model, ms: number): void {
  const from = m.now;
  for (const name of USER_TENANTS) {
    // The archive check precedes the dest check at every job step (check_can_backup_ first).
    if (!archiveLeavesDoing(m, name, from)) failOnDestFault(m, name, from);
  }
  for (const name of USER_TENANTS) {
    const t = m.tenants[name];
    if (t.archiveChangedAt !== from) continue;
    const before = t.roundBefore;
    const after = settledRound(t, before);
    if (before?.status !== 'DOING' || after?.status === 'DOING') continue;
    for (const j of jobsOf(m, name)) {
      if (j.fate === 'run' && isLive(m, j)) {
        j.fate = 'fail';
        j.fateAt = from;
      }
    }
  }
  for (const sysJob of jobsOf(m, 'sys')) {
    if (sysJob.childrenCreated) continue;
    sysJob.childrenCreated = true;
    if (sysJob.fate === 'cancel') continue; // canceled in INIT: no children
    for (const name of sysJob.executors) {
      const child = newUserJob(m, name, sysJob.type === 'INC', sysJob.plus, 'sys', sysJob.encrypted, sysJob.createdAt + 1000, sysJob.jobId);
      const round = settledRound(m.tenants[name], m.tenants[name].roundBefore);
      if (round?.status !== 'DOING') {
        child.fate = 'fail';
        child.fateAt = from;
        if (round?.status === 'INTERRUPTED') child.failResult = RESULT_ARCHIVE_INTERRUPTED;
      } else if (m.tenants[name].destFault !== null) {
        // The child's INIT step checks the dest after the archive: a broken dest fails it before any set row.
        child.fate = 'fail';
        child.fateAt = from;
        child.failResult = -FINAL_DEST_ERRORS[m.tenants[name].destFault].errno;
      }
      m.jobs.push(child);
    }
  }
  m.now = from + ms;
}
