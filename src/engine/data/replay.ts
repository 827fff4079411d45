/**
 * A standby fed by LOG_RESTORE_SOURCE replays its primary's commits (clients.md §7): LOCATION=<archive uri> reads
 * the primary's archive, so the standby reaches the newest checkpoint of that archive; SERVICE=… USER=u@t reads
 * the primary tenant t directly, so it reaches the primary's now. Either way replay stops at RECOVERY_UNTIL_SCN
 * (RECOVER STANDBY UNTIL). Its data follows the primary's up to the point it reached (READABLE_SCN).
 */
import type { ClusterState, DataCatalog, TableVersion, TenantState } from '../state.js';
import { visibleAt } from './catalog.js';
import { applyPlans, type TablePlan } from './commit.js';
import { copyTableAt } from './copy-at.js';
import { packedAt } from './mvcc.js';
import { applyContext } from './apply-context.js';
import { retentionScn } from './prune.js';
import { reachOf, resolveSource } from './standby-source.js';

/** Replays every standby with a source as far as it may go (called as virtual time moves). */
export function replayStandbys(state: ClusterState): void {
  for (const t of state.tenants) {
    if (t.role !== 'STANDBY' || t.status !== 'NORMAL' || t.replayedScn === null || t.backup === null) continue;
    const source = resolveSource(state, t);
    if (source === undefined || source.tenant.backup === null) continue;
    const reach = reachOf(state, source);
    const until = t.recoveryUntilScn ?? reach;
    const target = reach < until ? reach : until;
    if (target <= t.replayedScn) continue;
    const from = source.tenant.backup.data.catalog;
    if (from !== undefined && t.backup.data.catalog !== undefined) replayInto(state, t, from, t.replayedScn, target);
    t.replayedScn = target;
  }
}

/** The source's version of a table at `scn`. */
function versionAt(catalog: DataCatalog, tableId: number, scn: bigint): TableVersion | undefined {
  return catalog.tables.find((v) => v.tableId === tableId && visibleAt(v, scn));
}

/**
 * Brings the standby's data from the source's state at `a` to its state at `b`: a table whose version did not
 * change in (a, b] gets only the rows changed in between; a table created, truncated, renamed or altered in
 * between is copied whole; databases are taken as they are at b.
 */
function replayInto(state: ClusterState, standby: TenantState, source: DataCatalog, a: bigint, b: bigint): void {
  const data = standby.backup!.data;
  const dst = data.catalog!;
  dst.databases = source.databases.filter((d) => visibleAt(d, b)).map((d) => ({ ...d, droppedScn: null }));
  const keep = retentionScn(state, standby) !== null;
  const tables: TableVersion[] = [];
  for (const vb of source.tables) {
    if (!visibleAt(vb, b)) continue;
    const mine = dst.tables.find((t) => t.tableId === vb.tableId && t.droppedScn === null);
    if (mine === undefined || versionAt(source, vb.tableId, a) !== vb) {
      tables.push(copyTableAt(vb, b, dst));
      continue;
    }
    const plan: TablePlan = { table: mine, writes: new Map(), hiddenPkNext: vb.store.hiddenPkNext, autoIncrementNext: vb.autoIncrementNext };
    for (const rec of vb.store.history) {
      if (rec.scn <= a || rec.scn > b) continue;
      for (const key of rec.keys) plan.writes.set(key, { key, row: packedAt(vb.store, key, b) ?? null, uniq: uniqueAt(vb, key, b) });
    }
    if (plan.writes.size > 0) applyPlans(applyContext(state, standby, dst, b, keep), new Map([[mine, plan]]));
    tables.push(mine);
  }
  dst.tables = tables;
  dst.lastCommitScn = b;
  // The primary's ids go on in the standby: after ACTIVATE its new objects must not take a replayed one's id.
  dst.nextObjectId = Math.max(dst.nextObjectId, source.nextObjectId);
  dst.nextTabletId = Math.max(dst.nextTabletId, source.nextTabletId);
}

function uniqueAt(v: TableVersion, key: string, scn: bigint): readonly (string | null)[] | null {
  const store = v.store;
  if (store.uniqueNames.length === 0) return null;
  let found: readonly (string | null)[] | null | undefined;
  for (let r = store.history.length - 1; r >= 0 && store.history[r]!.scn > scn; r--) {
    const rec = store.history[r]!;
    const i = rec.keys.indexOf(key);
    if (i >= 0 && rec.beforeUnique !== undefined) found = rec.beforeUnique[i] ?? null;
  }
  return found === undefined ? (store.rowUnique.get(key) ?? null) : found;
}
