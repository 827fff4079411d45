/**
 * Macroblock change tracking (issue 3 item 6). A tenant's data is `macroBlockCount` 2 MB macroblocks; writes append
 * (time, macroblock) to an append-only change log in typed arrays. Planning an INC needs only the changes after the
 * base set's snapshot: two binary searches and a sort of that slice, so its cost follows the changed macroblocks,
 * never the tenant size. The full version history stays reconstructible (versionsAt) for restores.
 */
import { nextInt } from '../cluster/rng.js';
import type { RngState } from '../cluster/rng.js';
import type { ChangeLog, TenantData } from '../state.js';

export const MACRO_BLOCK_BYTES = 2 * 1024 * 1024;

export function emptyChangeLog(capacity = 256): ChangeLog {
  return { length: 0, timesUs: new Float64Array(capacity), blocks: new Uint32Array(capacity) };
}

function ensureCapacity(log: ChangeLog, extra: number): void {
  const need = log.length + extra;
  if (need <= log.timesUs.length) return;
  let cap = Math.max(16, log.timesUs.length);
  while (cap < need) cap *= 2;
  const times = new Float64Array(cap);
  times.set(log.timesUs.subarray(0, log.length));
  const blocks = new Uint32Array(cap);
  blocks.set(log.blocks.subarray(0, log.length));
  log.timesUs = times;
  log.blocks = blocks;
}

/** Appends one change. Times must not go backwards (the scheduler processes time in order). */
export function recordChange(log: ChangeLog, atUs: number, block: number): void {
  ensureCapacity(log, 1);
  log.timesUs[log.length] = atUs;
  log.blocks[log.length] = block;
  log.length++;
}

/** Marks `count` seeded-random macroblocks of the tenant changed at `atUs`. */
export function writeRandomMacroblocks(data: TenantData, rng: RngState, atUs: number, count: number): void {
  ensureCapacity(data.changes, count);
  for (let i = 0; i < count; i++) recordChange(data.changes, atUs, nextInt(rng, 0, data.macroBlockCount - 1));
}

/**
 * `ALTER EMULATOR WRITE n MACROBLOCKS`: n distinct macroblocks (all of them when n is at least the tenant's count),
 * chosen by the seeded generator, so the next incremental copies exactly n more. Returns how many were written.
 */
export function writeDistinctMacroblocks(data: TenantData, rng: RngState, atUs: number, count: number): number {
  const total = data.macroBlockCount;
  const n = Math.min(count, total);
  ensureCapacity(data.changes, n);
  if (n === total) {
    for (let id = 0; id < total; id++) recordChange(data.changes, atUs, id);
    return n;
  }
  // Pick the smaller side by rejection sampling, so the expected cost stays O(n) however n compares with the total.
  const pickChosen = n <= total / 2;
  const picked = new Set<number>();
  while (picked.size < (pickChosen ? n : total - n)) picked.add(nextInt(rng, 0, total - 1));
  if (pickChosen) for (const id of picked) recordChange(data.changes, atUs, id);
  else for (let id = 0; id < total; id++) if (!picked.has(id)) recordChange(data.changes, atUs, id);
  return n;
}

/** The first index whose time is > t (binary search over the sorted times). */
export function firstAfter(log: ChangeLog, t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.timesUs[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The number of distinct macroblocks changed in (afterUs, untilUs]: what an INC based on a set whose snapshot is
 * afterUs copies. O(k log k) for k changes in the window.
 */
export function countChangedBetween(log: ChangeLog, afterUs: number, untilUs: number): number {
  const from = firstAfter(log, afterUs);
  const to = firstAfter(log, untilUs);
  if (to <= from) return 0;
  const slice = log.blocks.slice(from, to).sort();
  let distinct = 1;
  for (let i = 1; i < slice.length; i++) if (slice[i] !== slice[i - 1]) distinct++;
  return distinct;
}

/**
 * The version of every macroblock at `atUs`: how many times it had been written by then (0 = as created). For
 * restores ("the macroblocks of tenant T at SCN s"). O(tenant size + changes), used rarely.
 */
export function versionsAt(data: TenantData, atUs: number): Uint32Array {
  const versions = new Uint32Array(data.macroBlockCount);
  const end = firstAfter(data.changes, atUs);
  for (let i = 0; i < end; i++) versions[data.changes.blocks[i]!]!++;
  return versions;
}

/**
 * The change log up to `atUs` (inclusive), copied: a restored tenant starts with it, so that its macroblock
 * versions at any later time equal the source's at `atUs` (until it is written to).
 */
export function changesUntil(log: ChangeLog, atUs: number): ChangeLog {
  const end = firstAfter(log, atUs);
  const capacity = Math.max(16, end);
  const out = emptyChangeLog(capacity);
  out.timesUs.set(log.timesUs.subarray(0, end));
  out.blocks.set(log.blocks.subarray(0, end));
  out.length = end;
  return out;
}
