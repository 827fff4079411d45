/**
 * How much history the data plane keeps (issue 20 Build 4): versions older than the oldest point still restorable
 * are dropped. That point is the oldest of: each usable backup set's MIN_RESTORE_SCN (SUCCESS and AVAILABLE: what
 * a restore may choose; cleaning and delete policies move it), the start of a backup job still running (its set's
 * consistent SCN comes later), the SCN of a restore reading this tenant and the replay point of a standby fed by
 * it. A tenant with none of them keeps only the latest versions.
 */
import type { ClusterState, DataCatalog, TableStore, TenantState } from '../state.js';
import { scnOfUs } from '../cluster/time.js';
import { standbySourceOf } from './standby-source.js';

/** The oldest SCN a read may still ask for, or null when only the latest state can be read. */
export function retentionScn(state: ClusterState, tenant: TenantState): bigint | null {
  const b = tenant.backup;
  if (b === null) return null;
  let min: bigint | null = null;
  const take = (scn: bigint): void => {
    if (min === null || scn < min) min = scn;
  };
  for (const s of b.setFiles) if (s.status === 'SUCCESS' && s.fileStatus === 'AVAILABLE') take(s.minRestoreScn);
  for (const j of b.jobs) take(scnOfUs(j.startUs));
  for (const j of state.restoreJobs) if (j.plan !== null && j.plan.sourceTenantId === tenant.id) take(j.restoreScn);
  for (const t of state.tenants) {
    if (t.role !== 'PRIMARY' && t.replayedScn !== null && standbySourceOf(state, t)?.id === tenant.id) take(t.replayedScn);
  }
  return min;
}

/** Drops undo records no read at or after `keepScn` needs (all of them when keepScn is null). */
export function pruneStore(store: TableStore, keepScn: bigint | null): void {
  const h = store.history;
  let drop = 0;
  while (drop < h.length && (keepScn === null || h[drop]!.scn <= keepScn)) drop++;
  if (drop > 0) h.splice(0, drop);
}

/** Drops ended versions no read at or after `keepScn` can see, and prunes the stores of the tables touched. */
export function pruneCatalog(catalog: DataCatalog, keepScn: bigint | null, touched: Iterable<TableStore>): void {
  const gone = (v: { droppedScn: bigint | null }): boolean => v.droppedScn !== null && (keepScn === null || v.droppedScn <= keepScn);
  if (catalog.tables.some(gone)) catalog.tables = catalog.tables.filter((t) => !gone(t));
  if (catalog.databases.some(gone)) catalog.databases = catalog.databases.filter((d) => !gone(d));
  for (const store of touched) pruneStore(store, keepScn);
}

/** The newest backup snapshot of the tenant (µs; -1: none): macroblock marks dedupe within one INC window. */
export function lastSnapshotUs(tenant: TenantState): number {
  let last = -1;
  for (const s of tenant.backup?.setFiles ?? []) if (s.snapshotUs > last) last = s.snapshotUs;
  return last;
}
