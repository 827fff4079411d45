/**
 * The session's transaction: whether BEGIN opened it, its savepoints, and the rows it wrote to user tables and
 * has not committed (issue 20). The writes stay here, read back by this session only (the catalog lays them over
 * the committed rows), until COMMIT sends them to the engine as one commit at one SCN; ROLLBACK drops them. A
 * savepoint keeps a copy of the writes made before it, which ROLLBACK TO restores. Views and inner tables hold
 * nothing a transaction could change; dump tools and ORMs still set savepoints over them and roll back to them
 * (mariadb-dump --single-transaction does once per table).
 *
 * As ob_tcl_executor.cpp (4.2) answers them: SAVEPOINT outside BEGIN with autocommit on creates the savepoint and
 * then commits the implicit transaction, so nothing is left to roll back to; ROLLBACK TO and RELEASE of a name the
 * transaction does not hold fail with OB_SAVEPOINT_NOT_EXIST. A savepoint set again moves to the end
 * (ObSavepointMgr::push_savepoint deletes the old one first); ROLLBACK TO keeps its savepoint and drops later ones.
 */
import type { SessionStatement } from '../../grammar/index.js';
import type { RowWrite } from '../engine/index.js';
import { obError, type ObError } from '../errors.js';
import type { PendingWrite } from '../query/dml/index.js';
import type { PendingWrites } from '../views/index.js';

type TableWrites = Map<string, PendingWrite>;
type Writes = Map<number, TableWrites>;

/** A copy of the writes, for a savepoint: the maps are copied, the frozen writes shared. */
function copyWrites(w: Writes): Writes {
  return new Map([...w].map(([id, rows]) => [id, new Map(rows)]));
}

/** Placeholder keys of new rows of tables without a PRIMARY KEY: above every key the engine or the SQL layer makes. */
const HIDDEN_PREFIX = '\uffff\uffffnew:';

type SavepointStatement = Extract<SessionStatement, { kind: 'Savepoint' }>;
type TransactionStatement = Extract<SessionStatement, { kind: 'Transaction' }>;

export class SessionTransaction implements PendingWrites {
  /** BEGIN / START TRANSACTION is open. */
  #explicit = false;
  /** Oldest first; names as written (the source compares them byte for byte). */
  #savepoints: string[] = [];
  /** The writes each savepoint saw before it, by position in #savepoints. */
  #saved: Writes[] = [];
  /** Uncommitted row writes per table id, by primary key. */
  #writes: Writes = new Map();
  /** Per table id, index and unique key: the pending row holding it; rebuilt from #writes when undefined. */
  #unique: Map<number, Map<string, Map<string, string>>> | undefined = new Map();
  #hiddenNext = 0;

  /** BEGIN commits any open transaction first; COMMIT and ROLLBACK end it. Either way no savepoint survives. */
  control(stmt: TransactionStatement): void {
    this.#savepoints = [];
    this.#saved = [];
    this.#writes = new Map();
    this.#unique = new Map();
    this.#explicit = stmt.action === 'BEGIN';
  }

  /** Whether a write now joins an open transaction rather than committing at once (BEGIN, or autocommit off). */
  isOpen(autocommit: boolean): boolean {
    return this.#explicit || !autocommit;
  }

  hasWrites(): boolean {
    return this.#writes.size > 0;
  }

  /** Adds one statement's writes; a key written again keeps whether it was new to the transaction. */
  add(writes: readonly PendingWrite[]): void {
    for (const w of writes) {
      let rows = this.#writes.get(w.tableId);
      if (rows === undefined) {
        rows = new Map();
        this.#writes.set(w.tableId, rows);
      }
      const earlier = rows.get(w.key);
      if (earlier !== undefined) this.#index(w.tableId, earlier, false);
      if (earlier === undefined) rows.set(w.key, w);
      // A row the transaction inserted and now deletes never reaches the engine.
      else if (w.row === null && earlier.insert) rows.delete(w.key);
      else rows.set(w.key, { ...w, insert: earlier.insert, hidden: earlier.hidden });
      this.#index(w.tableId, w, true);
    }
  }

  /** Records (or forgets) the unique keys a pending row holds. */
  #index(tableId: number, w: PendingWrite, holds: boolean): void {
    if (this.#unique === undefined || w.row === null || w.uniqueKeys === undefined) return;
    let byIndex = this.#unique.get(tableId);
    if (byIndex === undefined) {
      byIndex = new Map();
      this.#unique.set(tableId, byIndex);
    }
    for (const u of w.uniqueKeys) {
      if (u === null) continue;
      let keys = byIndex.get(u.index);
      if (keys === undefined) {
        keys = new Map();
        byIndex.set(u.index, keys);
      }
      if (holds) keys.set(u.key, w.key);
      else if (keys.get(u.key) === w.key) keys.delete(u.key);
    }
  }

  /** The writes as one commit: new rows of tables without a primary key take the engine's next hidden key. */
  commitWrites(): RowWrite[] {
    return [...this.#writes.values()].flatMap((rows) => [...rows.values()].map(rowWrite));
  }

  /** After COMMIT or ROLLBACK: the transaction is over, its writes gone (committed or dropped). */
  end(): void {
    this.control({ kind: 'Transaction', action: 'COMMIT' });
  }

  newHiddenKey(): string {
    return `${HIDDEN_PREFIX}${(this.#hiddenNext++).toString(36).padStart(8, '0')}`;
  }

  rows(tableId: number): ReadonlyMap<string, PendingWrite> | undefined {
    return this.#writes.get(tableId);
  }

  uniqueHolder(tableId: number, index: string, key: string): string | undefined {
    if (this.#unique === undefined) {
      this.#unique = new Map();
      for (const [id, rows] of this.#writes) for (const w of rows.values()) this.#index(id, w, true);
    }
    return this.#unique.get(tableId)?.get(index)?.get(key);
  }

  /** `autocommit` is the session's value: with it on and no BEGIN, each statement is a transaction of its own. */
  savepoint(stmt: SavepointStatement, autocommit: boolean): ObError | undefined {
    // An implicit transaction ended when autocommit came back on: its savepoints went with it.
    if (!this.#explicit && autocommit) {
      this.#savepoints = [];
      this.#saved = [];
    }
    const at = this.#savepoints.lastIndexOf(stmt.name);
    switch (stmt.action) {
      case 'SAVEPOINT':
        if (at >= 0) {
          this.#savepoints.splice(at, 1);
          this.#saved.splice(at, 1);
        }
        if (this.#explicit || !autocommit) {
          this.#savepoints.push(stmt.name);
          this.#saved.push(copyWrites(this.#writes));
        }
        return undefined;
      case 'ROLLBACK TO':
        if (at < 0) return obError('OB_SAVEPOINT_NOT_EXIST');
        this.#savepoints.length = at + 1;
        this.#saved.length = at + 1;
        this.#writes = copyWrites(this.#saved[at] as Writes);
        this.#unique = undefined;
        return undefined;
      case 'RELEASE':
        if (at < 0) return obError('OB_SAVEPOINT_NOT_EXIST');
        this.#savepoints.length = at;
        this.#saved.length = at;
        return undefined;
    }
  }

  reset(): void {
    this.#explicit = false;
    this.#savepoints = [];
    this.#saved = [];
    this.#writes = new Map();
    this.#unique = new Map();
  }
}

/**
 * One statement's writes as the commit of a transaction holding nothing else: what add() and then commitWrites()
 * give (a statement writes one table, each key once), without building the transaction's maps for them, which
 * under autocommit were dropped right after.
 */
export function statementCommit(writes: readonly PendingWrite[]): RowWrite[] {
  return writes.map(rowWrite);
}

/** Two literals rather than a spread of a temporary object: this runs for every row a transaction commits. */
function rowWrite(w: PendingWrite): RowWrite {
  const key = w.hidden ? '' : w.key;
  const insert = w.insert && !w.hidden;
  if (w.uniqueKeys === undefined) return { tableId: w.tableId, key, row: w.row, insert, keyDisplay: w.keyDisplay };
  return { tableId: w.tableId, key, row: w.row, uniqueKeys: w.uniqueKeys, insert, keyDisplay: w.keyDisplay };
}
