/**
 * The data plane's statements (grammar/ast-owner.ts `data`): databases, tables and rows of a MySQL-mode user
 * tenant. DML is evaluated by the query layer into row writes, which join the session's open transaction or
 * commit at once (autocommit); DDL commits an open transaction first (MySQL's implicit commit) and is one engine
 * op. Every engine op goes through the journal when the server keeps a data directory.
 */
import type { DataStatement, TableName } from '../../grammar/index.js';
import { findTenant, SYS_TENANT_ID, type DataOp, type DataOutcome, type RowWrite, type SessionContext, type StoredRow, type StoredValue } from '../engine/index.js';
import { executeData } from '../engine/index.js';
import { isObError, obError, obErrorWith, type ObError } from '../errors.js';
import { evaluateSelect, type EvalContext } from '../query/index.js';
import { alterSchema, encodeKey, evaluateDelete, evaluateInsert, evaluateUpdate, keyDisplay, storeValue, tableSchema, uniqueKeysOf, type WriteOutcome, type WriteServices } from '../query/dml/index.js';
import { evalGuard, resolveUserTable } from '../query/dml/resolve.js';
import type { SqlValue } from '../result.js';
import { journaledData } from './journal-inputs.js';
import { OK, type StatementResult } from './port.js';
import type { StatementSession } from './statement-session.js';

function context(session: StatementSession): SessionContext {
  return { tenantId: session.login.tenantId, user: session.login.user, variables: session.variables.engineView };
}

/** One engine op for the session's tenant, journaled when the server keeps a data directory. */
export function dataOp(session: StatementSession, op: DataOp): DataOutcome | ObError {
  const entry = session.entry;
  return entry.journal === null ? executeData(entry.cluster, context(session), op) : journaledData(entry, context(session), op);
}

/** The session's autocommit: its own value once SET, else the global one (a new session's default). */
export function autocommit(session: StatementSession): boolean {
  return (session.variables.session.get('autocommit') ?? session.entry.globalVariables.get('autocommit')) !== 0n;
}

/**
 * COMMIT: the transaction's writes as one commit (one SCN). A unique key another session committed meanwhile
 * fails it with 1062, and the transaction is rolled back (the writes are gone, as after a deadlock in MySQL).
 */
export function commitTransaction(session: StatementSession): ObError | undefined {
  const writes = session.transaction.commitWrites();
  session.transaction.end();
  if (writes.length === 0) return undefined;
  const outcome = dataOp(session, { op: 'commit', writes });
  return isObError(outcome) ? outcome : undefined;
}

/**
 * Sys and Oracle-mode tenants have no user tables: DDL is OB_NOT_SUPPORTED there, not a syntax error. A write to
 * a view still gets 1288 (and in sys one to a missing table 1146), as it did before there were user tables.
 */
function unsupported(session: StatementSession, stmt: DataStatement): ObError | undefined {
  const tenantId = session.login.tenantId;
  const dml = stmt.kind === 'Insert' || stmt.kind === 'Update' || stmt.kind === 'Delete';
  if (tenantId === SYS_TENANT_ID) return dml ? undefined : obErrorWith('OB_NOT_SUPPORTED', 'user data in the sys tenant is');
  const tenant = findTenant(session.entry.cluster.state, tenantId);
  if (tenant === undefined || tenant.compatibilityMode === 'MYSQL') return undefined;
  if (dml) {
    const target = session.catalog().resolve(stmt.table.schema, stmt.table.name);
    if (target !== undefined && target.user === undefined) return obErrorWith('OB_ERR_NON_UPDATABLE_TABLE', stmt.table.name, stmt.kind === 'Insert' ? (stmt.replace ? 'REPLACE' : 'INSERT') : stmt.kind.toUpperCase());
  }
  return obErrorWith('OB_NOT_SUPPORTED', 'MySQL-mode DDL and DML in an Oracle-mode tenant are');
}

export function runDataStatement(session: StatementSession, stmt: DataStatement, params: readonly SqlValue[]): StatementResult {
  const refused = unsupported(session, stmt);
  if (refused !== undefined) return refused;
  switch (stmt.kind) {
    case 'Insert':
    case 'Update':
    case 'Delete':
      return runWrite(session, stmt, params);
    default: {
      // DDL ends the open transaction with a commit first, as MySQL's implicit commit does.
      const failed = commitTransaction(session);
      if (failed !== undefined) return failed;
      return runDdl(session, stmt, session.evalContext(params));
    }
  }
}

function services(session: StatementSession): WriteServices {
  const reserve = (tableId: number, count: number, atLeast?: bigint): bigint | ObError => {
    const outcome = dataOp(session, { op: 'reserveAutoIncrement', tableId, count, ...(atLeast === undefined ? {} : { atLeast }) });
    if (isObError(outcome)) return outcome;
    return outcome.autoIncrement ?? obErrorWith('OB_ERR_UNEXPECTED', 'AUTO_INCREMENT reservation without a value');
  };
  return {
    nextAutoIncrement: (tableId) => reserve(tableId, 1),
    sawAutoIncrement: (tableId, value) => {
      const outcome = reserve(tableId, 0, value + 1n);
      return isObError(outcome) ? outcome : undefined;
    },
    hiddenKey: () => session.transaction.newHiddenKey(),
  };
}

function runWrite(session: StatementSession, stmt: Extract<DataStatement, { kind: 'Insert' | 'Update' | 'Delete' }>, params: readonly SqlValue[]): StatementResult {
  const catalog = session.catalog();
  const ctx = session.evalContext(params);
  const outcome: WriteOutcome | ObError =
    stmt.kind === 'Insert' ? evaluateInsert(stmt, catalog, ctx, services(session)) : stmt.kind === 'Update' ? evaluateUpdate(stmt, catalog, ctx) : evaluateDelete(stmt, catalog, ctx);
  if (isObError(outcome)) return outcome;
  if (outcome.writes.length > 0) {
    if (session.transaction.isOpen(autocommit(session))) session.transaction.add(outcome.writes);
    else {
      session.transaction.add(outcome.writes);
      const failed = commitTransaction(session);
      if (failed !== undefined) return failed;
    }
  }
  if (outcome.generatedId !== undefined) session.lastInsertId = outcome.generatedId;
  return {
    kind: 'ok',
    affectedRows: outcome.affectedRows,
    ...(outcome.info === undefined ? {} : { info: outcome.info }),
    ...(outcome.insertId === undefined ? {} : { lastInsertId: outcome.insertId }),
    ...(outcome.matchedRows === undefined ? {} : { foundRows: outcome.matchedRows }),
    ...(outcome.warnings === undefined ? {} : { warnings: outcome.warnings }),
  };
}

function okOf(outcome: DataOutcome | ObError, info?: string): StatementResult {
  if (isObError(outcome)) return outcome;
  if (outcome.affectedRows === 0 && info === undefined) return OK;
  return { kind: 'ok', affectedRows: outcome.affectedRows, ...(info === undefined ? {} : { info }) };
}

/** The database a table name means: its schema, else the current database (1046 without one). */
function databaseOf(session: StatementSession, name: TableName): string | ObError {
  return name.schema ?? session.database ?? obError('OB_ERR_NO_DB_SELECTED');
}

function runDdl(session: StatementSession, stmt: Exclude<DataStatement, { kind: 'Insert' | 'Update' | 'Delete' }>, ctx: EvalContext): StatementResult {
  switch (stmt.kind) {
    case 'CreateDatabase':
      return okOf(dataOp(session, { op: 'createDatabase', name: stmt.name, ifNotExists: stmt.ifNotExists }));
    case 'DropDatabase': {
      const outcome = dataOp(session, { op: 'dropDatabase', name: stmt.name, ifExists: stmt.ifExists });
      // The session's current database went with it: DATABASE() is NULL now, as in MySQL.
      if (!isObError(outcome) && session.database?.toLowerCase() === stmt.name.toLowerCase()) session.database = undefined;
      return okOf(outcome);
    }
    case 'CreateTable':
      return createTable(session, stmt, ctx);
    case 'DropTable': {
      const tables: { database: string; name: string }[] = [];
      for (const t of stmt.tables) {
        const database = databaseOf(session, t);
        if (isObError(database)) return database;
        tables.push({ database, name: t.name });
      }
      return okOf(dataOp(session, { op: 'dropTable', tables, ifExists: stmt.ifExists }));
    }
    case 'TruncateTable': {
      const target = resolveUserTable(stmt.table, 'TRUNCATE', session.catalog(), ctx);
      if (isObError(target)) return target;
      return okOf(dataOp(session, { op: 'truncateTable', database: target.database, name: stmt.table.name }));
    }
    case 'RenameTable': {
      const renames: { from: { database: string; name: string }; to: { database: string; name: string } }[] = [];
      for (const r of stmt.renames) {
        const from = databaseOf(session, r.from);
        const to = databaseOf(session, r.to);
        if (isObError(from)) return from;
        if (isObError(to)) return to;
        renames.push({ from: { database: from, name: r.from.name }, to: { database: to, name: r.to.name } });
      }
      return okOf(dataOp(session, { op: 'renameTable', renames }));
    }
    case 'AlterTable':
      return alterTable(session, stmt, ctx);
  }
}

function createTable(session: StatementSession, stmt: Extract<DataStatement, { kind: 'CreateTable' }>, ctx: EvalContext): StatementResult {
  const database = databaseOf(session, stmt.table);
  if (isObError(database)) return database;
  const catalog = session.catalog();
  if (stmt.like !== undefined) {
    const source = resolveUserTable(stmt.like, 'CREATE TABLE LIKE', catalog, ctx);
    if (isObError(source)) return source;
    const schema = { ...source.schema, name: stmt.table.name };
    return okOf(dataOp(session, { op: 'createTable', database, schema, ifNotExists: stmt.ifNotExists }));
  }
  const selected = stmt.as === undefined ? undefined : evaluateSelect(stmt.as, catalog, ctx);
  if (selected !== undefined && isObError(selected)) return selected;
  const schema = tableSchema(stmt, selected?.columns ?? [], ctx);
  if (isObError(schema)) return schema;
  let rows: RowWrite[] | undefined;
  if (selected !== undefined) {
    const built = evalGuard(() =>
      selected.rows.map((values, i): RowWrite => {
        const row: StoredValue[] = schema.columns.map((c) => {
          const at = selected.columns.findIndex((d) => d.name.toLowerCase() === c.name.toLowerCase());
          const v = at < 0 ? (c.nullable ? null : undefined) : values[at];
          if (v === undefined) return c.defaultValue !== undefined && (c.defaultValue === null || typeof c.defaultValue !== 'object') ? c.defaultValue : null;
          return storeValue(c, v ?? null, { column: c.name, row: i + 1 }, ctx.timeZone);
        });
        const shown = row.map((v) => (v === null ? null : String(v)));
        const key = schema.primaryKey.length === 0 ? '' : encodeKey(schema, schema.primaryKey, row as StoredRow);
        return { tableId: 0, key, row, uniqueKeys: uniqueKeysOf(schema, row, shown), insert: true, keyDisplay: keyDisplay(schema.primaryKey, shown) };
      }),
    );
    if (isObError(built)) return built;
    rows = built;
  }
  const outcome = dataOp(session, { op: 'createTable', database, schema, ifNotExists: stmt.ifNotExists, ...(rows === undefined ? {} : { rows }) });
  if (isObError(outcome)) return outcome;
  const start = stmt.options.find((o) => o.name === 'AUTO_INCREMENT');
  if (start !== undefined) {
    const table = session.catalog().resolve(database, stmt.table.name)?.user;
    if (table !== undefined) dataOp(session, { op: 'reserveAutoIncrement', tableId: table.tableId, count: 0, atLeast: BigInt(start.value) });
  }
  return okOf(outcome, rows === undefined ? undefined : `Records: ${rows.length}  Duplicates: 0  Warnings: 0`);
}

function alterTable(session: StatementSession, stmt: Extract<DataStatement, { kind: 'AlterTable' }>, ctx: EvalContext): StatementResult {
  const target = resolveUserTable(stmt.table, 'ALTER TABLE', session.catalog(), ctx);
  if (isObError(target)) return target;
  // DISABLE / ENABLE KEYS change nothing; RENAME is a rename of its own after the other changes.
  const changes = stmt.specs.filter((s) => s.kind !== 'RenameTable' && s.kind !== 'Keys');
  let outcome: DataOutcome | ObError = { kind: 'data', affectedRows: 0 };
  if (changes.length > 0) {
    const altered = alterSchema(target.schema, changes, ctx);
    if (isObError(altered)) return altered;
    outcome = dataOp(session, { op: 'alterTable', database: target.database, name: stmt.table.name, schema: altered.schema, columnMap: altered.columnMap });
    if (isObError(outcome)) return outcome;
  }
  const renames = stmt.specs.flatMap((s) => (s.kind === 'RenameTable' ? [s.to] : []));
  let from = { database: target.database, name: stmt.table.name };
  for (const to of renames) {
    const next = { database: to.schema ?? target.database, name: to.name };
    outcome = dataOp(session, { op: 'renameTable', renames: [{ from, to: next }] });
    if (isObError(outcome)) return outcome;
    from = next;
  }
  return okOf(outcome);
}
