/**
 * Creating a cluster from its configuration (emulator.md "Defaults"), and moving its virtual time: by an explicit
 * amount (manual mode) or to what the injected clock says (realtime mode, times the speed).
 */
import { seedRng } from './rng.js';
import { advanceTo, advanceWithin } from './scheduler.js';
import type { ClusterState } from '../state.js';
import { builtinPools, builtinUnits, provisionTenantResources } from '../tenant/resources.js';
import { addUserTenant, sysTenant } from '../tenant/tenants.js';
import { scnOfUs } from './time.js';
import type { Clock, Cluster, ClusterConfig } from '../types.js';

const DEFAULT_TENANTS = [
  { name: 'mysql_tenant', mode: 'mysql' },
  { name: 'oracle_tenant', mode: 'oracle' },
] as const;

/** The start-up state of a cluster (also what ALTER EMULATOR RESET returns to). */
export function initialState(config: ClusterConfig, clock: Clock | null): ClusterState {
  const seed = config.seed ?? 1;
  const start = Math.floor(config.startTimeUs);
  const realtime = config.clock?.mode === 'REALTIME';
  const state: ClusterState = {
    formatVersion: 1,
    clusterName: config.clusterName ?? '',
    seed,
    rng: seedRng(seed),
    nowUs: start,
    lastGtsScn: scnOfUs(start),
    clock: {
      mode: realtime ? 'REALTIME' : 'MANUAL',
      speed: config.clock?.mode === 'REALTIME' ? (config.clock.speed ?? 1) : 1,
      anchorRealUs: realtime && clock ? clock.now() : 0,
      anchorVirtualUs: start,
    },
    tenants: [sysTenant(start)],
    nextUserTenantId: 1002,
    parameters: {},
    formatFiles: [],
    rootserviceEvents: [],
    resourceUnits: builtinUnits(start),
    resourcePools: builtinPools(start),
    nextUnitConfigId: 1001,
    nextResourcePoolId: 1001,
    restoreJobs: [],
    restoreHistory: [],
    nextRestoreJobId: 1,
    clusterEvents: [],
    faults: [],
    nextFaultId: 1,
  };
  for (const spec of config.tenants ?? DEFAULT_TENANTS) {
    const tenant = addUserTenant(state, spec.name, spec.mode === 'oracle' ? 'ORACLE' : 'MYSQL', {
      macroBlockCount: config.macroBlocksPerTenant,
      writeRateBytesPerSec: config.writeRateBytesPerSec,
    });
    provisionTenantResources(state, tenant);
  }
  return state;
}

/**
 * Creates a cluster. `clock` is the injected real-time source, needed only for REALTIME mode (start-up or SET
 * CLOCK REALTIME); manual clusters may pass null and move time with `advance`.
 */
export function createCluster(config: ClusterConfig, clock: Clock | null = null, startState?: ClusterState): Cluster {
  if (config.clock?.mode === 'REALTIME' && clock === null) throw new Error('a REALTIME cluster needs a Clock');
  if (startState === undefined) return { state: initialState(config, clock), config, clock };
  // The placeholder state is replaced at once by a copy: startState itself is never handed out.
  const cluster: Cluster = { state: startState, config, clock, startState };
  adoptState(cluster, structuredClone(startState));
  return cluster;
}

/** What RESET returns to: the start-up snapshot's copy, or the blank start-up state. */
export function resetState(cluster: Cluster): void {
  if (cluster.startState === undefined) cluster.state = initialState(cluster.config, cluster.clock);
  else adoptState(cluster, structuredClone(cluster.startState));
}

/**
 * Makes `state` (a loaded snapshot, owned from now on) the cluster's: it takes the cluster's name, and a REALTIME
 * clock is anchored at the real time now, so virtual time goes on from the saved instant rather than jumping by
 * the real time that passed since the save. Throws for a REALTIME state without a clock to follow.
 */
export function adoptState(cluster: Cluster, state: ClusterState): void {
  if (state.clock.mode === 'REALTIME') {
    if (cluster.clock === null) throw new Error('a REALTIME cluster needs a Clock');
    state.clock.anchorRealUs = cluster.clock.now();
    state.clock.anchorVirtualUs = state.nowUs;
  }
  state.clusterName = cluster.config.clusterName ?? '';
  cluster.state = state;
}

/**
 * In REALTIME mode, brings virtual time to what the clock says (anchor + elapsed real time × speed). Called once at
 * each entry from outside (execute, advance, now, and the session before a query), never inside a statement, so a
 * statement sees one instant.
 */
export function syncClock(cluster: Cluster): void {
  const c = cluster.state.clock;
  if (c.mode !== 'REALTIME' || cluster.clock === null) return;
  const target = c.anchorVirtualUs + Math.floor((cluster.clock.now() - c.anchorRealUs) * c.speed);
  advanceTo(cluster.state, target);
}

/** Moves virtual time forward by `us` microseconds from the synced now, running the scheduler. */
export function advanceUs(cluster: Cluster, us: number): void {
  syncClock(cluster);
  advanceSyncedUs(cluster, us);
}

/** advanceUs inside a statement, whose entry has synced the clock already. */
export function advanceSyncedUs(cluster: Cluster, us: number): void {
  const state = cluster.state;
  const delta = Math.max(0, Math.floor(us));
  state.clock.anchorVirtualUs += delta;
  advanceTo(state, state.nowUs + delta);
}

/**
 * An ADVANCE TIME in slices (the session drives it between its deadline checks): each step runs at most
 * `maxEvents` events toward the target fixed at the start and says whether it is reached; the clock's anchor moves
 * with every step by what the step advanced, so a REALTIME clock synced between slices (another session's
 * statement) never jumps the rest of the way at once, and an interrupted advance leaves the cluster where it stopped.
 */
export function beginAdvance(cluster: Cluster, us: number): (maxEvents: number) => boolean {
  syncClock(cluster);
  const targetUs = cluster.state.nowUs + Math.max(0, Math.floor(us));
  return (maxEvents) => {
    const state = cluster.state;
    const before = state.nowUs;
    // A slice also spans at most six hours: the continuous parts (archive pieces, workload writes) cost their span.
    const sliceUs = Math.min(targetUs, before + SLICE_SPAN_US);
    advanceWithin(state, sliceUs, maxEvents);
    state.clock.anchorVirtualUs += state.nowUs - before;
    return state.nowUs >= targetUs;
  };
}

const SLICE_SPAN_US = 6 * 3600 * 1_000_000;

/** Moves virtual time forward by `ms` milliseconds (the embedded API's unit). */
export function advance(cluster: Cluster, ms: number): void {
  advanceUs(cluster, ms * 1000);
}

/** The cluster's virtual now (µs), after bringing a REALTIME cluster up to date. */
export function now(cluster: Cluster): number {
  syncClock(cluster);
  return cluster.state.nowUs;
}
