/**
 * The statement log of each cluster that the dashboard shows (issue 24): the last `capacity` `--trace` records per
 * cluster, in memory, whether or not `--trace` writes a file. A ring per cluster keeps memory bounded however long
 * the server runs; `total` counts every record ever added, so a reader can tell the log moved without copying it.
 */
import type { StatementTrace } from './clusters.js';

export const STATEMENT_LOG_CAPACITY = 1000;

class Ring {
  readonly items: StatementTrace[] = [];
  next = 0;
  total = 0;
}

export class StatementLog {
  readonly #rings = new Map<string, Ring>();

  constructor(readonly capacity = STATEMENT_LOG_CAPACITY) {}

  add(record: StatementTrace): void {
    let ring = this.#rings.get(record.cluster);
    if (ring === undefined) {
      ring = new Ring();
      this.#rings.set(record.cluster, ring);
    }
    if (ring.items.length < this.capacity) ring.items.push(record);
    else ring.items[ring.next] = record;
    ring.next = (ring.next + 1) % this.capacity;
    ring.total++;
  }

  /** The kept records of a cluster, oldest first. */
  records(cluster: string): StatementTrace[] {
    const ring = this.#rings.get(cluster);
    if (ring === undefined) return [];
    return ring.items.length < this.capacity ? [...ring.items] : [...ring.items.slice(ring.next), ...ring.items.slice(0, ring.next)];
  }

  /** Records ever added for a cluster (kept or not). */
  total(cluster: string): number {
    return this.#rings.get(cluster)?.total ?? 0;
  }
}
