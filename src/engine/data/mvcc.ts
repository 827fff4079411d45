/**
 * Reads of a tablet at an SCN (MVCC): the latest rows with every commit after the SCN undone. The version of key k
 * at s is the before-image of the EARLIEST undo record for k with SCN > s, or the latest row when there is none;
 * so a read costs the changes since s, not the table size, plus the ordered walk itself.
 */
import type { PackedRow, StoredRow, TableStore } from '../state.js';
import { unpackRow } from './row-codec.js';
import { compareKeys, orderedKeys } from './store.js';

/** Key -> version at s (null: absent at s), for the keys changed after s. */
export function overridesAfter(store: TableStore, scn: bigint): Map<string, PackedRow | null> {
  const out = new Map<string, PackedRow | null>();
  const history = store.history;
  // Newest first, so that the earliest record after s is the one left in the map.
  for (let r = history.length - 1; r >= 0 && history[r]!.scn > scn; r--) {
    const rec = history[r]!;
    for (let i = rec.keys.length - 1; i >= 0; i--) out.set(rec.keys[i]!, rec.before[i]!);
  }
  return out;
}

/** True when nothing was committed to the store after `scn` (the latest rows are the rows at scn). */
function latestAt(store: TableStore, scn: bigint | undefined): boolean {
  if (scn === undefined) return true;
  const last = store.history[store.history.length - 1];
  return last === undefined || last.scn <= scn;
}

/** The packed rows at `scn` (undefined: latest), in key order, with their keys. */
export function* packedEntriesAt(store: TableStore, scn?: bigint): Generator<readonly [string, PackedRow]> {
  const keys = orderedKeys(store);
  if (latestAt(store, scn)) {
    for (const key of keys) yield [key, store.rows.get(key)!];
    return;
  }
  const overrides = overridesAfter(store, scn!);
  // Keys gone since s (deleted after it) are not in `keys`: merge them in, in order.
  const extra = [...overrides.keys()].filter((k) => !store.rows.has(k) && overrides.get(k) !== null).sort(compareKeys);
  let j = 0;
  for (const key of keys) {
    while (j < extra.length && extra[j]! < key) {
      yield [extra[j]!, overrides.get(extra[j]!)!];
      j++;
    }
    const o = overrides.get(key);
    if (o === undefined) yield [key, store.rows.get(key)!];
    else if (o !== null) yield [key, o];
  }
  for (; j < extra.length; j++) yield [extra[j]!, overrides.get(extra[j]!)!];
}

/** The rows at `scn` (undefined: latest), in key order, with their keys. */
export function* entriesAt(store: TableStore, scn?: bigint): Generator<readonly [string, StoredRow]> {
  for (const [key, packed] of packedEntriesAt(store, scn)) yield [key, unpackRow(packed)];
}

/** One packed row at `scn` (undefined: latest). */
export function packedAt(store: TableStore, key: string, scn?: bigint): PackedRow | undefined {
  if (latestAt(store, scn)) return store.rows.get(key);
  const history = store.history;
  let found: PackedRow | null | undefined;
  for (let r = history.length - 1; r >= 0 && history[r]!.scn > scn!; r--) {
    const rec = history[r]!;
    const i = rec.keys.indexOf(key);
    if (i >= 0) found = rec.before[i]!;
  }
  if (found === undefined) return store.rows.get(key);
  return found ?? undefined;
}

/** One row at `scn` (undefined: latest). */
export function rowAt(store: TableStore, key: string, scn?: bigint): StoredRow | undefined {
  const packed = packedAt(store, key, scn);
  return packed === undefined ? undefined : unpackRow(packed);
}

/** Unique keys of each row changed after `scn` as they were at `scn`, for rebuilding the indexes of a copy. */
export function uniqueKeysAt(store: TableStore, scn: bigint): Map<string, readonly (string | null)[] | null> {
  const out = new Map<string, readonly (string | null)[] | null>();
  const history = store.history;
  for (let r = history.length - 1; r >= 0 && history[r]!.scn > scn; r--) {
    const rec = history[r]!;
    if (rec.beforeUnique === undefined) continue;
    for (let i = rec.keys.length - 1; i >= 0; i--) out.set(rec.keys[i]!, rec.beforeUnique[i] ?? null);
  }
  return out;
}
