/**
 * The rows of information_schema, computed for one statement from the catalog beneath it (every database it lists
 * and every table in them, with their columns) and the session. Nothing here names a view: system views, and user
 * tables once the data plane adds them to the catalog, appear because the catalog lists them. Objects the emulator
 * has none of (indexes on views, routines, triggers, events, partitions, files) give empty tables with their columns.
 */
import { Temporal, typeText, type SqlType, type SqlValue } from '../../result.js';
import { columnDefault, columnExtra, columnKey, indexColumns } from '../user-table-info.js';
import type { Catalog, EvalContext, Table } from '../catalog.js';
import { sysVarText, sysVarValue } from '../sysvar-read.js';
import { sysVarDefs } from '../sysvars.js';
import { CHARSETS, COLLATION_LIST } from './charsets.js';

type Row = readonly SqlValue[];

export const DEFAULT_CHARSET = 'utf8mb4';
export const DEFAULT_COLLATION = 'utf8mb4_general_ci';

/** Every (schema, table) the catalog lists, information_schema's own tables included. */
export function* allTables(catalog: Catalog): Generator<{ schema: string; table: Table }> {
  for (const schema of catalog.databases()) for (const table of catalog.tables(schema) ?? []) yield { schema, table };
}

export function schemataRows(catalog: Catalog): Row[] {
  return catalog.databases().map((d) => ['def', d, DEFAULT_CHARSET, DEFAULT_COLLATION, null, 'NO']);
}

export function isText(t: SqlType): boolean {
  return t.base === 'varchar' || t.base === 'char' || t.base === 'longtext' || t.base === 'mediumtext' || t.base === 'tinytext' || t.base === 'text';
}

/** A view has no engine, row format or sizes (MySQL's answer for views; OceanBase's for its system views). */
export function tablesRows(catalog: Catalog): Row[] {
  const out: Row[] = [];
  for (const { schema, table } of allTables(catalog)) {
    const kind = table.kind ?? 'BASE TABLE';
    const base = kind === 'BASE TABLE' || kind === 'SYSTEM TABLE';
    const u = table.user;
    if (u !== undefined) {
      const avg = u.rowCount === 0 ? 0n : BigInt(Math.round(u.dataBytes / u.rowCount));
      const auto = u.schema.columns.some((c) => c.autoIncrement) ? u.autoIncrementNext : null;
      out.push([
        'def', schema, table.name, kind, 'InnoDB', 10n, 'DYNAMIC', BigInt(u.rowCount), avg, BigInt(u.dataBytes), 0n, 0n, 0n, auto,
        new Temporal('DATETIME', BigInt(u.createdUs)), null, null, DEFAULT_COLLATION, null, '', u.schema.comment ?? '',
      ]);
      continue;
    }
    out.push([
      'def', schema, table.name, kind, base ? 'InnoDB' : null, base ? 10n : null, base ? 'DYNAMIC' : null,
      base ? 0n : null, base ? 0n : null, base ? 0n : null, base ? 0n : null, base ? 0n : null, base ? 0n : null,
      null, null, null, null, base ? DEFAULT_COLLATION : null, null, base ? '' : null, base ? '' : 'VIEW',
    ]);
  }
  return out;
}

/** DATA_TYPE as information_schema spells it. */
function dataType(t: SqlType): string {
  return t.base;
}

function numericPrecision(t: SqlType): bigint | null {
  switch (t.base) {
    case 'bigint':
      return t.unsigned ? 20n : 19n;
    case 'int':
      return 10n;
    case 'mediumint':
      return 7n;
    case 'smallint':
      return 5n;
    case 'tinyint':
      return 3n;
    case 'decimal':
      return BigInt(t.precision);
    case 'double':
      return 22n;
    case 'float':
      return 12n;
    default:
      return null;
  }
}

function numericScale(t: SqlType): bigint | null {
  if (t.base === 'decimal') return BigInt(t.scale);
  if (t.base === 'bigint' || t.base === 'int' || t.base === 'mediumint' || t.base === 'smallint' || t.base === 'tinyint') return 0n;
  return null;
}

function charLength(t: SqlType): bigint | null {
  if (t.base === 'varchar' || t.base === 'char') return BigInt(t.length);
  if (t.base === 'longtext') return 4294967295n;
  if (t.base === 'mediumtext') return 16777215n;
  if (t.base === 'tinytext') return 255n;
  if (t.base === 'text') return 65535n;
  return null;
}

export function columnsRows(catalog: Catalog): Row[] {
  const out: Row[] = [];
  for (const { schema, table } of allTables(catalog)) {
    const user = table.user?.schema;
    table.columns.forEach((c, i) => {
      const t = c.type;
      const stored = user?.columns[i];
      const key = user === undefined ? '' : columnKey(user, i);
      const extra = stored === undefined ? '' : columnExtra(stored);
      const privileges = user === undefined ? 'select' : 'select,insert,update,references';
      const comment = stored?.comment ?? '';
      const dflt = stored === undefined ? null : columnDefault(stored);
      const len = charLength(t);
      const octets = len === null ? null : t.base === 'longtext' || t.base === 'mediumtext' || t.base === 'tinytext' || t.base === 'text' ? len : len * 4n;
      const fsp = t.base === 'timestamp' || t.base === 'datetime' ? BigInt(t.fsp) : t.base === 'date' ? 0n : null;
      out.push([
        'def', schema, table.name, c.name, BigInt(i + 1), dflt, c.nullable ? 'YES' : 'NO', dataType(t), len, octets,
        numericPrecision(t), numericScale(t), fsp, isText(t) ? DEFAULT_CHARSET : null, isText(t) ? DEFAULT_COLLATION : null,
        typeText(t), key, extra, privileges, comment, '', null,
      ]);
    });
  }
  return out;
}

export function viewsRows(catalog: Catalog): Row[] {
  const out: Row[] = [];
  for (const { schema, table } of allTables(catalog)) {
    if (table.kind !== 'SYSTEM VIEW' && table.kind !== 'VIEW') continue;
    out.push(['def', schema, table.name, viewDefinition(table), 'NONE', 'NO', 'root@%', 'DEFINER', DEFAULT_CHARSET, DEFAULT_COLLATION]);
  }
  return out;
}

/**
 * The SELECT a view is defined by. The emulator computes its views in code, not over inner tables, so this is its
 * own definition: every column as a typed NULL under its name. It keeps what reflection and dump tools read from it
 * (the column names, in order, with their types); OceanBase prints the real definition over its inner tables.
 */
export function viewDefinition(table: Table): string {
  return `select ${table.columns.map((c) => `cast(NULL as ${castType(c.type)}) AS \`${c.name}\``).join(',')}`;
}

function castType(t: SqlType): string {
  switch (t.base) {
    case 'bigint':
    case 'int':
    case 'mediumint':
    case 'smallint':
    case 'tinyint':
      return t.unsigned ? 'unsigned' : 'signed';
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'double':
    case 'float':
      return t.base;
    case 'varchar':
    case 'char':
      return `char(${t.length})`;
    case 'longtext':
    case 'mediumtext':
    case 'tinytext':
    case 'text':
      return 'char';
    case 'timestamp':
    case 'datetime':
      return t.fsp > 0 ? `datetime(${t.fsp})` : 'datetime';
    case 'date':
      return 'date';
  }
}

export function charsetRows(): Row[] {
  return CHARSETS.map((c) => [c.name, c.defaultCollation, c.description, c.maxLength]);
}

export function collationRows(): Row[] {
  return COLLATION_LIST.map((c) => [c.name, c.charset, c.id, c.isDefault ? 'Yes' : '', 'Yes', c.sortLength]);
}

export function applicabilityRows(): Row[] {
  return COLLATION_LIST.map((c) => [c.name, c.charset]);
}

/** OceanBase's one storage engine, and InnoDB as the name it answers to for MySQL tools. */
export const ENGINE_ROWS: readonly Row[] = [
  ['InnoDB', 'YES', 'Supports transactions', 'YES', 'NO', 'YES'],
  ['OceanBase', 'DEFAULT', 'Supports transactions', 'YES', 'NO', 'YES'],
];

export function processlistRows(ctx: EvalContext): Row[] {
  const [user = '', host = ''] = ctx.user.split('@');
  return [[ctx.connectionId, user, host, ctx.database ?? null, 'Query', 0n, 'ACTIVE', null]];
}

export function variablesRows(ctx: EvalContext, scope: 'GLOBAL' | 'SESSION'): Row[] {
  return sysVarDefs()
    .filter((d) => scope === 'GLOBAL' || d.globalOnly !== true)
    .map((d) => [d.name, sysVarText(d, sysVarValue(d, scope, ctx))]);
}

/** The grantee of the session user as information_schema quotes it: `'root'@'%'`. */
export function grantee(ctx: EvalContext): string {
  const [user = '', host = '%'] = (ctx.currentUser ?? ctx.user).split('@');
  return `'${user}'@'${host}'`;
}

/** What OceanBase's root holds: every privilege on *.*, with GRANT OPTION. */
export const ROOT_PRIVILEGES = [
  'ALTER', 'CREATE', 'CREATE USER', 'DELETE', 'DROP', 'INSERT', 'UPDATE', 'SELECT', 'INDEX', 'CREATE VIEW',
  'SHOW VIEW', 'SHOW DATABASES', 'SUPER', 'PROCESS', 'CREATE SYNONYM', 'FILE', 'ALTER TENANT', 'ALTER SYSTEM',
  'CREATE RESOURCE POOL', 'CREATE RESOURCE UNIT', 'REPLICATION SLAVE', 'REPLICATION CLIENT', 'DROP DATABASE LINK',
  'CREATE DATABASE LINK', 'EXECUTE', 'ALTER ROUTINE', 'CREATE ROUTINE', 'CREATE TABLESPACE', 'SHUTDOWN', 'RELOAD',
  'REFERENCES', 'CREATE ROLE', 'DROP ROLE', 'TRIGGER', 'LOCK TABLES', 'EVENT', 'CREATE TEMPORARY TABLES',
] as const;

export function userPrivilegeRows(ctx: EvalContext): Row[] {
  const who = grantee(ctx);
  return ROOT_PRIVILEGES.map((p) => [who, 'def', p, 'YES']);
}

/** One row per index column of every user table (views and inner tables have none). */
export function statisticsRows(catalog: Catalog): Row[] {
  const out: Row[] = [];
  for (const { schema, table } of allTables(catalog)) {
    if (table.user === undefined) continue;
    for (const ix of indexColumns(table.user.schema)) {
      out.push(['def', schema, table.name, ix.unique ? 0n : 1n, schema, ix.name, BigInt(ix.seq), ix.column.name, 'A', null, null, null, ix.column.nullable ? 'YES' : '', 'BTREE', 'available', '', 'YES', null]);
    }
  }
  return out;
}

/** The PRIMARY KEY and UNIQUE constraints of user tables, one row per column (no foreign keys exist). */
export function keyColumnUsageRows(catalog: Catalog): Row[] {
  const out: Row[] = [];
  for (const { schema, table } of allTables(catalog)) {
    if (table.user === undefined) continue;
    for (const ix of indexColumns(table.user.schema)) {
      if (ix.unique) out.push(['def', schema, ix.name, 'def', schema, table.name, ix.column.name, BigInt(ix.seq), null, null, null, null]);
    }
  }
  return out;
}

export function tableConstraintRows(catalog: Catalog): Row[] {
  const out: Row[] = [];
  for (const { schema, table } of allTables(catalog)) {
    const s = table.user?.schema;
    if (s === undefined) continue;
    if (s.primaryKey.length > 0) out.push(['def', schema, 'PRIMARY', schema, table.name, 'PRIMARY KEY', 'YES']);
    for (const ix of s.indexes) if (ix.unique) out.push(['def', schema, ix.name, schema, table.name, 'UNIQUE', 'YES']);
  }
  return out;
}
