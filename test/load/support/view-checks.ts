/**
 * Consistency checks on view rows, used while the load runs (one query at a time, so only what one snapshot can
 * show) and at the end, once every job has finished (views.md §8 vocabularies, §9 state machines, §10.4 PREV_* ids).
 */

export const JOB_STATES = new Set(['INIT', 'DOING', 'COMPLETED', 'FAILED', 'CANCELING', 'CANCELED']);
export const TERMINAL_JOB_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELED']);
export const ROUND_STATES = new Set(['PREPARE', 'BEGINNING', 'DOING', 'INTERRUPTED', 'STOPPING', 'STOP', 'SUSPENDING', 'SUSPEND']);
export const PIECE_STATES = new Set(['ACTIVE', 'FROZEN']);
const SET_STATES = new Set(['DOING/COPYING', 'SUCCESS/AVAILABLE', 'FAILED/INCOMPLETE']);

export function assertRows(rows: readonly unknown[][], ok: (row: unknown[]) => boolean, what: string, count?: number): void {
  if (count !== undefined && rows.length < count) throw new Error(`${what}: ${rows.length} rows, expected at least ${count}`);
  const bad = rows.find((r) => !ok(r));
  if (bad !== undefined) throw new Error(`${what}: bad row ${JSON.stringify(bad)}`);
}

function unique(ids: readonly unknown[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(String(id))) throw new Error(`${what} ${String(id)} appears twice`);
    seen.add(String(id));
  }
}

/** Rows of (JOB_ID, STATUS, RESULT): known states, history terminal, RESULT 0 exactly for COMPLETED, unique ids. */
export function checkJobRows(rows: readonly unknown[][], history: boolean, checkResult = true): void {
  for (const [id, status, result] of rows) {
    const s = String(status);
    if (!JOB_STATES.has(s)) throw new Error(`job ${String(id)} has status ${s}`);
    if (history && !TERMINAL_JOB_STATES.has(s)) throw new Error(`job ${String(id)} is ${s} in the history`);
    if (checkResult && TERMINAL_JOB_STATES.has(s) && (s === 'COMPLETED') !== (Number(result) === 0)) {
      throw new Error(`job ${String(id)} is ${s} with RESULT ${String(result)}`);
    }
  }
  unique(rows.map((r) => r[0]), 'job');
}

/** Rows of (BACKUP_SET_ID, STATUS, FILE_STATUS): the pairs views.md §9.4 allows, unique ids. */
export function checkSetRows(rows: readonly unknown[][]): void {
  for (const [id, status, fileStatus] of rows) {
    if (!SET_STATES.has(`${String(status)}/${String(fileStatus)}`)) throw new Error(`set ${String(id)} is ${String(status)}/${String(fileStatus)}`);
  }
  unique(rows.map((r) => r[0]), 'backup set');
}

export interface FinishedJob {
  readonly jobId: string;
  readonly status: string;
  readonly setId: string;
  readonly initiatorTenantId: string;
  readonly endTimestamp: string | null;
}

export interface SetRow {
  readonly setId: string;
  readonly type: string;
  readonly prevFull: string;
  readonly prevInc: string;
  readonly status: string;
  readonly fileStatus: string;
}

/** Once everything has finished: no set still running, one job per set, job and set outcomes agree, INC chains
 * point at earlier successful sets (views.md §10.4). Returns the problems found. */
export function checkFinished(jobs: readonly FinishedJob[], sets: readonly SetRow[]): string[] {
  const problems: string[] = [];
  const setById = new Map(sets.map((s) => [s.setId, s]));
  const jobBySet = new Map<string, FinishedJob>();
  for (const j of jobs) {
    if (!TERMINAL_JOB_STATES.has(j.status)) problems.push(`job ${j.jobId} is still ${j.status}`);
    if (j.endTimestamp === null) problems.push(`job ${j.jobId} (${j.status}) has no END_TIMESTAMP`);
    if (j.setId === '0') continue;
    if (jobBySet.has(j.setId)) problems.push(`jobs ${jobBySet.get(j.setId)?.jobId} and ${j.jobId} share backup set ${j.setId}`);
    jobBySet.set(j.setId, j);
    const set = setById.get(j.setId);
    if (j.status === 'COMPLETED' && (set === undefined || set.status !== 'SUCCESS' || set.fileStatus !== 'AVAILABLE')) {
      problems.push(`job ${j.jobId} COMPLETED but its set ${j.setId} is ${set ? `${set.status}/${set.fileStatus}` : 'missing'}`);
    }
    if (j.status !== 'COMPLETED' && set !== undefined && set.status !== 'FAILED') problems.push(`job ${j.jobId} ${j.status} but its set ${j.setId} is ${set.status}`);
  }
  for (const s of sets) {
    if (!jobBySet.has(s.setId)) problems.push(`set ${s.setId} belongs to no job`);
    if (s.status === 'DOING') problems.push(`set ${s.setId} is still DOING`);
    if (s.type === 'FULL' && (s.prevFull !== '0' || s.prevInc !== '0')) problems.push(`FULL set ${s.setId} has PREV ids ${s.prevFull}/${s.prevInc}`);
    if (s.type === 'INC') {
      const full = setById.get(s.prevFull);
      const prev = setById.get(s.prevInc);
      if (full === undefined || full.type !== 'FULL' || Number(full.setId) >= Number(s.setId)) problems.push(`INC set ${s.setId} has PREV_FULL ${s.prevFull}`);
      if (prev === undefined || prev.status !== 'SUCCESS' || Number(prev.setId) >= Number(s.setId)) problems.push(`INC set ${s.setId} has PREV_INC ${s.prevInc}`);
      else if (prev.type === 'FULL' ? s.prevFull !== prev.setId : s.prevFull !== prev.prevFull) problems.push(`INC set ${s.setId}: PREV_FULL ${s.prevFull} does not follow PREV_INC ${prev.setId}`);
    }
  }
  return problems;
}
