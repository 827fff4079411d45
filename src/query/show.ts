/**
 * SHOW DATABASES / TABLES / VARIABLES / PARAMETERS / COLUMNS / WARNINGS / ERRORS, and DESC, as result sets built
 * from the catalog and the session, filtered by LIKE (case-insensitive) or by WHERE over the result's own columns.
 */
import type { Expr, ShowStatement, TableName } from '../../grammar/ast.js';
import { isObError, obError, obErrorWith, type ObError } from '../errors.js';
import { typeText, type ColumnDef, type ResultSet, type SqlType, type SqlValue } from '../result.js';
import type { Catalog, EvalContext, Table } from './catalog.js';
import { fail } from './scope.js';
import { evaluateBrowse } from './show-browse.js';
import { resolveTable } from './resolve-table.js';
import { col, filter } from './show-filter.js';
import { withInformationSchema } from './information-schema/index.js';
import { guard } from './select.js';
import { sysVarText, sysVarValue } from './sysvar-read.js';
import { sysVarDefs } from './sysvars.js';
import { columnDefault, columnExtra, columnKey } from './user-table-info.js';

export function evaluateShow(stmt: ShowStatement, under: Catalog, ctx: EvalContext): ResultSet | ObError {
  const catalog = withInformationSchema(under, ctx);
  return guard(() => {
    switch (stmt.kind) {
      case 'ShowDatabases':
        return filter([col('Database')], catalog.databases().map((d) => [d]), stmt.like, stmt.where, ctx, 0, catalog);
      case 'ShowTables':
        return showTables(stmt, catalog, ctx);
      case 'ShowVariables': {
        const rows = sysVarDefs().map((d) => [d.name, sysVarText(d, sysVarValue(d, stmt.scope, ctx))]);
        return filter([col('Variable_name'), col('Value', 1024)], rows, stmt.like, stmt.where, ctx);
      }
      case 'ShowParameters':
        return showParameters(stmt, catalog, ctx);
      case 'ShowColumns':
        return describeColumns(stmt.table, catalog, ctx, stmt.full, stmt.like);
      case 'ShowWarnings':
      case 'ShowErrors':
        return { columns: [col('Level'), { name: 'Code', type: { base: 'bigint', width: 4, unsigned: true }, nullable: false }, col('Message', 512)], rows: [] };
      case 'ShowStatus':
        return filter([col('Variable_name'), col('Value', 1024)], [], stmt.like, stmt.where, ctx);
      case 'ShowProcesslist':
        return showProcesslist(ctx);
      case 'ShowTenant':
        return fail(obErrorWith('OB_NOT_SUPPORTED', 'SHOW TENANT'));
      default:
        return evaluateBrowse(stmt, catalog, ctx);
    }
  });
}

/** DESC t [col] / SHOW COLUMNS FROM t as OceanBase prints it: Field, Type, Null, Key, Default, Extra; `col` is a LIKE pattern. */
export function describeTable(name: TableName, catalog: Catalog, ctx: EvalContext, column?: string): ResultSet | ObError {
  return guard(() => describeColumns(name, withInformationSchema(catalog, ctx), ctx, false, column));
}

/** INSERT / UPDATE / DELETE / REPLACE / TRUNCATE on a view or inner table: 1146 if unknown, else 1288. */
export function rejectWrite(verb: 'INSERT' | 'UPDATE' | 'DELETE' | 'REPLACE' | 'TRUNCATE', table: TableName, catalog: Catalog, ctx: EvalContext): ObError {
  const found = guard(() => resolveTable(table, withInformationSchema(catalog, ctx), ctx));
  if (isObError(found)) return found;
  return obErrorWith('OB_ERR_NON_UPDATABLE_TABLE', table.name, verb);
}

/** LOCK TABLES: every table must exist (1146 otherwise); nothing is locked. */
export function checkLockTables(tables: readonly TableName[], catalog: Catalog, ctx: EvalContext): ObError | undefined {
  const cat = withInformationSchema(catalog, ctx);
  for (const t of tables) {
    const found = guard(() => resolveTable(t, cat, ctx));
    if (isObError(found)) return found;
  }
  return undefined;
}

function describeColumns(name: TableName, catalog: Catalog, ctx: EvalContext, full: boolean, like: string | undefined): ResultSet {
  const table = resolveTable(name, catalog, ctx);
  const columns: ColumnDef[] = full
    ? [col('Field'), col('Type'), col('Collation', 64, true), col('Null', 3), col('Key', 3), col('Default', 64, true), col('Extra'), col('Privileges', 80), col('Comment', 1024)]
    : [col('Field'), col('Type'), col('Null', 3), col('Key', 3), col('Default', 64, true), col('Extra')];
  const schema = table.user?.schema;
  const rows = table.columns.map((c, i): SqlValue[] => {
    const isText = ['varchar', 'char', 'longtext', 'mediumtext', 'tinytext', 'text'].includes(c.type.base);
    const collation = isText ? 'utf8mb4_general_ci' : null;
    const stored = schema?.columns[i];
    const key = schema === undefined ? '' : columnKey(schema, i);
    const dflt = stored === undefined ? null : columnDefault(stored);
    const extra = stored === undefined ? '' : columnExtra(stored);
    const privileges = schema === undefined ? 'select' : 'select,insert,update,references';
    return full
      ? [c.name, typeText(c.type), collation, c.nullable ? 'YES' : 'NO', key, dflt, extra, privileges, stored?.comment ?? '']
      : [c.name, typeText(c.type), c.nullable ? 'YES' : 'NO', key, dflt, extra];
  });
  return filter(columns, rows, like, undefined, ctx);
}

function showTables(stmt: Extract<ShowStatement, { kind: 'ShowTables' }>, catalog: Catalog, ctx: EvalContext): ResultSet {
  const db = stmt.database ?? ctx.database;
  if (db === undefined) return fail(obError('OB_ERR_NO_DB_SELECTED'));
  const tables = catalog.tables(db);
  if (!tables) return fail(obErrorWith('OB_ERR_BAD_DATABASE', db));
  const columns = [col(`Tables_in_${db}`, 128), ...(stmt.full ? [col('Table_type')] : [])];
  // User tables by name, as MySQL lists them; the views keep the registry's order.
  const ordered = tables.some((t) => t.user !== undefined) ? [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : tables;
  const rows = ordered.map((t) => (stmt.full ? [t.name, t.kind ?? 'BASE TABLE'] : [t.name]));
  return filter(columns, rows, stmt.like, stmt.where, ctx, 0, catalog);
}

/**
 * SHOW PARAMETERS [LIKE | WHERE] [TENANT = t]: ob_show_resolver.cpp's SHOW_PARAMETERS_WITH_DEFAULT_VALUE (data
 * version 4.2.2+), the 14 columns over the parameter table where the name does not start with `_` or the value is
 * not the default, and the tenant is the session's (or t, which only sys may name) or none (cluster rows). Its
 * isdefault is the virtual table's integer, 1 or 0.
 */
function showParameters(stmt: Extract<ShowStatement, { kind: 'ShowParameters' }>, catalog: Catalog, ctx: EvalContext): ResultSet {
  const names = ['zone', 'svr_type', 'svr_ip', 'svr_port', 'name', 'data_type', 'value', 'info', 'section', 'scope', 'source', 'edit_level', 'default_value', 'isdefault'];
  const columns = names.map((n) => (n === 'svr_port' || n === 'isdefault' ? { name: n, type: { base: 'bigint', width: 20, unsigned: false } as SqlType, nullable: false } : col(n, 4096)));
  const source = catalog.resolve('oceanbase', 'GV$OB_PARAMETERS');
  if (!source) return fail(obErrorWith('OB_TABLE_NOT_EXIST', 'oceanbase', 'GV$OB_PARAMETERS'));
  const sessionTenant = ctx.tenantId ?? 1n;
  let showTenant = sessionTenant;
  if (stmt.tenant !== undefined) {
    if (sessionTenant !== 1n) return fail(obError('OB_ERR_NO_PRIVILEGE'));
    const id = tenantIdByName(catalog, stmt.tenant);
    if (id === undefined) return fail(obError('OB_ERR_INVALID_TENANT_NAME'));
    showTenant = id;
  }
  const at = (n: string): number => source.columns.findIndex((c) => c.name.toUpperCase() === n);
  const pick = (row: readonly SqlValue[], n: string, fallback: SqlValue): SqlValue => {
    const i = at(n);
    return i < 0 ? fallback : (row[i] ?? fallback);
  };
  const rows = [...source.rows()]
    .filter((r) => {
      const tenant = pick(r, 'TENANT_ID', null);
      const hidden = String(pick(r, 'NAME', '')).startsWith('_') && pick(r, 'ISDEFAULT', 'YES') === 'YES';
      return !hidden && (tenant === null || tenant === showTenant);
    })
    .map((r) => [
      pick(r, 'ZONE', ''),
      'observer',
      pick(r, 'SVR_IP', ''),
      pick(r, 'SVR_PORT', 0n),
      pick(r, 'NAME', ''),
      pick(r, 'DATA_TYPE', null),
      pick(r, 'VALUE', ''),
      pick(r, 'INFO', ''),
      pick(r, 'SECTION', ''),
      pick(r, 'SCOPE', ''),
      'DEFAULT',
      pick(r, 'EDIT_LEVEL', ''),
      pick(r, 'DEFAULT_VALUE', ''),
      pick(r, 'ISDEFAULT', 'YES') === 'YES' ? 1n : 0n,
    ]);
  return filter(columns, rows, stmt.like, stmt.where, ctx, 4);
}

/** A tenant's id by name, as DBA_OB_TENANTS (sys's view of every tenant) lists it. */
function tenantIdByName(catalog: Catalog, name: string): bigint | undefined {
  const tenants = catalog.resolve('oceanbase', 'DBA_OB_TENANTS');
  if (!tenants) return undefined;
  const idAt = tenants.columns.findIndex((c) => c.name === 'TENANT_ID');
  const nameAt = tenants.columns.findIndex((c) => c.name === 'TENANT_NAME');
  for (const r of tenants.rows()) {
    if (String(r[nameAt]).toLowerCase() === name.toLowerCase()) {
      const id = r[idAt];
      return typeof id === 'bigint' ? id : undefined;
    }
  }
  return undefined;
}

function showProcesslist(ctx: EvalContext): ResultSet {
  const columns: ColumnDef[] = [
    { name: 'Id', type: { base: 'bigint', width: 20, unsigned: true }, nullable: false },
    col('User', 32),
    col('Host', 128),
    col('db', 128, true),
    col('Command', 32),
    { name: 'Time', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false },
    col('State', 128, true),
    col('Info', 4096, true),
  ];
  const [user = '', host = ''] = ctx.user.split('@');
  return { columns, rows: [[ctx.connectionId, user, host, ctx.database ?? null, 'Query', 0n, 'ACTIVE', 'SHOW PROCESSLIST']] };
}

