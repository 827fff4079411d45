/**
 * The fault registry of a cluster (emulator.md "Faults"): INJECT / CLEAR, the arming edges in virtual time, and the
 * question every scheduler asks, "which fault hits this tenant's target now?". Deterministic: a fault is armed by
 * virtual time only, and its edges are scheduler events like any other (scheduler.ts).
 */
import { OB_ERRORS, obErrorWith } from '../../errors.js';
import type { ObError, ObErrorName } from '../../errors.js';
import type { ClusterState, Fault, FaultEffect, FaultTarget } from '../state.js';
import { SYS_TENANT_ID } from '../tenant/tenants.js';
import { FAULT_ERRORS } from './classify.js';

/** What INJECT FAULT asks for, with the engine's units (the statement's text is checked by `faultRequest`). */
export interface FaultRequest {
  target: FaultTarget;
  tenantId: number;
  effect: FaultEffect;
  afterUs: number;
  forUs: number | null;
}

/** The effect a target accepts: ERROR except on SERVER, THROUGHPUT on the two dests, DOWN on SERVER. */
export function checkEffect(target: FaultTarget, effect: FaultEffect): ObError | null {
  switch (effect.kind) {
    case 'ERROR':
      if (!(effect.errorName in OB_ERRORS)) return obErrorWith('OB_INVALID_ARGUMENT', `ERROR, ${effect.errorName} is not an OceanBase error`);
      if (!FAULT_ERRORS[target].includes(effect.errorName as ObErrorName)) {
        return obErrorWith('OB_INVALID_ARGUMENT', `ERROR, ${target} cannot return ${effect.errorName}`);
      }
      return null;
    case 'THROUGHPUT':
      if (target !== 'BACKUP DEST' && target !== 'ARCHIVE DEST') return obErrorWith('OB_INVALID_ARGUMENT', `THROUGHPUT, ${target} is not a destination`);
      return effect.bytesPerSecond > 0 ? null : obErrorWith('OB_INVALID_ARGUMENT', 'THROUGHPUT, it should be more than 0 MB per second');
    case 'DOWN':
      return target === 'SERVER' ? null : obErrorWith('OB_INVALID_ARGUMENT', `DOWN, only the SERVER can be down`);
  }
}

/** Arms a new fault and returns it; `onEdge` runs at once when it is armed from now (no AFTER). */
export function injectFault(state: ClusterState, req: FaultRequest): Fault {
  const from = state.nowUs + req.afterUs;
  const fault: Fault = {
    faultId: state.nextFaultId++,
    target: req.target,
    tenantId: req.tenantId,
    effect: req.effect,
    armedFromUs: from,
    armedUntilUs: req.forUs === null ? null : from + req.forUs,
    fired: 0,
    nextAtUs: from,
  };
  state.faults.push(fault);
  return fault;
}

/** Whether the fault is armed at `atUs`. */
export function isArmed(fault: Fault, atUs: number): boolean {
  return fault.armedFromUs <= atUs && (fault.armedUntilUs === null || atUs < fault.armedUntilUs);
}

/** The armed fault (lowest id first) on `target` that applies to `tenantId`: its own, or one of sys's (every tenant). */
export function activeFault(state: ClusterState, tenantId: number, target: FaultTarget): Fault | undefined {
  for (const f of state.faults) {
    if (f.target !== target || !isArmed(f, state.nowUs)) continue;
    if (target === 'SERVER' || f.tenantId === tenantId || f.tenantId === SYS_TENANT_ID) return f;
  }
  return undefined;
}

/** The armed ERROR fault on a target for a tenant, as its error name, or null. */
export function activeError(state: ClusterState, tenantId: number, target: FaultTarget): { fault: Fault; name: ObErrorName } | null {
  for (const f of state.faults) {
    if (f.target !== target || f.effect.kind !== 'ERROR' || !isArmed(f, state.nowUs)) continue;
    if (f.tenantId === tenantId || f.tenantId === SYS_TENANT_ID) return { fault: f, name: f.effect.errorName as ObErrorName };
  }
  return null;
}

/** The tightest armed THROUGHPUT cap (bytes/s) on a dest target for a tenant, or null. */
export function throughputCap(state: ClusterState, tenantId: number, target: 'BACKUP DEST' | 'ARCHIVE DEST'): number | null {
  let cap: number | null = null;
  for (const f of state.faults) {
    if (f.target !== target || f.effect.kind !== 'THROUGHPUT' || !isArmed(f, state.nowUs)) continue;
    if (f.tenantId !== tenantId && f.tenantId !== SYS_TENANT_ID) continue;
    cap = cap === null ? f.effect.bytesPerSecond : Math.min(cap, f.effect.bytesPerSecond);
  }
  return cap;
}

/** Whether the one observer is down now (an armed SERVER DOWN fault). */
export function serverDown(state: ClusterState): Fault | undefined {
  return activeFault(state, SYS_TENANT_ID, 'SERVER');
}

/**
 * GCONF.lease_time's default: the rootservice counts an observer offline once it has had no heartbeat from it for
 * this long (ObHeartbeatService::update_server_hb_info_ and check_server_without_hb_response_). The parameter is
 * stored when set; the emulator keeps the default here.
 */
export const LEASE_TIME_US = 10_000_000;

/** When the rootservice counts a SERVER DOWN fault's observer offline: its lease after the fault armed. */
export function offlineAtUs(fault: Fault): number {
  return fault.armedFromUs + LEASE_TIME_US;
}

/** Whether the fault has kept the observer down past its lease, at `atUs`: it is INACTIVE then. */
export function offlineBy(fault: Fault, atUs: number): boolean {
  return fault.target === 'SERVER' && isArmed(fault, atUs) && atUs >= offlineAtUs(fault);
}

/**
 * DBA_OB_SERVERS.STATUS of the one observer: INACTIVE once a SERVER DOWN fault has lasted lease_time (the
 * heartbeat service sets last_offline_time and the status, ObServerStatus::OB_SERVER_INACTIVE), ACTIVE otherwise:
 * an outage shorter than the lease never shows, though the observer's work stops at once (tasks, archive).
 */
export function serverStatus(state: ClusterState): 'ACTIVE' | 'INACTIVE' {
  return state.faults.some((f) => offlineBy(f, state.nowUs)) ? 'INACTIVE' : 'ACTIVE';
}

/**
 * Advances a fault past its edge at `state.nowUs` to its next one: armed, then (for SERVER) the lease expiring
 * while armed, then disarmed; null after the last.
 */
export function passEdge(fault: Fault): void {
  const at = fault.nextAtUs ?? Number.POSITIVE_INFINITY;
  const lease = fault.target === 'SERVER' ? offlineAtUs(fault) : null;
  const edges = [fault.armedFromUs, lease, fault.armedUntilUs].filter((e): e is number => e !== null && e > at && (fault.armedUntilUs === null || e <= fault.armedUntilUs));
  fault.nextAtUs = edges.length === 0 ? null : Math.min(...edges);
}

/** Removes one fault (by id) or every fault (of `tenantId` when given); returns the faults removed. */
export function clearFaults(state: ClusterState, faultId: number | null, tenantId: number | null = null): Fault[] {
  const hit = (f: Fault): boolean => (tenantId === null || f.tenantId === tenantId) && (faultId === null || f.faultId === faultId);
  const removed = state.faults.filter(hit);
  state.faults = state.faults.filter((f) => !hit(f));
  return removed;
}

/** SHOW EMULATOR FAULTS' EFFECT column, as the statement writes it. */
export function effectText(effect: FaultEffect): string {
  switch (effect.kind) {
    case 'ERROR':
      return `ERROR = ${effect.errorName}`;
    case 'THROUGHPUT':
      return `THROUGHPUT = ${effect.mbPerSecond} MB PER SECOND`;
    case 'DOWN':
      return 'DOWN';
  }
}
