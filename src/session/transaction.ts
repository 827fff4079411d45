/**
 * The session's transaction as far as a read-only schema has one: whether BEGIN opened it, and its savepoints.
 * Views and inner tables hold nothing a transaction could change, so savepoints are names only; dump tools and
 * ORMs still set them and roll back to them (mariadb-dump --single-transaction does once per table).
 *
 * As ob_tcl_executor.cpp (4.2) answers them: SAVEPOINT outside BEGIN with autocommit on creates the savepoint and
 * then commits the implicit transaction, so nothing is left to roll back to; ROLLBACK TO and RELEASE of a name the
 * transaction does not hold fail with OB_SAVEPOINT_NOT_EXIST. A savepoint set again moves to the end
 * (ObSavepointMgr::push_savepoint deletes the old one first); ROLLBACK TO keeps its savepoint and drops later ones.
 */
import type { SessionStatement } from '../../grammar/index.js';
import { obError, type ObError } from '../errors.js';

type SavepointStatement = Extract<SessionStatement, { kind: 'Savepoint' }>;
type TransactionStatement = Extract<SessionStatement, { kind: 'Transaction' }>;

export class SessionTransaction {
  /** BEGIN / START TRANSACTION is open. */
  #explicit = false;
  /** Oldest first; names as written (the source compares them byte for byte). */
  #savepoints: string[] = [];

  /** BEGIN commits any open transaction first; COMMIT and ROLLBACK end it. Either way no savepoint survives. */
  control(stmt: TransactionStatement): void {
    this.#savepoints = [];
    this.#explicit = stmt.action === 'BEGIN';
  }

  /** `autocommit` is the session's value: with it on and no BEGIN, each statement is a transaction of its own. */
  savepoint(stmt: SavepointStatement, autocommit: boolean): ObError | undefined {
    // An implicit transaction ended when autocommit came back on: its savepoints went with it.
    if (!this.#explicit && autocommit) this.#savepoints = [];
    const at = this.#savepoints.lastIndexOf(stmt.name);
    switch (stmt.action) {
      case 'SAVEPOINT':
        if (at >= 0) this.#savepoints.splice(at, 1);
        if (this.#explicit || !autocommit) this.#savepoints.push(stmt.name);
        return undefined;
      case 'ROLLBACK TO':
        if (at < 0) return obError('OB_SAVEPOINT_NOT_EXIST');
        this.#savepoints.length = at + 1;
        return undefined;
      case 'RELEASE':
        if (at < 0) return obError('OB_SAVEPOINT_NOT_EXIST');
        this.#savepoints.length = at;
        return undefined;
    }
  }

  reset(): void {
    this.#explicit = false;
    this.#savepoints = [];
  }
}
