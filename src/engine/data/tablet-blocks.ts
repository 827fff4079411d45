/**
 * User tablets on the tenant's macroblocks (2 MB): a tablet owns the macroblocks it filled, in order. A commit
 * appends its new bytes (inserts, rows that grew) at the tablet's end, filling the last macroblock and taking new
 * ones from the tenant; an update or delete rewrites the macroblock holding the row (chosen by a hash of its key:
 * the emulator does not track row placement). Each macroblock a commit touches is marked in the tenant's change
 * log, so the next INC copies exactly those, and a FULL copies every live tablet's macroblocks. Deleted bytes are
 * not given back (as in a tablet before its next major compaction).
 */
import { MACRO_BLOCK_BYTES, recordChange } from './macroblocks.js';
import type { DataCatalog, TableStore, TenantData } from '../state.js';

/** One row change's sizes: null for an absent row. */
export interface SizedChange {
  readonly key: string;
  readonly oldBytes: number | null;
  readonly newBytes: number | null;
}

/** FNV-1a of the key: a stable macroblock choice for rewrites. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The positions (in store.blocks) a commit's changes touch; grows the tablet as its bytes need. An insert fills the
 * tablet's end; an update rewrites the macroblock holding the row (its growth only counts toward new macroblocks
 * once the tablet outgrows the last one); a delete rewrites the row's macroblock.
 */
function touchedPositions(catalog: DataCatalog, store: TableStore, changes: readonly SizedChange[]): Set<number> {
  const touched = new Set<number>();
  const grow = (bytes: number, markRange: boolean): void => {
    if (bytes <= 0) return;
    const from = store.appendedBytes;
    const had = store.blocks.length;
    store.appendedBytes += bytes;
    const last = Math.floor((store.appendedBytes - 1) / MACRO_BLOCK_BYTES);
    while (store.blocks.length <= last) {
      store.blocks.push(catalog.nextBlock++);
      store.blockMarkedUs.push(-1);
    }
    for (let p = markRange ? Math.floor(from / MACRO_BLOCK_BYTES) : had; p <= last; p++) touched.add(p);
  };
  for (const c of changes) {
    if (c.oldBytes !== null && store.blocks.length > 0) touched.add(keyHash(c.key) % store.blocks.length);
    if (c.newBytes !== null) grow(c.newBytes - (c.oldBytes ?? 0), c.oldBytes === null);
    store.liveBytes += (c.newBytes ?? 0) - (c.oldBytes ?? 0);
  }
  return touched;
}

/**
 * Marks the macroblocks a commit changed at `atUs`. A macroblock already marked since the tenant's newest backup
 * snapshot is not marked again: an INC counts distinct macroblocks between two snapshots, so the repeat would
 * only grow the change log (steady writes to a hot tablet would otherwise grow it without bound).
 */
export function markCommit(data: TenantData, catalog: DataCatalog, store: TableStore, changes: readonly SizedChange[], atUs: number, lastSnapshotUs: number): number {
  let marked = 0;
  for (const p of touchedPositions(catalog, store, changes)) {
    if (store.blockMarkedUs[p]! > lastSnapshotUs) continue;
    recordChange(data.changes, atUs, store.blocks[p]!);
    store.blockMarkedUs[p] = atUs;
    marked++;
  }
  return marked;
}

/** Macroblocks and tablets of the tenant's live user tables (a FULL copies them all). */
export function userDataSize(catalog: DataCatalog | undefined): { macroBlocks: number; tablets: number } {
  if (catalog === undefined) return { macroBlocks: 0, tablets: 0 };
  let macroBlocks = 0;
  let tablets = 0;
  for (const t of catalog.tables) {
    if (t.droppedScn !== null) continue;
    macroBlocks += t.store.blocks.length;
    tablets++;
  }
  return { macroBlocks, tablets };
}
