/**
 * A fault's edges, run by the scheduler at ARMED_FROM, a SERVER fault's lease expiry and ARMED_UNTIL like any other event (the scheduler
 * first settles the cluster to that instant). Most consequences need no edge: jobs, tasks and rounds ask
 * faults.ts at their own steps. What an edge does itself is listed here: the observer's heartbeat events.
 */
import type { ClusterState, Fault } from '../state.js';
import { isArmed, offlineAtUs, offlineBy, passEdge } from './faults.js';

/** ObAddr::to_string of the one observer, as ROOTSERVICE_EVENT_ADD writes an address: quoted. */
const SERVER_ADDR = '"127.0.0.1:2882"';

function serverEvents(state: ClusterState, events: readonly string[]): void {
  for (const event of events) state.rootserviceEvents.push({ atUs: state.nowUs, module: 'server', event, values: [['server', SERVER_ADDR]] });
}

/** Whether a SERVER fault other than `except` keeps the observer counted offline (armed past its lease) now. */
function otherServerOffline(state: ClusterState, except: ReadonlySet<Fault>): boolean {
  return state.faults.some((f) => !except.has(f) && offlineBy(f, state.nowUs));
}

/**
 * The observer stops answering heartbeats, or answers again (ObHeartbeatService, ob_heartbeat_service.cpp). Once
 * lease_time has passed without one, update_server_hb_info_ adds `lease_expire`, then
 * check_server_without_hb_response_ sets __all_server's last_offline_time (status INACTIVE) and adds
 * `last_offline_time set`. Coming back: update_table_for_server_with_hb_response_ resets it (`last_offline_time
 * reset`), then update_server_hb_info_ adds `online`. Each event: module `server`, NAME1 `server`, VALUE1 the
 * address. An outage shorter than the lease adds none.
 */
export function serverDownEdge(state: ClusterState, down: boolean): void {
  serverEvents(state, down ? ['lease_expire', 'last_offline_time set'] : ['last_offline_time reset', 'online']);
}

export function faultEdge(state: ClusterState, fault: Fault): void {
  const at = fault.nextAtUs;
  passEdge(fault);
  if (fault.target !== 'SERVER' || at === null) return;
  const others = otherServerOffline(state, new Set([fault]));
  // The lease ran out while armed: counted offline now (unless another outage already is).
  if (at === offlineAtUs(fault) && isArmed(fault, at) && !others) serverDownEdge(state, true);
  // Disarmed after its lease had run out: back online, unless another outage still holds it.
  else if (at === fault.armedUntilUs && fault.armedUntilUs > offlineAtUs(fault) && !others) serverDownEdge(state, false);
}

/** CLEAR FAULT(S) removed `cleared`: if that brings a counted-offline observer back, its heartbeat events follow now. */
export function clearedEdge(state: ClusterState, cleared: readonly Fault[]): void {
  const wasOffline = cleared.some((f) => offlineBy(f, state.nowUs));
  if (wasOffline && !otherServerOffline(state, new Set(cleared))) serverDownEdge(state, false);
}
