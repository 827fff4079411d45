/**
 * The statements the session answers (grammar/ast-owner.ts): SET (variables, NAMES, TRANSACTION), USE, KILL,
 * transaction control, LOCK / UNLOCK TABLES, SHOW RESTORE PREVIEW and SAVE / LOAD SNAPSHOT. The session holds the
 * state they change (a snapshot is read and written beside the engine, which never touches files).
 */
import type { PersistStatement, SessionStatement } from '../../grammar/index.js';
import { isObError, obErrorWith, type ObError } from '../errors.js';
import { applySet, applySetNames, applySetTransaction, checkLockTables, evaluateSelect, type EvalContext } from '../query/index.js';
import type { SqlValue } from '../result.js';
import { OK, type StatementResult } from './port.js';
import type { StatementSession } from './statement-session.js';
import { SYS_TENANT_ID } from '../engine/index.js';
import { showRestorePreview } from './restore-preview.js';
import { runSnapshotStatement } from './snapshot-statement.js';
import { autocommit, commitTransaction } from './data-statements.js';

export function runSessionStatement(session: StatementSession, stmt: SessionStatement | PersistStatement, params: readonly SqlValue[]): StatementResult {
  const ctx = session.evalContext(params);
  const store = { session: session.variables.session, global: session.entry.globalVariables, user: session.variables.user };
  switch (stmt.kind) {
    case 'Set': {
      const error = applySet(stmt, ctx, store);
      if (error !== undefined) return error;
      // SET autocommit = 1 commits the transaction autocommit = 0 had opened (MySQL).
      if (session.transaction.hasWrites() && !session.transaction.isOpen(autocommit(session))) return okUnless(commitTransaction(session));
      return OK;
    }
    case 'SetNames':
      return okUnless(applySetNames(stmt.charset, stmt.collate, store));
    case 'SetCharset':
      return okUnless(applySetNames(stmt.charset, undefined, store));
    case 'SetTransaction':
      return okUnless(applySetTransaction(stmt, store));
    case 'Use':
      return use(session, stmt.database);
    case 'Kill':
      return kill(session, stmt, ctx);
    case 'Transaction': {
      // BEGIN and COMMIT commit what the transaction wrote (BEGIN implicitly); ROLLBACK drops it.
      const failed = stmt.action === 'ROLLBACK' ? undefined : commitTransaction(session);
      session.transaction.control(stmt);
      return okUnless(failed);
    }
    case 'Savepoint':
      return okUnless(session.transaction.savepoint(stmt, autocommit(session)));
    case 'LockTables':
      // A read-only schema has nothing to lock: the tables must exist, and that is all (OceanBase accepts the syntax).
      return okUnless(checkLockTables(stmt.tables.map((t) => t.table), session.catalog(), ctx));
    case 'UnlockTables':
      return OK;
    case 'ShowRestorePreview':
      return showRestorePreview(session);
    case 'EmulatorSnapshot':
      return runSnapshotStatement(session.entry, session.login.tenantId, stmt);
  }
}

function okUnless(error: ObError | undefined): StatementResult {
  return error ?? OK;
}

/** USE db: a database the tenant has (case-insensitive, shown as it is spelled in SHOW DATABASES). */
function use(session: StatementSession, database: string): StatementResult {
  const found = session.catalog().databases().find((d: string) => d.toLowerCase() === database.toLowerCase());
  if (found === undefined) return obErrorWith('OB_ERR_BAD_DATABASE', database);
  session.database = found;
  return OK;
}

/**
 * KILL [CONNECTION] id ends a connection, KILL QUERY id cancels its running statement (which ends with OB_TIMEOUT).
 * A user tenant sees only its own connections, so another tenant's id is as unknown as one that does not exist.
 */
function kill(session: StatementSession, stmt: Extract<SessionStatement, { kind: 'Kill' }>, ctx: EvalContext): StatementResult {
  const value = evaluateSelect({ kind: 'Select', distinct: false, items: [{ kind: 'ExprItem', expr: stmt.id, text: '' }], from: [], groupBy: [], orderBy: [] }, session.catalog(), ctx);
  if (isObError(value)) return value;
  const id = Number(value.rows[0]?.[0] ?? Number.NaN);
  const target = Number.isSafeInteger(id) ? session.entry.connections.get(id) : undefined;
  if (target === undefined || (session.login.tenantId !== SYS_TENANT_ID && target.tenant !== session.login.tenantName)) {
    return obErrorWith('OB_UNKNOWN_CONNECTION', String(value.rows[0]?.[0] ?? 'NULL'));
  }
  if (stmt.query) target.cancelQuery();
  else target.kill();
  return OK;
}
