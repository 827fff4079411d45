/**
 * The one switch over statement kinds at the session level: queries go to the evaluator over the session's
 * catalog of views, session statements change the session, and backup and control statements go to the engine.
 */
import type { Statement } from '../../grammar/index.js';
import { execute, type EmulatorStatus, type EngineStatement } from '../engine/index.js';
import { isObError, type ObError } from '../errors.js';
import { describeSelect, evaluateSelect, rejectWrite } from '../query/index.js';
import type { ColumnDef, SqlValue } from '../result.js';
import type { StatementResult } from './port.js';
import type { Session } from './session.js';
import { RESTORE_PREVIEW_COLUMNS, showRestorePreview } from './restore-preview.js';
import { isSessionStatement, runSessionStatement } from './session-statements.js';
import { statusResult } from './emulator-status.js';
import { faultsResult } from './emulator-faults.js';
import { runSnapshotStatement } from './snapshot-statement.js';
import { journalGlobals, journaledExecute } from './journal-inputs.js';

const OK: StatementResult = { kind: 'ok' };

export function runStatement(session: Session, stmt: Statement, params: readonly SqlValue[]): StatementResult {
  session.entry.questions++;
  if (stmt.kind === 'Select' || stmt.kind === 'Union') {
    const result = evaluateSelect(stmt, session.catalog(), session.evalContext(params));
    return isObError(result) ? result : { kind: 'rows', resultSet: result };
  }
  if (isSessionStatement(stmt)) {
    const result = runSessionStatement(session, stmt, params);
    if ((stmt.kind === 'Set' || stmt.kind === 'SetTransaction') && session.entry.journal !== null) journalGlobals(session.entry);
    return result;
  }
  if (stmt.kind === 'ShowRestorePreview') return showRestorePreview(session);
  if (stmt.kind === 'Write') return rejectWrite(stmt, session.catalog(), session.evalContext(params));
  if (stmt.kind === 'EmulatorSnapshot') return runSnapshotStatement(session.entry, session.login.tenantId, stmt);
  const engineStmt = stmt as EngineStatement;
  const outcome = session.entry.journal === null ? execute(session.entry.cluster, engineContext(session), engineStmt) : journaledExecute(session.entry, engineContext(session), engineStmt);
  if (isObError(outcome)) return outcome;
  if (outcome.kind === 'status') return statusResult(outcome.status as EmulatorStatus, session.evalContext([]).timeZone);
  if (outcome.kind === 'faults') return faultsResult(outcome.faults);
  if (outcome.affectedRows === 0 && outcome.info === undefined && outcome.lastInsertId === undefined) return OK;
  return {
    kind: 'ok',
    affectedRows: outcome.affectedRows,
    ...(outcome.info === undefined ? {} : { info: outcome.info }),
    ...(outcome.lastInsertId === undefined ? {} : { lastInsertId: outcome.lastInsertId }),
  };
}

/** The columns a statement returns, without running it: SELECT is described by the evaluator. */
export function describeStatement(session: Session, stmt: Statement): readonly ColumnDef[] | ObError {
  if (stmt.kind === 'Select' || stmt.kind === 'Union') return describeSelect(stmt, session.catalog(), session.evalContext([]));
  // Running it would consume the session's preview, so its columns are given as they are.
  if (stmt.kind === 'ShowRestorePreview') return RESTORE_PREVIEW_COLUMNS;
  // SHOW and DESC read nothing but the catalog and the session, so running them is how to describe them.
  if (stmt.kind.startsWith('Show') || stmt.kind === 'Describe') {
    const result = runStatement(session, stmt, []);
    if (isObError(result)) return result;
    return result.kind === 'rows' ? result.resultSet.columns : [];
  }
  return [];
}

function engineContext(session: Session) {
  return { tenantId: session.login.tenantId, user: session.login.user, variables: session.variables.engineView };
}
