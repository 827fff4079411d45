/**
 * The statements the query evaluator answers (grammar/ast-owner.ts): SELECT and UNION, SHOW and DESC over the
 * session's catalog of views, and writes, which a read-only schema refuses with OceanBase's error.
 */
import type { QueryStatement } from '../../grammar/index.js';
import { isObError, type ObError } from '../errors.js';
import { describeTable, evaluateSelect, evaluateShow } from '../query/index.js';
import type { ColumnDef, ResultSet, SqlValue } from '../result.js';
import type { StatementResult } from './port.js';
import type { StatementSession } from './statement-session.js';

export function runQueryStatement(session: StatementSession, stmt: QueryStatement, params: readonly SqlValue[]): StatementResult {
  if (stmt.kind === 'Select' || stmt.kind === 'Union') return rows(evaluateSelect(stmt, session.catalog(), session.evalContext(params)));
  const ctx = session.evalContext(params);
  if (stmt.kind === 'Describe') return rows(describeTable(stmt.table, session.catalog(), ctx, stmt.column));
  return rows(evaluateShow(stmt, session.catalog(), ctx));
}

/** The columns a result carries: none for OK, the error itself for an error. */
export function columnsOf(result: StatementResult): readonly ColumnDef[] | ObError {
  if (isObError(result)) return result;
  return result.kind === 'rows' ? result.resultSet.columns : [];
}

function rows(result: ResultSet | ObError): StatementResult {
  return isObError(result) ? result : { kind: 'rows', resultSet: result };
}
