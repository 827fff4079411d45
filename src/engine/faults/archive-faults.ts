/**
 * What an ARCHIVE DEST or SERVER fault does to a tenant's running archive rounds, as ObArchiveSender decides it
 * (classify.ts): a retried error stalls the checkpoint, any other error interrupts the round; a THROUGHPUT cap lets
 * the checkpoint advance only as fast as the capped dest takes the log (scheduler.ts).
 */
import type { ClusterState, Fault } from '../state.js';
import { isArchiveRetryCode } from './classify.js';
import { isArmed } from './faults.js';
import { SYS_TENANT_ID } from '../tenant/tenants.js';

export interface ArchiveFaultNow {
  /**
   * The fault that held the archive back over the time just settled (armed a moment before now: a fault armed
   * exactly now has not held anything back yet, one that ends exactly now still has).
   */
  stalled: Fault | null;
  /** The armed fatal error fault (it interrupts the round now). */
  fatal: Fault | null;
  /** The tightest THROUGHPUT cap on the archive dest over the time just settled, or null. */
  throughput: { readonly fault: Fault; readonly bytesPerSecond: number } | null;
}

function applies(f: Fault, tenantId: number): boolean {
  return f.target === 'SERVER' || f.tenantId === tenantId || f.tenantId === SYS_TENANT_ID;
}

export function archiveFault(state: ClusterState, tenantId: number): ArchiveFaultNow {
  let stalled: Fault | null = null;
  let fatal: Fault | null = null;
  let throughput: ArchiveFaultNow['throughput'] = null;
  const before = state.nowUs - 1;
  for (const f of state.faults) {
    if (!applies(f, tenantId)) continue;
    if (f.target === 'ARCHIVE DEST' && f.effect.kind === 'THROUGHPUT' && isArmed(f, before)) {
      if (throughput === null || f.effect.bytesPerSecond < throughput.bytesPerSecond) throughput = { fault: f, bytesPerSecond: f.effect.bytesPerSecond };
    }
    if (f.target === 'SERVER') {
      if (stalled === null && isArmed(f, before)) stalled = f;
    } else if (f.target === 'ARCHIVE DEST' && f.effect.kind === 'ERROR') {
      if (isArchiveRetryCode(f.effect.errorName)) {
        if (stalled === null && isArmed(f, before)) stalled = f;
      } else if (fatal === null && isArmed(f, state.nowUs)) fatal = f;
    }
  }
  return { stalled, fatal, throughput };
}
