/**
 * Statements that read or change the session rather than the cluster: SHOW, DESC, SET (variables, NAMES,
 * TRANSACTION), USE and transaction control. The evaluator computes the answers; the session holds the state.
 */
import type { Statement } from '../../grammar/index.js';
import { isObError, obErrorWith, type ObError } from '../errors.js';
import { applySet, applySetNames, applySetTransaction, checkLockTables, describeTable, evaluateSelect, evaluateShow, type EvalContext } from '../query/index.js';
import type { ResultSet, SqlValue } from '../result.js';
import type { StatementResult } from './port.js';
import type { Session } from './session.js';
import { SYS_TENANT_ID } from '../engine/index.js';

const SESSION_KIND_LIST = [
  'ShowDatabases',
  'ShowTables',
  'ShowVariables',
  'ShowParameters',
  'ShowColumns',
  'ShowWarnings',
  'ShowErrors',
  'ShowStatus',
  'ShowProcesslist',
  'ShowCreateTable',
  'ShowTenant',
  'ShowTableStatus',
  'ShowIndex',
  'ShowCreateView',
  'ShowCreateDatabase',
  'ShowGrants',
  'ShowEngines',
  'ShowCharset',
  'ShowCollation',
  'ShowRoutineStatus',
  'ShowTriggers',
  'ShowEvents',
  'ShowPlugins',
  'ShowMasterStatus',
  'LockTables',
  'UnlockTables',
  'Describe',
  'Set',
  'SetNames',
  'SetCharset',
  'SetTransaction',
  'Use',
  'Kill',
  'Transaction',
  'Savepoint',
] as const satisfies readonly Statement['kind'][];

export type SessionKind = (typeof SESSION_KIND_LIST)[number];
export type SessionLevelStatement = Extract<Statement, { kind: SessionKind }>;

const SESSION_KINDS: ReadonlySet<string> = new Set(SESSION_KIND_LIST);

export function isSessionStatement(stmt: Statement): stmt is SessionLevelStatement {
  return SESSION_KINDS.has(stmt.kind);
}

const OK: StatementResult = { kind: 'ok' };

export function runSessionStatement(session: Session, stmt: SessionLevelStatement, params: readonly SqlValue[]): StatementResult {
  const ctx = session.evalContext(params);
  const store = { session: session.variables.session, global: session.entry.globalVariables, user: session.variables.user };
  switch (stmt.kind) {
    case 'Describe':
      return rows(describeTable(stmt.table, session.catalog(), ctx));
    case 'Set':
      return okUnless(applySet(stmt, ctx, store));
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
    case 'Transaction':
      // Views and inner tables are read-only, so a transaction has nothing to commit or roll back but savepoints.
      session.transaction.control(stmt);
      return OK;
    case 'Savepoint':
      return okUnless(session.transaction.savepoint(stmt, session.variables.session.get('autocommit') !== 0n));
    case 'LockTables':
      // A read-only schema has nothing to lock: the tables must exist, and that is all (OceanBase accepts the syntax).
      return okUnless(checkLockTables(stmt.tables.map((t) => t.table), session.catalog(), ctx));
    case 'UnlockTables':
      return OK;
    default:
      return rows(evaluateShow(stmt, session.catalog(), ctx));
  }
}

function rows(result: ResultSet | ObError): StatementResult {
  return isObError(result) ? result : { kind: 'rows', resultSet: result };
}

function okUnless(error: ObError | undefined): StatementResult {
  return error ?? OK;
}

/** USE db: a database the tenant has (case-insensitive, shown as it is spelled in SHOW DATABASES). */
function use(session: Session, database: string): StatementResult {
  const found = session.catalog().databases().find((d: string) => d.toLowerCase() === database.toLowerCase());
  if (found === undefined) return obErrorWith('OB_ERR_BAD_DATABASE', database);
  session.database = found;
  return OK;
}

/**
 * KILL [CONNECTION] id ends a connection, KILL QUERY id cancels its running statement (which ends with OB_TIMEOUT).
 * A user tenant sees only its own connections, so another tenant's id is as unknown as one that does not exist.
 */
function kill(session: Session, stmt: Extract<SessionLevelStatement, { kind: 'Kill' }>, ctx: EvalContext): StatementResult {
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
