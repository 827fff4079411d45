/**
 * Virtual time: `advanceTo` processes every scheduled event up to a target time in virtual-time order across
 * tenants (ties: tenant id, then archive before backup, then ids), bringing the continuous parts (workload writes,
 * archive checkpoints and pieces) to each event's time first. Between events nothing happens, so advancing a
 * month costs the events of that month, not its seconds.
 */
import { roundStep, settleRound, archiveCheck } from '../archive/scheduler.js';
import { jobStep, taskStep } from '../backup/scheduler.js';
import { MACRO_BLOCK_BYTES, writeRandomMacroblocks } from '../data/macroblocks.js';
import { faultEdge } from '../faults/edges.js';
import { restoreStep } from '../restore/scheduler.js';
import { replayStandbys } from '../data/replay.js';
import { deleteCheck, deleteJobStep, deleteTaskStep } from '../clean/scheduler.js';
import type { ClusterState, TenantState } from '../state.js';
import { US_PER_SECOND } from './time.js';

interface Due {
  atUs: number;
  tenant: TenantState;
  /**
   * -1 fault edge, 0 archive check, 1 round, 2 job, 3 task, 4 restore row, 5 delete check, 6 delete job, 7 delete task: the order
   * of simultaneous events of one tenant.
   */
  rank: number;
  id: number;
  run: () => void;
}

function consider(best: Due | null, cand: Due): Due {
  if (best === null) return cand;
  if (cand.atUs !== best.atUs) return cand.atUs < best.atUs ? cand : best;
  if (cand.tenant.id !== best.tenant.id) return cand.tenant.id < best.tenant.id ? cand : best;
  if (cand.rank !== best.rank) return cand.rank < best.rank ? cand : best;
  return cand.id < best.id ? cand : best;
}

/** The earliest scheduled event, or null. */
function nextDue(state: ClusterState): Due | null {
  let best: Due | null = null;
  const sys = state.tenants[0]!;
  for (const fault of state.faults) {
    if (fault.nextAtUs === null) continue;
    best = consider(best, { atUs: fault.nextAtUs, tenant: sys, rank: -1, id: fault.faultId, run: () => faultEdge(state, fault) });
  }
  for (const job of state.restoreJobs) {
    if (job.nextAtUs === null) continue;
    const tenant = state.tenants.find((t) => t.id === job.tenantId) ?? sys;
    best = consider(best, { atUs: job.nextAtUs, tenant, rank: 4, id: job.jobId, run: () => restoreStep(state, job) });
  }
  for (const tenant of state.tenants) {
    const b = tenant.backup;
    if (b === null) continue;
    if (b.archiveCheckAtUs !== null) {
      best = consider(best, { atUs: b.archiveCheckAtUs, tenant, rank: 0, id: 0, run: () => archiveCheck(state, tenant) });
    }
    for (const r of b.rounds) {
      if (r.nextAtUs !== null) best = consider(best, { atUs: r.nextAtUs, tenant, rank: 1, id: r.destNo, run: () => roundStep(state, tenant, r) });
    }
    for (const j of b.jobs) {
      if (j.nextAtUs !== null) best = consider(best, { atUs: j.nextAtUs, tenant, rank: 2, id: j.jobId, run: () => jobStep(state, tenant, j) });
    }
    for (const t of b.tasks) {
      if (t.nextAtUs !== null) best = consider(best, { atUs: t.nextAtUs, tenant, rank: 3, id: t.taskId, run: () => taskStep(state, tenant, t) });
    }
    if (b.deleteCheckAtUs !== null) {
      best = consider(best, { atUs: b.deleteCheckAtUs, tenant, rank: 5, id: 0, run: () => deleteCheck(state, tenant) });
    }
    for (const j of b.deleteJobs) {
      if (j.nextAtUs !== null) best = consider(best, { atUs: j.nextAtUs, tenant, rank: 6, id: j.jobId, run: () => deleteJobStep(state, tenant, j) });
    }
    for (const t of b.deleteTasks) {
      if (t.nextAtUs !== null) best = consider(best, { atUs: t.nextAtUs, tenant, rank: 7, id: t.taskId, run: () => deleteTaskStep(state, tenant, t) });
    }
  }
  return best;
}

/** The steady workload of each tenant up to `atUs` (seeded macroblock choice), and archive progress. */
export function settle(state: ClusterState, atUs: number): void {
  state.nowUs = atUs;
  for (const tenant of state.tenants) {
    const b = tenant.backup;
    if (b === null) continue;
    const data = b.data;
    if (data.writeRateBytesPerSec > 0 && data.macroBlockCount > 0 && atUs > data.writtenUntilUs) {
      const perBlockUs = (MACRO_BLOCK_BYTES / data.writeRateBytesPerSec) * US_PER_SECOND;
      let owed = data.writeCarry + (atUs - data.writtenUntilUs) / perBlockUs;
      let t = data.writtenUntilUs + (1 - data.writeCarry) * perBlockUs;
      while (owed >= 1) {
        writeRandomMacroblocks(data, state.rng, Math.min(atUs, Math.floor(t)), 1);
        owed -= 1;
        t += perBlockUs;
      }
      data.writeCarry = owed;
    }
    // Also at rate 0, so that a later rate change applies from now, not from the last write.
    if (atUs > data.writtenUntilUs) data.writtenUntilUs = atUs;
    for (const r of b.rounds) settleRound(state, tenant, r);
  }
  // After the archives moved: a standby fed by an archive replays up to its new checkpoint.
  replayStandbys(state);
}

/** Processes every event up to `targetUs` and leaves the cluster at `targetUs`. Time never goes back. */
export function advanceTo(state: ClusterState, targetUs: number): void {
  advanceWithin(state, targetUs, Number.POSITIVE_INFINITY);
}

/**
 * At most `maxEvents` events on the way to `targetUs`: true when the cluster reached `targetUs`, false when it
 * stopped at the last event it ran (a caller with a time budget calls again). The events stepped are the same
 * however the way is sliced, so a sliced advance is as deterministic as one call.
 */
export function advanceWithin(state: ClusterState, targetUs: number, maxEvents: number): boolean {
  if (targetUs < state.nowUs) return true;
  for (let stepped = 0; stepped < maxEvents; stepped++) {
    const due = nextDue(state);
    if (due === null || due.atUs > targetUs) {
      settle(state, targetUs);
      return true;
    }
    settle(state, Math.max(state.nowUs, due.atUs));
    due.run();
  }
  return false;
}
