/**
 * The log archive scheduler (statements.md §3.1 "Effect", views.md §9.5-§9.6): per tenant and dest, start, stop,
 * suspend and resume rounds; step rounds through PREPARE → BEGINNING → DOING, STOPPING → STOP, SUSPENDING →
 * SUSPEND; and, continuously, move the checkpoint (lagging about LAG_TARGET), generate pieces and sum bytes.
 */
import { destStateOf, wakeArchiveScheduler } from './dest-param.js';
import { archiveFault, type ArchiveFaultNow } from '../faults/archive-faults.js';
import { logBytesAt, usAtLogBytes } from '../data/log-bytes.js';
import type { ArchiveDest, ArchivePiece, ArchiveRound, ClusterState, RoundStatus, TenantState } from '../state.js';
import { backupOf } from '../tenant/tenants.js';
import { US_PER_SECOND, nextGts, scnOfUs } from '../cluster/time.js';
import { ROUND_MACHINE, changeStatus } from '../status-edges.js';

/** Seconds between the round steps the scheduler takes (emulator.md: BEGINNING ~2 s after ARCHIVELOG, DOING ~2 s later). */
const STEP_US = US_PER_SECOND;
const BEGIN_TO_DOING_US = 2 * US_PER_SECOND;

export function setRoundStatus(state: ClusterState, round: ArchiveRound, to: RoundStatus): void {
  const from = round.status;
  changeStatus(ROUND_MACHINE, `tenant ${round.tenantId} round ${round.roundId}`, round, to, state.nowUs);
  state.rootserviceEvents.push({
    atUs: state.nowUs,
    module: 'log_archive',
    event: 'change_status',
    values: [
      ['tenant_id', String(round.tenantId)],
      ['dest_no', String(round.destNo)],
      ['round_id', String(round.roundId)],
      ['old_status', from],
      ['new_status', to],
    ],
  });
}

/** The archive scheduler's look at one tenant (ObArchiveSchedulerService::process_), in the documented order. */
export function archiveCheck(state: ClusterState, tenant: TenantState): void {
  const backup = backupOf(tenant);
  backup.archiveCheckAtUs = null;
  for (const dest of backup.archiveDests) {
    const round = backup.rounds.find((r) => r.destNo === dest.destNo);
    if (tenant.logMode === 'NOARCHIVELOG') {
      if (round && !['STOP', 'STOPPING'].includes(round.status)) {
        setRoundStatus(state, round, 'STOPPING');
        round.comment = '';
        round.nextAtUs = state.nowUs + STEP_US;
      }
    } else if (destStateOf(tenant, dest.destNo) === 'DEFER') {
      if (round && (round.status === 'DOING' || round.status === 'INTERRUPTED')) {
        // As on the way to STOPPING, the interrupt's COMMENT goes with the state it explained: a round resumed from
        // SUSPEND runs with none.
        round.comment = '';
        setRoundStatus(state, round, 'SUSPENDING');
        round.nextAtUs = state.nowUs + STEP_US;
      }
    } else if (round === undefined || round.status === 'STOP') {
      startRound(state, tenant, dest, round);
    } else if (round.status === 'SUSPEND') {
      setRoundStatus(state, round, 'BEGINNING');
      round.beginUs = state.nowUs;
      round.nextAtUs = state.nowUs + BEGIN_TO_DOING_US;
    }
  }
}

function startRound(state: ClusterState, tenant: TenantState, dest: ArchiveDest, previous: ArchiveRound | undefined): void {
  const backup = backupOf(tenant);
  const round: ArchiveRound = {
    tenantId: tenant.id,
    destId: dest.destId,
    roundId: previous ? previous.roundId + 1 : 1,
    incarnation: 1,
    destNo: dest.destNo,
    status: 'PREPARE',
    startScn: 0n,
    checkpointScn: 0n,
    maxScn: 0n,
    compatible: 1,
    basePieceId: previous ? previous.usedPieceId + 1 : 1,
    usedPieceId: previous ? previous.usedPieceId + 1 : 1,
    pieceSwitchIntervalUs: dest.pieceSwitchIntervalUs,
    unitSize: 0,
    compression: 'none',
    frozenInputBytes: 0,
    frozenOutputBytes: 0,
    activeInputBytes: 0,
    activeOutputBytes: 0,
    deletedInputBytes: 0,
    deletedOutputBytes: 0,
    comment: '',
    path: dest.location.path,
    lagTargetUs: dest.lagTargetUs,
    beginUs: 0,
    nextAtUs: state.nowUs + STEP_US,
    statusLog: [],
  };
  backup.rounds = backup.rounds.filter((r) => r.destNo !== dest.destNo);
  backup.rounds.push(round);
  backup.rounds.sort((a, b) => a.destNo - b.destNo);
  round.statusLog.push({ from: null, to: 'PREPARE', atUs: state.nowUs });
  state.rootserviceEvents.push({
    atUs: state.nowUs,
    module: 'log_archive',
    event: 'change_status',
    values: [
      ['tenant_id', String(tenant.id)],
      ['dest_no', String(dest.destNo)],
      ['round_id', String(round.roundId)],
      ['old_status', previous ? 'STOP' : 'INVALID'],
      ['new_status', 'PREPARE'],
    ],
  });
}

/** One scheduled round step. */
export function roundStep(state: ClusterState, tenant: TenantState, round: ArchiveRound): void {
  round.nextAtUs = null;
  switch (round.status) {
    case 'PREPARE': {
      round.startScn = nextGts(state);
      round.checkpointScn = round.startScn;
      round.maxScn = round.startScn;
      round.beginUs = state.nowUs;
      setRoundStatus(state, round, 'BEGINNING');
      settleRound(state, tenant, round);
      round.nextAtUs = state.nowUs + BEGIN_TO_DOING_US;
      return;
    }
    // OceanBase's archive scheduler looks at every tenant periodically, so a mode or dest state changed while the
    // round was on its way (DEFER during BEGINNING, ENABLE during SUSPENDING, ARCHIVELOG during STOPPING) still
    // takes effect: look again once the round has arrived.
    case 'BEGINNING':
      if (round.checkpointScn > round.startScn) {
        setRoundStatus(state, round, 'DOING');
        wakeArchiveScheduler(state, tenant);
      } else round.nextAtUs = state.nowUs + STEP_US;
      return;
    case 'STOPPING':
      stopRound(state, tenant, round);
      wakeArchiveScheduler(state, tenant);
      return;
    case 'SUSPENDING':
      setRoundStatus(state, round, 'SUSPEND');
      wakeArchiveScheduler(state, tenant);
      return;
    case 'DOING':
    case 'INTERRUPTED':
    case 'STOP':
    case 'SUSPEND':
      return;
  }
}

function stopRound(state: ClusterState, tenant: TenantState, round: ArchiveRound): void {
  const backup = backupOf(tenant);
  for (const p of backup.pieces) if (p.roundId === round.roundId && p.destNo === round.destNo) p.status = 'FROZEN';
  round.frozenInputBytes += round.activeInputBytes;
  round.frozenOutputBytes += round.activeOutputBytes;
  round.activeInputBytes = 0;
  round.activeOutputBytes = 0;
  setRoundStatus(state, round, 'STOP');
  backup.roundHistory.push(structuredClone(round));
}

/**
 * How much faster than real time a stalled archive sends its backlog once the fault is gone (a modelling choice:
 * the sender reads the backlog as fast as the dest takes it).
 */
const CATCH_UP_SPEED = 4;

/** The checkpoint model: starts at the round start, catches up to `now - LAG_TARGET`, never moves back. */
function checkpointUs(round: ArchiveRound, nowUs: number, previousUs: number): number {
  const halfway = round.beginUs + (nowUs - round.beginUs) / 2;
  let target = Math.min(nowUs, Math.max(halfway, nowUs - round.lagTargetUs));
  const c = round.catchUp;
  if (c) {
    const caught = c.checkpointUs + (nowUs - c.fromUs) * CATCH_UP_SPEED;
    if (caught < target) target = caught;
    else round.catchUp = null;
  }
  return Math.floor(Math.max(previousUs, target));
}

/**
 * The checkpoint under a THROUGHPUT cap on the archive dest: since the last settle the dest took at most the cap's
 * bytes of log, so the checkpoint reaches only the time whose log those bytes cover (the lag grows whenever the
 * tenant generates log faster than the cap). Once the cap is gone, the backlog is sent as after a stall (settleRound).
 */
function throttledCheckpointUs(tenant: TenantState, round: ArchiveRound, cap: NonNullable<ArchiveFaultNow['throughput']>, prevUs: number, targetUs: number, nowUs: number): number {
  if (round.throttledAtUs == null) cap.fault.fired++;
  const fromUs = round.throttledAtUs ?? Math.max(cap.fault.armedFromUs, round.beginUs);
  round.throttledAtUs = nowUs;
  const data = backupOf(tenant).data;
  const shipped = logBytesAt(data, prevUs) + (cap.bytesPerSecond * Math.max(0, nowUs - fromUs)) / US_PER_SECOND;
  return Math.max(prevUs, Math.min(targetUs, usAtLogBytes(data, shipped)));
}

/** Brings a running round (BEGINNING / DOING) to `state.nowUs`: checkpoint, max SCN, pieces and bytes. */
export function settleRound(state: ClusterState, tenant: TenantState, round: ArchiveRound): void {
  if (round.status !== 'BEGINNING' && round.status !== 'DOING') return;
  const fault = archiveFault(state, tenant.id);
  if (fault.stalled) {
    // A retried send error (ObArchiveSender::is_retry_ret_code_) or a down server: the LS archive does not advance.
    if (round.stalledUntilUs == null) fault.stalled.fired++;
    round.stalledUntilUs = state.nowUs;
  } else {
    if (round.stalledUntilUs != null) {
      round.catchUp = { fromUs: round.stalledUntilUs, checkpointUs: Number(round.checkpointScn / 1000n) };
      round.stalledUntilUs = null;
    }
    const prevUs = Number(round.checkpointScn / 1000n);
    if (fault.throughput === null && round.throttledAtUs != null) {
      // The cap ended at the last settle under it (its edge): the backlog is sent from there, as after a stall.
      round.catchUp = { fromUs: round.throttledAtUs, checkpointUs: prevUs };
      round.throttledAtUs = null;
    }
    const targetUs = checkpointUs(round, state.nowUs, prevUs);
    const cpScn = scnOfUs(fault.throughput === null ? targetUs : throttledCheckpointUs(tenant, round, fault.throughput, prevUs, targetUs, state.nowUs));
    if (cpScn > round.checkpointScn) round.checkpointScn = cpScn;
    const nowScn = scnOfUs(state.nowUs);
    if (nowScn > round.maxScn) round.maxScn = nowScn;
    settlePieces(tenant, round);
  }
  if (fault.fatal) interruptRound(state, round, fault.fatal);
}

/**
 * A fatal send error (ObArchiveSender::handle_archive_error_ → mark_fatal_error): the LS archive is interrupted and
 * the round follows, with the COMMENT of ObTenantArchiveRoundHandler (`log stream <id> interrupted.`, views.md §9.5).
 * The user LS 1001 carries the tenant's log, so it is the one named.
 */
function interruptRound(state: ClusterState, round: ArchiveRound, fault: { fired: number }): void {
  fault.fired++;
  round.nextAtUs = null;
  round.comment = 'log stream 1001 interrupted.';
  setRoundStatus(state, round, 'INTERRUPTED');
}

function pieceIdOf(round: ArchiveRound, scn: bigint): number {
  return Number((scn - round.startScn) / (BigInt(round.pieceSwitchIntervalUs) * 1000n)) + round.basePieceId;
}

function settlePieces(tenant: TenantState, round: ArchiveRound): void {
  const backup = backupOf(tenant);
  const data = backup.data;
  const intervalNs = BigInt(round.pieceSwitchIntervalUs) * 1000n;
  const maxActive = pieceIdOf(round, round.checkpointScn);
  round.usedPieceId = Math.max(round.usedPieceId, pieceIdOf(round, round.maxScn));
  const startUs = (p: number): number => Number((round.startScn + BigInt(p - round.basePieceId) * intervalNs) / 1000n);
  // The frozen pieces' bytes telescope: from the round's start to where the active piece starts.
  const frozenIn = maxActive > round.basePieceId ? logBytesAt(data, startUs(maxActive)) - logBytesAt(data, startUs(round.basePieceId)) : 0;
  let activeIn = 0;
  // Only the pieces that can still change are visited: a frozen piece is final (the checkpoint only moves on), and
  // the round's pieces are pushed in id order, so the walk back from the newest stops at the first final one. Every
  // settle walked all the round's pieces before, which made ADVANCE TIME quadratic in them (10,000 daily pieces took
  // over 8 minutes, issue 18).
  const ofRound = new Map<number, (typeof backup.pieces)[number]>();
  let from = round.basePieceId;
  for (let i = backup.pieces.length - 1; i >= 0; i--) {
    const x = backup.pieces[i] as (typeof backup.pieces)[number];
    if (x.roundId !== round.roundId || x.destNo !== round.destNo) continue;
    if (x.status === 'FROZEN' && x.pieceId < maxActive) {
      from = x.pieceId + 1;
      break;
    }
    ofRound.set(x.pieceId, x);
  }
  for (let p = from; p <= round.usedPieceId; p++) {
    let piece = ofRound.get(p);
    const startScn = round.startScn + BigInt(p - round.basePieceId) * intervalNs;
    const endScn = startScn + intervalNs;
    if (piece === undefined) {
      piece = newPiece(round, p, startScn, endScn);
      backup.pieces.push(piece);
    }
    const upTo = round.checkpointScn < endScn ? round.checkpointScn : endScn;
    const bytes = p > maxActive ? 0 : logBytesAt(data, Number(upTo / 1000n)) - logBytesAt(data, Number(startScn / 1000n));
    piece.inputBytes = bytes;
    piece.outputBytes = bytes;
    piece.maxScn = round.maxScn < endScn ? round.maxScn : endScn;
    if (p < maxActive) {
      piece.status = 'FROZEN';
      piece.checkpointScn = endScn;
      // A piece being cleaned keeps its DELETING / DELETED status.
      if (piece.fileStatus !== 'DELETING' && piece.fileStatus !== 'DELETED') piece.fileStatus = 'AVAILABLE';
    } else if (p === maxActive) {
      piece.status = 'ACTIVE';
      piece.checkpointScn = round.checkpointScn;
      piece.fileStatus = round.checkpointScn > round.startScn && round.checkpointScn >= startScn ? 'AVAILABLE' : 'INCOMPLETE';
      activeIn += bytes;
    } else {
      piece.status = 'ACTIVE';
      piece.checkpointScn = startScn;
      piece.fileStatus = 'INCOMPLETE';
    }
  }
  round.frozenInputBytes = frozenIn;
  round.frozenOutputBytes = frozenIn;
  round.activeInputBytes = activeIn;
  round.activeOutputBytes = activeIn;
}

function newPiece(round: ArchiveRound, pieceId: number, startScn: bigint, endScn: bigint): ArchivePiece {
  return {
    tenantId: round.tenantId,
    destId: round.destId,
    roundId: round.roundId,
    pieceId,
    incarnation: 1,
    destNo: round.destNo,
    status: 'ACTIVE',
    startScn,
    checkpointScn: startScn,
    maxScn: startScn,
    endScn,
    compatible: round.compatible,
    unitSize: 0,
    compression: 'none',
    inputBytes: 0,
    outputBytes: 0,
    fileStatus: 'INCOMPLETE',
    path: round.path,
  };
}
