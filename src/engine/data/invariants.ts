/**
 * The data plane's invariants (assertInvariants runs them after every statement and step in tests): versions by
 * SCN ascend and never outlive their creation backwards, one live version per table, indexes agree with rows, the
 * key order holds every row, byte counts and macroblocks agree with the rows stored.
 */
import { invariant } from '../../errors.js';
import type { DataCatalog, TableStore, TenantData } from '../state.js';
import { MACRO_BLOCK_BYTES } from './macroblocks.js';
import { rowBytes } from './row-bytes.js';

function checkHistory(what: string, store: TableStore, lastCommitScn: bigint): void {
  let prev = -1n;
  for (const rec of store.history) {
    invariant(rec.scn > prev, `${what}: undo records not ascending by SCN (${rec.scn} after ${prev})`);
    invariant(rec.scn <= lastCommitScn, `${what}: undo record at ${rec.scn} after the last commit ${lastCommitScn}`);
    invariant(rec.keys.length === rec.before.length, `${what}: undo record at ${rec.scn} has ${rec.keys.length} keys, ${rec.before.length} images`);
    invariant(new Set(rec.keys).size === rec.keys.length, `${what}: undo record at ${rec.scn} names a key twice`);
    prev = rec.scn;
  }
}

function checkIndexes(what: string, store: TableStore): void {
  for (const [key, keys] of store.rowUnique) {
    invariant(store.rows.has(key), `${what}: unique keys kept for missing row ${key}`);
    keys.forEach((u, i) => {
      if (u !== null) invariant(store.unique.get(store.uniqueNames[i]!)?.get(u) === key, `${what}: index ${store.uniqueNames[i]} lost ${u} -> ${key}`);
    });
  }
  store.uniqueNames.forEach((name, i) => {
    for (const [u, key] of store.unique.get(name)!) invariant(store.rowUnique.get(key)?.[i] === u, `${what}: index ${name} holds ${u} -> ${key}, the row does not`);
  });
}

function checkOrderAndBytes(what: string, store: TableStore): void {
  let bytes = 0;
  if (store.mapOrdered) {
    invariant(store.order.length === 0 && store.pending.length === 0, `${what}: an order kept beside an ordered Map`);
    let prev = '';
    for (const key of store.rows.keys()) {
      invariant(key > prev && key <= store.maxKey, `${what}: the Map is not in key order at ${key}`);
      prev = key;
    }
  } else {
    for (let i = 1; i < store.order.length; i++) invariant(store.order[i - 1]! < store.order[i]!, `${what}: key order broken at ${i}`);
  }
  const listed = store.mapOrdered ? null : new Set([...store.order, ...store.pending]);
  for (const [key, row] of store.rows) {
    invariant(listed === null || listed.has(key), `${what}: row ${key} is missing from the key order`);
    bytes += rowBytes(key, row);
  }
  invariant(bytes === store.liveBytes, `${what}: ${store.liveBytes} live bytes recorded, the rows hold ${bytes}`);
  invariant(store.blocks.length === store.blockMarkedUs.length, `${what}: blocks and their marks differ in length`);
  invariant(store.blocks.length >= Math.ceil(store.appendedBytes / MACRO_BLOCK_BYTES), `${what}: too few macroblocks for ${store.appendedBytes} bytes`);
}

function checkCatalog(what: string, data: TenantData, catalog: DataCatalog): void {
  const live = new Set<number>();
  const liveDbs = new Set(catalog.databases.filter((d) => d.droppedScn === null).map((d) => d.name));
  const blocks = new Set<number>();
  const stores = new Set<TableStore>();
  for (const t of catalog.tables) {
    const tw = `${what} table ${t.tableId} (${t.database}.${t.schema.name})`;
    invariant(t.droppedScn === null || t.droppedScn >= t.createdScn, `${tw}: dropped before it was created`);
    invariant(t.createdScn <= catalog.lastCommitScn, `${tw}: created after the last commit`);
    invariant(t.tableId < catalog.nextObjectId && t.tabletId < catalog.nextTabletId, `${tw}: id beyond the counters`);
    if (t.droppedScn === null) {
      invariant(!live.has(t.tableId), `${tw}: two live versions`);
      live.add(t.tableId);
      invariant(liveDbs.has(t.database), `${tw}: live in a dropped database`);
      for (const b of t.store.blocks) {
        invariant(!blocks.has(b) && b >= data.macroBlockCount && b < catalog.nextBlock, `${tw}: macroblock ${b} shared or out of range`);
        blocks.add(b);
      }
    }
    if (stores.has(t.store)) continue;
    stores.add(t.store);
    checkHistory(tw, t.store, catalog.lastCommitScn);
    checkIndexes(tw, t.store);
    checkOrderAndBytes(tw, t.store);
  }
  const names = catalog.databases.filter((d) => d.droppedScn === null).map((d) => d.name);
  invariant(new Set(names).size === names.length, `${what}: two live databases with one name`);
}

export function checkData(tenantId: number, data: TenantData): void {
  if (data.catalog !== undefined) checkCatalog(`tenant ${tenantId}`, data, data.catalog);
}
