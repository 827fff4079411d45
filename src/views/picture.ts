/**
 * The dashboard's picture of one cluster (issue 24): a pure function of the cluster state and the virtual now, in
 * plain JSON values only (numbers, strings, booleans, null), so the HTTP API can send it as it is, the page and
 * the SVG drawer (draw-timeline.ts) can draw it, and docs/pictures can be rendered from a fixture's end state.
 *
 * Times are virtual µs since the epoch (`…Us`), as in the engine; SCNs are shown as those µs too (an SCN is ns,
 * and the page draws on a µs axis). A job or set still running has `endUs` null. Names and vocabularies are the
 * views' (STATUS, FILE_STATUS, BACKUP_TYPE, …), so what the page shows reads like what a SELECT shows.
 */
import { usOfScn, type BackupJob, type ClusterState, type DeleteJob, type Fault, type RestoreJob, type TenantState } from '../engine/index.js';

export interface ClusterPicture {
  /** '' is the default cluster. */
  readonly cluster: string;
  readonly clock: ClockPicture;
  readonly tenants: readonly TenantPicture[];
  readonly faults: readonly FaultPicture[];
  /** Restore jobs of the cluster (the sys rows: live, then history), oldest first. */
  readonly restores: readonly RestorePicture[];
}

export interface ClockPicture {
  readonly mode: 'MANUAL' | 'REALTIME';
  readonly speed: number;
  readonly nowUs: number;
  /** The virtual now, ISO 8601 UTC. */
  readonly now: string;
  readonly seed: number;
}

export interface TenantPicture {
  readonly id: number;
  readonly name: string;
  readonly type: 'SYS' | 'USER';
  readonly mode: 'MYSQL' | 'ORACLE';
  readonly role: string;
  readonly status: string;
  readonly logMode: string;
  readonly rounds: readonly RoundPicture[];
  readonly pieces: readonly PiecePicture[];
  /** DBA_OB_BACKUP_SET_FILES, in id order: the chain FULL → INC → INC. */
  readonly sets: readonly SetPicture[];
  /** Backup jobs, live and history, in job id order. */
  readonly jobs: readonly JobPicture[];
  /** Backup clean (delete) jobs, live and history, in job id order. */
  readonly cleans: readonly CleanPicture[];
  /** From the oldest usable set's MIN_RESTORE_SCN to the archive checkpoint (or the newest usable set's), or null. */
  readonly restorableWindow: { readonly fromUs: number; readonly toUs: number } | null;
}

export interface RoundPicture {
  readonly roundId: number;
  readonly destNo: number;
  readonly status: string;
  readonly startUs: number;
  /** When the round reached STOP, or null while it lasts. */
  readonly endUs: number | null;
  readonly checkpointUs: number;
  readonly path: string;
}

export interface PiecePicture {
  readonly roundId: number;
  readonly pieceId: number;
  readonly status: 'ACTIVE' | 'FROZEN';
  readonly fileStatus: string;
  readonly startUs: number;
  readonly checkpointUs: number;
  readonly endUs: number;
}

export interface SetPicture {
  readonly backupSetId: number;
  readonly type: 'FULL' | 'INC';
  readonly prevFullBackupSetId: number;
  readonly prevIncBackupSetId: number;
  readonly status: string;
  readonly fileStatus: string;
  readonly startUs: number;
  readonly endUs: number | null;
  readonly plusArchivelog: boolean;
  readonly encryptionMode: string;
  readonly inputBytes: number;
  readonly outputBytes: number;
  readonly macroBlockCount: number;
  /** MIN_RESTORE_SCN as µs, or null until the set has one. */
  readonly minRestoreUs: number | null;
  readonly path: string;
}

export interface JobPicture {
  readonly jobId: number;
  readonly backupSetId: number;
  readonly type: 'FULL' | 'INC';
  readonly jobLevel: string;
  readonly status: string;
  readonly startUs: number;
  readonly endUs: number | null;
  readonly result: number;
  readonly comment: string;
  readonly plusArchivelog: boolean;
  readonly encryptionMode: string;
}

export interface CleanPicture {
  readonly jobId: number;
  readonly status: string;
  readonly startUs: number;
  readonly endUs: number | null;
  readonly result: number;
  readonly comment: string;
}

export interface RestorePicture {
  readonly jobId: number;
  readonly restoreTenantName: string;
  readonly backupTenantName: string;
  readonly status: string;
  readonly startUs: number;
  readonly endUs: number | null;
  readonly restoreUs: number;
  readonly comment: string;
}

export interface FaultPicture {
  readonly faultId: number;
  readonly target: string;
  readonly tenantId: number;
  /** As SHOW EMULATOR FAULTS shows it: `ERROR = OB_IO_ERROR`, `THROUGHPUT = 5 MB PER SECOND`, `DOWN`. */
  readonly effect: string;
  readonly armedFromUs: number;
  readonly armedUntilUs: number | null;
  readonly fired: number;
}

export function clusterPicture(state: ClusterState, nowUs: number): ClusterPicture {
  return {
    cluster: state.clusterName,
    clock: { mode: state.clock.mode, speed: state.clock.speed, nowUs, now: isoOfUs(nowUs), seed: state.seed },
    tenants: state.tenants.filter((t) => t.type !== 'META').map((t) => tenantPicture(t, nowUs)),
    faults: state.faults.map(faultPicture),
    restores: restorePictures(state),
  };
}

/** The user tenant with the most history (jobs, rounds, sets), so a first view shows something; else sys. */
export function busiestTenant(picture: ClusterPicture): TenantPicture | undefined {
  let best: TenantPicture | undefined;
  let bestScore = -1;
  for (const t of picture.tenants) {
    if (t.type !== 'USER') continue;
    const score = t.jobs.length + t.rounds.length + t.sets.length + t.cleans.length;
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return best ?? picture.tenants[0];
}

/** ISO 8601 UTC with the microseconds. */
export function isoOfUs(us: number): string {
  const ms = Math.floor(us / 1000);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(Math.floor(us) - ms * 1000).padStart(3, '0')}Z`;
}

function tenantPicture(t: TenantState, nowUs: number): TenantPicture {
  const b = t.backup;
  const sets = (b?.setFiles ?? []).map((s) => ({
    backupSetId: s.backupSetId,
    type: s.backupType,
    prevFullBackupSetId: s.prevFullBackupSetId,
    prevIncBackupSetId: s.prevIncBackupSetId,
    status: s.status,
    fileStatus: s.fileStatus,
    startUs: s.startUs,
    endUs: s.endUs === 0 ? null : s.endUs,
    plusArchivelog: s.plusArchivelog,
    encryptionMode: s.encryptionMode,
    inputBytes: s.inputBytes,
    outputBytes: s.outputBytes,
    macroBlockCount: s.macroBlockCount,
    minRestoreUs: s.minRestoreScn === 0n ? null : usOfScn(s.minRestoreScn),
    path: s.path,
  }));
  const rounds = roundPictures(t);
  return {
    id: t.id,
    name: t.name,
    type: t.type === 'SYS' ? 'SYS' : 'USER',
    mode: t.compatibilityMode,
    role: t.role,
    status: t.status,
    logMode: t.logMode,
    rounds,
    pieces: (b?.pieces ?? []).map((p) => ({
      roundId: p.roundId,
      pieceId: p.pieceId,
      status: p.status,
      fileStatus: p.fileStatus,
      startUs: usOfScn(p.startScn),
      checkpointUs: usOfScn(p.checkpointScn),
      endUs: usOfScn(p.endScn),
    })),
    sets,
    jobs: latestById(b?.jobHistory ?? [], b?.jobs ?? [], (j) => j.jobId).map(jobPicture),
    cleans: latestById(b?.deleteJobHistory ?? [], b?.deleteJobs ?? [], (j) => j.jobId).map(cleanPicture),
    restorableWindow: restorableWindow(sets, rounds, nowUs),
  };
}

/** History rows win over a live row of the same id (a finished job stays live for one scheduler round). */
function latestById<T>(history: readonly T[], live: readonly T[], id: (x: T) => number): T[] {
  const byId = new Map<number, T>();
  for (const x of live) byId.set(id(x), x);
  for (const x of history) byId.set(id(x), x);
  return [...byId.values()].sort((a, b) => id(a) - id(b));
}

function jobPicture(j: BackupJob): JobPicture {
  return {
    jobId: j.jobId,
    backupSetId: j.backupSetId,
    type: j.backupType,
    jobLevel: j.jobLevel,
    status: j.status,
    startUs: j.startUs,
    endUs: j.endUs === 0 ? null : j.endUs,
    result: j.result,
    comment: j.comment,
    plusArchivelog: j.plusArchivelog,
    encryptionMode: j.encryptionMode,
  };
}

function cleanPicture(j: DeleteJob): CleanPicture {
  return { jobId: j.jobId, status: j.status, startUs: j.startUs, endUs: j.endUs === 0 ? null : j.endUs, result: j.result, comment: j.comment };
}

/** Every round ever started: the STOPped copies of the history, then the live rows not already there. */
function roundPictures(t: TenantState): RoundPicture[] {
  const b = t.backup;
  if (b === null) return [];
  const key = (r: { destNo: number; roundId: number }): string => `${r.destNo}/${r.roundId}`;
  const seen = new Set(b.roundHistory.map(key));
  const all = [...b.roundHistory, ...b.rounds.filter((r) => !seen.has(key(r)) && r.roundId > 0)];
  return all.map((r) => {
    const firstUs = r.statusLog[0]?.atUs ?? r.beginUs;
    const stop = [...r.statusLog].reverse().find((c) => c.to === 'STOP');
    return {
      roundId: r.roundId,
      destNo: r.destNo,
      status: r.status,
      startUs: r.startScn === 0n ? firstUs : usOfScn(r.startScn),
      endUs: r.status === 'STOP' ? (stop?.atUs ?? usOfScn(r.checkpointScn)) : null,
      checkpointUs: usOfScn(r.checkpointScn),
      path: r.path,
    };
  });
}

/**
 * The span a restore can reach: a usable set (SUCCESS, AVAILABLE) restores to its MIN_RESTORE_SCN and, with the
 * archive running from before that point, to the archive's checkpoint.
 */
function restorableWindow(sets: readonly SetPicture[], rounds: readonly RoundPicture[], nowUs: number): TenantPicture['restorableWindow'] {
  const usable = sets.filter((s) => s.status === 'SUCCESS' && s.fileStatus === 'AVAILABLE' && s.minRestoreUs !== null);
  const oldestFull = usable.find((s) => s.type === 'FULL');
  if (oldestFull === undefined || oldestFull.minRestoreUs === null) return null;
  const fromUs = oldestFull.minRestoreUs;
  let toUs = Math.max(...usable.map((s) => s.minRestoreUs ?? fromUs));
  for (const r of rounds) {
    if (r.destNo === 0 && r.startUs <= fromUs && r.checkpointUs > toUs) toUs = Math.min(r.checkpointUs, nowUs);
  }
  return { fromUs, toUs };
}

function restorePictures(state: ClusterState): RestorePicture[] {
  const sysRows = (rows: readonly RestoreJob[]): RestoreJob[] => rows.filter((r) => r.tenantId === 1);
  return latestById(sysRows(state.restoreHistory), sysRows(state.restoreJobs), (r) => r.jobId).map((r) => ({
    jobId: r.jobId,
    restoreTenantName: r.restoreTenantName,
    backupTenantName: r.backupTenantName,
    status: r.status,
    startUs: r.startUs,
    endUs: r.finishUs === 0 ? null : r.finishUs,
    restoreUs: usOfScn(r.restoreScn),
    comment: r.comment,
  }));
}

function faultPicture(f: Fault): FaultPicture {
  const effect = f.effect.kind === 'ERROR' ? `ERROR = ${f.effect.errorName}` : f.effect.kind === 'THROUGHPUT' ? `THROUGHPUT = ${f.effect.mbPerSecond} MB PER SECOND` : 'DOWN';
  return { faultId: f.faultId, target: f.target, tenantId: f.tenantId, effect, armedFromUs: f.armedFromUs, armedUntilUs: f.armedUntilUs, fired: f.fired };
}
