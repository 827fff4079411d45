/**
 * Where a statement goes, by the owner table (grammar/ast-owner.ts): queries to the evaluator over the session's
 * catalog of views, session statements to the session, and the rest to the engine.
 */
import { ownedBy, type Statement } from '../../grammar/index.js';
import { execute, type EngineStatement } from '../engine/index.js';
import { isObError, type ObError } from '../errors.js';
import { describeSelect } from '../query/index.js';
import type { ColumnDef, SqlValue } from '../result.js';
import { OK, type StatementResult } from './port.js';
import type { StatementSession } from './statement-session.js';
import { RESTORE_PREVIEW_COLUMNS } from './restore-preview.js';
import { columnsOf, runQueryStatement } from './query-statements.js';
import { runSessionStatement } from './session-statements.js';
import { runDataStatement } from './data-statements.js';
import { statusResult } from './emulator-status.js';
import { faultsResult } from './emulator-faults.js';
import { journalGlobals, journaledExecute } from './journal-inputs.js';

/** One statement, at the cluster's current virtual time (Session.run has synced the clock). */
export function runStatement(session: StatementSession, stmt: Statement, params: readonly SqlValue[]): StatementResult {
  session.entry.questions++;
  if (ownedBy(stmt, 'query')) return runQueryStatement(session, stmt, params);
  if (ownedBy(stmt, 'data')) return runDataStatement(session, stmt, params);
  if (ownedBy(stmt, 'session')) {
    const result = runSessionStatement(session, stmt, params);
    // SET GLOBAL changes what every session of the cluster reads, so the journal keeps the globals.
    if ((stmt.kind === 'Set' || stmt.kind === 'SetTransaction') && session.entry.journal !== null) journalGlobals(session.entry);
    return result;
  }
  return runEngineStatement(session, stmt);
}

function runEngineStatement(session: StatementSession, stmt: EngineStatement): StatementResult {
  const ctx = engineContext(session);
  const outcome = session.entry.journal === null ? execute(session.entry.cluster, ctx, stmt) : journaledExecute(session.entry, ctx, stmt);
  if (isObError(outcome)) return outcome;
  if (outcome.kind === 'status') return statusResult(outcome.status, session.evalContext([]).timeZone);
  if (outcome.kind === 'faults') return faultsResult(outcome.faults);
  if (outcome.affectedRows === 0 && outcome.info === undefined && outcome.lastInsertId === undefined) return OK;
  return {
    kind: 'ok',
    affectedRows: outcome.affectedRows,
    ...(outcome.info === undefined ? {} : { info: outcome.info }),
    ...(outcome.lastInsertId === undefined ? {} : { lastInsertId: outcome.lastInsertId }),
  };
}

/** The columns a statement returns, without running it (COM_STMT_PREPARE). */
export function describeStatement(session: StatementSession, stmt: Statement): readonly ColumnDef[] | ObError {
  if (ownedBy(stmt, 'query')) {
    if (stmt.kind === 'Select' || stmt.kind === 'Union') return describeSelect(stmt, session.catalog(), session.evalContext([]));
    // SHOW and DESC read nothing but the catalog and the session, so running them is how to describe them.
    return columnsOf(runStatement(session, stmt, []));
  }
  // Running it would consume the session's preview, so its columns are given as they are.
  if (ownedBy(stmt, 'session')) return stmt.kind === 'ShowRestorePreview' ? RESTORE_PREVIEW_COLUMNS : [];
  // SHOW EMULATOR … only reads the cluster, so running it is how to describe it.
  return stmt.kind === 'ShowEmulatorStatus' || stmt.kind === 'ShowEmulatorFaults' ? columnsOf(runStatement(session, stmt, [])) : [];
}

function engineContext(session: StatementSession) {
  return { tenantId: session.login.tenantId, user: session.login.user, variables: session.variables.engineView };
}
