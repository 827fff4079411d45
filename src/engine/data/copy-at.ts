/**
 * A tenant's user data as of an SCN, copied: what RESTORE … UNTIL builds the new tenant from (OceanBase keeps
 * database, table and tablet ids in a restored tenant, so the copy does too). Row arrays are shared with the
 * source: rows are never changed in place, only replaced.
 */
import type { DataCatalog, TableStore, TableVersion } from '../state.js';
import { visibleAt } from './catalog.js';
import { packedEntriesAt, uniqueKeysAt } from './mvcc.js';
import { rowBytes } from './row-bytes.js';
import { newStore } from './store.js';
import { MACRO_BLOCK_BYTES } from './macroblocks.js';

/** The unique keys of one row at `scn`: the before-image of a later commit, else the latest. */
function uniqueAtFn(store: TableStore, scn: bigint): (key: string) => readonly (string | null)[] | null {
  if (store.uniqueNames.length === 0) return () => null;
  const overrides = uniqueKeysAt(store, scn);
  return (key) => (overrides.has(key) ? overrides.get(key)! : (store.rowUnique.get(key) ?? null));
}

/** Gives a store macroblocks for its bytes (fresh indexes from the catalog: a restored tablet is written anew). */
function allocateBlocks(catalog: DataCatalog, store: TableStore): void {
  const count = Math.ceil(store.appendedBytes / MACRO_BLOCK_BYTES);
  for (let i = 0; i < count; i++) {
    store.blocks.push(catalog.nextBlock++);
    store.blockMarkedUs.push(-1);
  }
}

/** A table's rows at `scn` in a fresh store (keys arrive in order, so `order` is built as is). */
export function copyStoreAt(source: TableStore, scn: bigint, into: DataCatalog): TableStore {
  const store = newStore(source.uniqueNames);
  store.hiddenPkNext = source.hiddenPkNext;
  const uniqueAt = uniqueAtFn(source, scn);
  const withUnique = source.uniqueNames.length > 0;
  let bytes = 0;
  for (const [key, row] of packedEntriesAt(source, scn)) {
    store.rows.set(key, row);
    store.order.push(key);
    bytes += rowBytes(key, row);
    if (!withUnique) continue;
    const keys = uniqueAt(key);
    if (keys === null) continue;
    store.rowUnique.set(key, keys);
    keys.forEach((u, i) => {
      if (u !== null) store.unique.get(store.uniqueNames[i]!)!.set(u, key);
    });
  }
  store.appendedBytes = bytes;
  store.liveBytes = bytes;
  allocateBlocks(into, store);
  return store;
}

export function copyTableAt(t: TableVersion, scn: bigint, into: DataCatalog): TableVersion {
  return { ...t, droppedScn: null, store: copyStoreAt(t.store, scn, into) };
}

/** The catalog of `source` at `scn` for a new tenant whose synthetic macroblocks end at `firstBlock`. */
export function copyCatalogAt(source: DataCatalog, scn: bigint, firstBlock: number): DataCatalog {
  const out: DataCatalog = {
    nextObjectId: source.nextObjectId,
    nextTabletId: source.nextTabletId,
    nextBlock: Math.max(firstBlock, source.nextBlock),
    lastCommitScn: scn,
    databases: source.databases.filter((d) => visibleAt(d, scn)).map((d) => ({ ...d, droppedScn: null })),
    tables: [],
  };
  for (const t of source.tables) if (visibleAt(t, scn)) out.tables.push(copyTableAt(t, scn, out));
  return out;
}
