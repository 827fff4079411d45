/**
 * ORDER BY and LIMIT: a stable multi-key comparison (NULLs first ascending, last descending), and a bounded heap
 * so `ORDER BY … LIMIT n` over many rows keeps only n + offset candidates.
 */
import type { SqlValue } from '../result.js';
import { compareValues } from './values.js';

export interface Keyed<T> {
  readonly item: T;
  readonly keys: readonly SqlValue[];
  /** Arrival order, so ties keep it (a stable sort). */
  readonly seq: number;
}

export function keyComparator<T>(desc: readonly boolean[], zone: string | undefined): (a: Keyed<T>, b: Keyed<T>) => number {
  return (a, b) => {
    for (let i = 0; i < desc.length; i++) {
      const x = a.keys[i] ?? null;
      const y = b.keys[i] ?? null;
      let c: number;
      if (x === null || y === null) c = x === y ? 0 : x === null ? -1 : 1;
      // Ids and counts, the usual sort keys: two bigints compare directly.
      else if (typeof x === 'bigint' && typeof y === 'bigint') c = x < y ? -1 : x > y ? 1 : 0;
      else c = compareValues(x, y, zone);
      if (c !== 0) return desc[i] ? -c : c;
    }
    return a.seq - b.seq;
  };
}

/** Keeps the `limit` smallest items under `cmp` seen through `push`; `sorted()` returns them in order. */
export class TopN<T> {
  private readonly heap: T[] = [];
  constructor(
    private readonly limit: number,
    private readonly cmp: (a: T, b: T) => number,
  ) {}

  /** Whether an item with this comparison result against the current worst would be kept. */
  accepts(item: T): boolean {
    if (this.heap.length < this.limit) return true;
    const worst = this.heap[0];
    return worst !== undefined && this.cmp(item, worst) < 0;
  }

  push(item: T): void {
    if (this.limit <= 0) return;
    const h = this.heap;
    if (h.length < this.limit) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.cmp(item, h[0] as T) < 0) {
      h[0] = item;
      this.down(0);
    }
  }

  sorted(): T[] {
    return [...this.heap].sort(this.cmp);
  }

  // A max-heap under cmp: the root is the worst item kept.
  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.cmp(h[i] as T, h[p] as T) <= 0) return;
      [h[i], h[p]] = [h[p] as T, h[i] as T];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.cmp(h[l] as T, h[m] as T) > 0) m = l;
      if (r < h.length && this.cmp(h[r] as T, h[m] as T) > 0) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as T, h[i] as T];
      i = m;
    }
  }
}
