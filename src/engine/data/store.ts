/**
 * A tablet's rows (TableStore): the latest committed version per primary key, the before-images of later commits
 * (for reads at an older SCN), the key order and the unique indexes. Everything here is plain data (Maps, arrays,
 * primitives) so that v8.serialize and structuredClone keep it.
 */
import type { PackedRow, TableStore, UndoRecord } from '../state.js';

export function newStore(uniqueNames: readonly string[]): TableStore {
  return {
    rows: new Map(),
    mapOrdered: true,
    maxKey: '',
    order: [],
    pending: [],
    dead: 0,
    history: [],
    unique: new Map(uniqueNames.map((n) => [n, new Map<string, string>()])),
    rowUnique: new Map(),
    uniqueNames: [...uniqueNames],
    hiddenPkNext: 1,
    blocks: [],
    blockMarkedUs: [],
    appendedBytes: 0,
    liveBytes: 0,
  };
}

/**
 * The key order, settled: pending keys sorted and merged in, deleted keys dropped. Amortised: a run of ordered
 * inserts (auto-increment keys) never leaves `order`, so the merge costs only what was inserted out of order.
 */
export function orderedKeys(store: TableStore): Iterable<string> {
  if (store.mapOrdered) return store.rows.keys();
  if (store.pending.length === 0 && store.dead === 0) return store.order;
  const pending = store.pending.sort(compareKeys);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  const order = store.order;
  const take = (key: string): void => {
    // A key deleted and inserted again sits in both lists; a key deleted since is in neither's live set.
    if (store.rows.has(key) && out[out.length - 1] !== key) out.push(key);
  };
  while (i < order.length || j < pending.length) {
    if (j >= pending.length || (i < order.length && order[i]! <= pending[j]!)) take(order[i++]!);
    else take(pending[j++]!);
  }
  store.order = out;
  store.pending = [];
  store.dead = 0;
  return out;
}

/** Keys compare as JavaScript strings (UTF-16 code units): the SQL layer's encoding sorts as the pk does under it. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Notes a key that was not in `rows` before this write (it is in `rows` now). */
function noteInsertedKey(store: TableStore, key: string): void {
  if (store.mapOrdered) {
    if (key > store.maxKey) {
      store.maxKey = key;
      return;
    }
    // The first key below one before it: from now on the order is kept beside the Map.
    unorder(store, key);
    return;
  }
  const order = store.order;
  if (store.pending.length === 0 && (order.length === 0 || order[order.length - 1]! < key)) order.push(key);
  else store.pending.push(key);
}

/** Leaves the Map-ordered mode: `order` becomes the sorted keys but `key`, which waits in `pending`. */
function unorder(store: TableStore, key: string): void {
  store.mapOrdered = false;
  store.maxKey = '';
  const keys: string[] = [];
  for (const k of store.rows.keys()) if (k !== key) keys.push(k);
  store.order = keys;
  store.pending = [key];
  store.dead = 0;
}

/** Sets or deletes the latest version of one row (and its unique keys), keeping the order and indexes. */
export function putRow(store: TableStore, key: string, row: PackedRow | null, uniqueKeys: readonly (string | null)[] | null): void {
  const had = store.rows.has(key);
  unindexRow(store, key);
  if (row === null) {
    if (had) {
      store.rows.delete(key);
      if (!store.mapOrdered) store.dead++;
    }
    return;
  }
  store.rows.set(key, row);
  if (!had) noteInsertedKey(store, key);
  if (uniqueKeys !== null && store.uniqueNames.length > 0) indexRow(store, key, uniqueKeys);
}

function unindexRow(store: TableStore, key: string): void {
  const keys = store.rowUnique.get(key);
  if (keys === undefined) return;
  store.rowUnique.delete(key);
  keys.forEach((u, i) => {
    if (u === null) return;
    const index = store.unique.get(store.uniqueNames[i]!)!;
    if (index.get(u) === key) index.delete(u);
  });
}

function indexRow(store: TableStore, key: string, uniqueKeys: readonly (string | null)[]): void {
  store.rowUnique.set(key, uniqueKeys);
  uniqueKeys.forEach((u, i) => {
    if (u !== null) store.unique.get(store.uniqueNames[i]!)!.set(u, key);
  });
}

/** The unique keys of a row as stored (null: the table has no unique index or the row is absent). */
export function uniqueKeysOf(store: TableStore, key: string): readonly (string | null)[] | null {
  return store.rowUnique.get(key) ?? null;
}

/** Appends the before-images of a commit (kept only while some restorable point needs them: prune.ts). */
export function recordUndo(store: TableStore, record: UndoRecord): void {
  const last = store.history[store.history.length - 1];
  if (last !== undefined && last.scn === record.scn) {
    // One commit writing the same tablet twice (CREATE TABLE … AS SELECT then rows): one record per commit.
    last.keys.push(...record.keys);
    last.before.push(...record.before);
    if (record.beforeUnique !== undefined) (last.beforeUnique ??= []).push(...record.beforeUnique);
    return;
  }
  store.history.push(record);
}
