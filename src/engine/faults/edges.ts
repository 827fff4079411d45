/**
 * A fault's arming edge, run by the scheduler at ARMED_FROM and ARMED_UNTIL like any other event (the scheduler
 * first settles the cluster to that instant). Most consequences need no edge: jobs, tasks and rounds ask
 * faults.ts at their own steps. What an edge does itself is listed here: the observer's heartbeat events.
 */
import type { ClusterState, Fault } from '../state.js';
import { isArmed, passEdge } from './faults.js';

/** ObAddr::to_string of the one observer, as ROOTSERVICE_EVENT_ADD writes an address: quoted. */
const SERVER_ADDR = '"127.0.0.1:2882"';

function serverEvents(state: ClusterState, events: readonly string[]): void {
  for (const event of events) state.rootserviceEvents.push({ atUs: state.nowUs, module: 'server', event, values: [['server', SERVER_ADDR]] });
}

function otherServerFaultArmed(state: ClusterState, except: ReadonlySet<Fault>): boolean {
  return state.faults.some((f) => f.target === 'SERVER' && !except.has(f) && isArmed(f, state.nowUs));
}

/**
 * The observer stops answering heartbeats, or answers again (ObHeartbeatService, ob_heartbeat_service.cpp). Going
 * down: update_server_hb_info_ adds `lease_expire`, then check_server_without_hb_response_ sets __all_server's
 * last_offline_time (status INACTIVE) and adds `last_offline_time set`. Coming back:
 * update_table_for_server_with_hb_response_ resets it (`last_offline_time reset`), then update_server_hb_info_
 * adds `online`. Each event: module `server`, NAME1 `server`, VALUE1 the address. The emulator's heartbeat lapses
 * at once: it does not wait out lease_time (10 s) before the observer counts as INACTIVE.
 */
export function serverDownEdge(state: ClusterState, down: boolean): void {
  serverEvents(state, down ? ['lease_expire', 'last_offline_time set'] : ['last_offline_time reset', 'online']);
}

export function faultEdge(state: ClusterState, fault: Fault): void {
  const arming = fault.nextAtUs === fault.armedFromUs;
  passEdge(fault);
  if (fault.target !== 'SERVER' || otherServerFaultArmed(state, new Set([fault]))) return;
  if (arming && isArmed(fault, state.nowUs)) serverDownEdge(state, true);
  else if (!arming) serverDownEdge(state, false);
}

/** CLEAR FAULT(S) removed `cleared`: if that brings the observer back, its heartbeat events follow now. */
export function clearedEdge(state: ClusterState, cleared: readonly Fault[]): void {
  const wasDown = cleared.some((f) => f.target === 'SERVER' && isArmed(f, state.nowUs));
  if (wasDown && !otherServerFaultArmed(state, new Set(cleared))) serverDownEdge(state, false);
}
