/**
 * The context a commit applies in (commit.ts ApplyContext), from the tenant's backup state: whether history is
 * kept, the newest backup snapshot (macroblock marks dedupe within one INC window) and the newest archive piece
 * start (a commit's redo may be folded into an earlier log segment only within the piece the archive is writing).
 */
import { usOfScn } from '../cluster/time.js';
import type { ClusterState, DataCatalog, TenantState } from '../state.js';
import type { ApplyContext } from './commit.js';
import { lastSnapshotUs } from './prune.js';

function lastPieceStartUs(tenant: TenantState): number {
  let last = -1;
  for (const p of tenant.backup?.pieces ?? []) {
    const us = usOfScn(p.startScn);
    if (us > last) last = us;
  }
  return last;
}

export function applyContext(state: ClusterState, tenant: TenantState, catalog: DataCatalog, scn: bigint, keepHistory: boolean): ApplyContext {
  return {
    data: tenant.backup!.data,
    catalog,
    scn,
    atUs: state.nowUs,
    keepHistory,
    lastSnapshotUs: lastSnapshotUs(tenant),
    logFoldAfterUs: lastPieceStartUs(tenant),
  };
}
