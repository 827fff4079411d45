/**
 * A fault's arming edge, run by the scheduler at ARMED_FROM and ARMED_UNTIL like any other event (the scheduler
 * first settles the cluster to that instant). Most consequences need no edge: jobs, tasks and rounds ask
 * faults.ts at their own steps. What an edge does itself is listed here.
 */
import type { ClusterState, Fault } from '../state.js';
import { passEdge } from './faults.js';

export function faultEdge(state: ClusterState, fault: Fault): void {
  passEdge(fault);
  void state;
}
