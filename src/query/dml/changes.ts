/**
 * One statement's row changes over a user table, kept apart from the table until the statement has succeeded
 * (a rejected statement changes nothing). Reads see the table as the session does with this statement's own
 * changes laid over it, so a multi-row INSERT meets its own earlier rows and an UPDATE its own moved keys.
 */
import type { StoredRow } from '../../engine/index.js';
import type { UserTableAccess } from '../../views/index.js';

export interface UniqueKey {
  readonly index: string;
  readonly key: string;
  readonly display: string;
}

/** A row write as the statement leaves it: what the session's transaction buffers and the commit carries. */
export interface PendingWrite {
  readonly tableId: number;
  /** The primary key; a session-made placeholder for a new row of a table without one (`hidden`). */
  readonly key: string;
  readonly row: StoredRow | null;
  readonly uniqueKeys?: readonly (UniqueKey | null)[];
  /** The key did not exist before the statement: a concurrent insert of it fails the commit with 1062. */
  readonly insert: boolean;
  /** The primary key as "Duplicate entry" shows it. */
  readonly keyDisplay: string;
  /** A new row of a table without a PRIMARY KEY: the engine gives it the next hidden key. */
  readonly hidden: boolean;
}

export class TableChanges {
  readonly #writes = new Map<string, PendingWrite>();
  /** Unique key holders this statement made or removed, per index: key -> pk, or null when removed. */
  readonly #unique = new Map<string, Map<string, string | null>>();

  constructor(readonly table: UserTableAccess) {}

  get(key: string): StoredRow | undefined {
    const w = this.#writes.get(key);
    if (w !== undefined) return w.row ?? undefined;
    return this.table.get(key);
  }

  /** The primary key of the row holding a unique key, with this statement's changes. */
  holder(index: string, key: string): string | undefined {
    const mine = this.#unique.get(index)?.get(key);
    if (mine !== undefined) return mine ?? undefined;
    const before = this.table.unique(index, key);
    // A holder this statement rewrote no longer holds it (its new keys were recorded above).
    return before !== undefined && this.#writes.has(before) ? undefined : before;
  }

  /** The rows as the statement sees them, in key order. */
  *entries(): Generator<readonly [string, StoredRow]> {
    if (this.#writes.size === 0) {
      yield* this.table.entries();
      return;
    }
    const seen = new Set<string>();
    const merged: [string, StoredRow][] = [];
    for (const [key, row] of this.table.entries()) {
      seen.add(key);
      const w = this.#writes.get(key);
      if (w === undefined) merged.push([key, row]);
      else if (w.row !== null) merged.push([key, w.row]);
    }
    for (const [key, w] of this.#writes) if (!seen.has(key) && w.row !== null) merged.push([key, w.row]);
    merged.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    yield* merged;
  }

  /** Writes `row` at `key` (null deletes), moving the unique keys from what was there. */
  put(write: PendingWrite, previousUnique: readonly (UniqueKey | null)[] | undefined): void {
    for (const u of previousUnique ?? []) if (u !== null) this.#indexMap(u.index).set(u.key, null);
    for (const u of write.uniqueKeys ?? []) if (u !== null) this.#indexMap(u.index).set(u.key, write.key);
    const earlier = this.#writes.get(write.key);
    // A key this statement inserted stays an insert whatever later rows of the statement do to it.
    const insert = earlier === undefined ? write.insert : earlier.insert;
    this.#writes.set(write.key, insert === write.insert ? write : { ...write, insert });
  }

  #indexMap(index: string): Map<string, string | null> {
    let m = this.#unique.get(index);
    if (m === undefined) {
      m = new Map();
      this.#unique.set(index, m);
    }
    return m;
  }

  writes(): PendingWrite[] {
    return [...this.#writes.values()];
  }
}
