/**
 * The engine's state, injected faults (emulator.md "Faults"): see state.ts for the units and rules. A fault is a
 * pure description (what it hits, for whom, what it does, when it is armed); what it does to jobs, rounds and
 * servers is decided where those are stepped, by src/engine/faults/.
 */

/** What a fault hits: data backup writes (and restore reads), archive log writes, a restore, a delete, the observer. */
export type FaultTarget = 'BACKUP DEST' | 'ARCHIVE DEST' | 'RESTORE' | 'BACKUP CLEAN' | 'SERVER';

export type FaultEffect =
  /** The target's I/O or step fails with this error of the error table (src/errors.ts). */
  | { kind: 'ERROR'; errorName: string }
  /** The dest moves at most this many bytes a second (`mbPerSecond` as written, for SHOW EMULATOR FAULTS). */
  | { kind: 'THROUGHPUT'; bytesPerSecond: number; mbPerSecond: string }
  /** The observer is INACTIVE. */
  | { kind: 'DOWN' };

/** A SHOW EMULATOR FAULTS row. */
export interface Fault {
  /** FAULT_ID: 1, 2, … per cluster, never reused (RESET starts again at 1). */
  faultId: number;
  target: FaultTarget;
  /** TENANT_ID: the tenant it applies to; sys (1) means every tenant. */
  tenantId: number;
  effect: FaultEffect;
  /** ARMED_FROM: armed at and after this virtual time (µs). */
  armedFromUs: number;
  /** ARMED_UNTIL: disarmed at this virtual time, or null (until cleared). */
  armedUntilUs: number | null;
  /** FIRED: how many times it took effect (a failed LS task attempt, a refused dest, an interrupted round, …). */
  fired: number;
  /** Internal: the next arming edge still to process (armedFromUs, then armedUntilUs), or null after both. */
  nextAtUs: number | null;
}
