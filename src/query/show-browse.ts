/**
 * The SHOW family browsing clients send, answered from the catalog and information_schema's data with MySQL's
 * columns: TABLE STATUS, INDEX, CREATE TABLE / VIEW / DATABASE (as OceanBase prints them), GRANTS, ENGINES,
 * CHARACTER SET, COLLATION, PROCEDURE / FUNCTION STATUS, TRIGGERS, EVENTS, PLUGINS, MASTER STATUS. Objects the
 * emulator has none of (indexes on views, routines, triggers, events, plugins, a binlog) give empty results.
 */
import type { ShowBrowseStatement, TableName } from '../../grammar/ast.js';
import { obError, obErrorWith } from '../errors.js';
import { Temporal, typeText, type ColumnDef, type ResultSet, type SqlValue } from '../result.js';
import type { Catalog, EvalContext, Table } from './catalog.js';
import { CHARSETS, COLLATION_LIST } from './information-schema/charsets.js';
import { DEFAULT_CHARSET, DEFAULT_COLLATION, ENGINE_ROWS, viewDefinition } from './information-schema/rows.js';
import { fail } from './scope.js';
import { resolveTable } from './resolve-table.js';
import { bigintCol, col, filter } from './show-filter.js';
import { createTableText as userCreateTableText, indexColumns } from './user-table-info.js';

type Row = readonly SqlValue[];

const DT: ColumnDef['type'] = { base: 'datetime', fsp: 0 };

const TABLE_STATUS: readonly ColumnDef[] = [
  col('Name', 128),
  col('Engine', 64, true),
  bigintCol('Version', true, true),
  col('Row_format', 10, true),
  bigintCol('Rows', true, true),
  bigintCol('Avg_row_length', true, true),
  bigintCol('Data_length', true, true),
  bigintCol('Max_data_length', true, true),
  bigintCol('Index_length', true, true),
  bigintCol('Data_free', true, true),
  bigintCol('Auto_increment', true, true),
  { name: 'Create_time', type: DT, nullable: true },
  { name: 'Update_time', type: DT, nullable: true },
  { name: 'Check_time', type: DT, nullable: true },
  col('Collation', 32, true),
  bigintCol('Checksum', true, true),
  col('Create_options', 255, true),
  col('Comment', 2048),
];

const INDEX_COLUMNS: readonly ColumnDef[] = [
  col('Table', 128),
  bigintCol('Non_unique'),
  col('Key_name', 128),
  bigintCol('Seq_in_index', false, true),
  col('Column_name', 128),
  col('Collation', 1, true),
  bigintCol('Cardinality', true),
  bigintCol('Sub_part', true),
  col('Packed', 10, true),
  col('Null', 3),
  col('Index_type', 16),
  col('Comment', 16),
  col('Index_comment', 1024),
  col('Visible', 3),
  col('Expression', 64, true),
];

const ROUTINE_STATUS = ['Db', 'Name', 'Type', 'Definer', 'Modified', 'Created', 'Security_type', 'Comment', 'character_set_client', 'collation_connection', 'Database Collation'];
const TRIGGERS = ['Trigger', 'Event', 'Table', 'Statement', 'Timing', 'Created', 'sql_mode', 'Definer', 'character_set_client', 'collation_connection', 'Database Collation'];
const EVENTS = ['Db', 'Name', 'Definer', 'Time zone', 'Type', 'Execute at', 'Interval value', 'Interval field', 'Starts', 'Ends', 'Status', 'Originator', 'character_set_client', 'collation_connection', 'Database Collation'];

const names = (list: readonly string[]): ColumnDef[] => list.map((n) => col(n, 64, true));

export function evaluateBrowse(stmt: ShowBrowseStatement, catalog: Catalog, ctx: EvalContext): ResultSet {
  switch (stmt.kind) {
    case 'ShowTableStatus':
      return filter(TABLE_STATUS, tableStatusRows(databaseTables(stmt.database, catalog, ctx)), stmt.like, stmt.where, ctx);
    case 'ShowIndex': {
      const table = resolveTable(stmt.table, catalog, ctx);
      // System views have no indexes; a user table lists its primary key and indexes.
      const rows = table.user === undefined ? [] : indexColumns(table.user.schema).map((ix): Row => [
        table.name, ix.unique ? 0n : 1n, ix.name, BigInt(ix.seq), ix.column.name, 'A', null, null, null, ix.column.nullable ? 'YES' : '', 'BTREE', 'available', '', 'YES', null,
      ]);
      return filter(INDEX_COLUMNS, rows, undefined, stmt.where, ctx);
    }
    case 'ShowCreateTable':
      return showCreate(stmt.table, catalog, ctx, false);
    case 'ShowCreateView':
      return showCreate(stmt.table, catalog, ctx, true);
    case 'ShowCreateDatabase':
      return showCreateDatabase(stmt.database, stmt.ifNotExists, catalog);
    case 'ShowGrants':
      return showGrants(stmt.user, ctx);
    case 'ShowEngines':
      return { columns: names(['Engine', 'Support', 'Comment', 'Transactions', 'XA', 'Savepoints']), rows: ENGINE_ROWS };
    case 'ShowCharset': {
      const columns = [col('Charset', 128), col('Description', 64), col('Default collation', 128), bigintCol('Maxlen')];
      return filter(columns, CHARSETS.map((c) => [c.name, c.description, c.defaultCollation, c.maxLength]), stmt.like, stmt.where, ctx);
    }
    case 'ShowCollation': {
      const columns = [col('Collation', 128), col('Charset', 128), bigintCol('Id'), col('Default', 4), col('Compiled', 4), bigintCol('Sortlen')];
      const rows = COLLATION_LIST.map((c) => [c.name, c.charset, c.id, c.isDefault ? 'Yes' : '', 'Yes', c.sortLength]);
      return filter(columns, rows, stmt.like, stmt.where, ctx);
    }
    case 'ShowRoutineStatus':
      return filter(names(ROUTINE_STATUS), [], stmt.like, stmt.where, ctx, 1);
    case 'ShowTriggers':
    case 'ShowEvents':
      databaseTables(stmt.database, catalog, ctx);
      return filter(names(stmt.kind === 'ShowTriggers' ? TRIGGERS : EVENTS), [], stmt.like, stmt.where, ctx, stmt.kind === 'ShowEvents' ? 1 : 0);
    case 'ShowPlugins':
      return { columns: names(['Name', 'Status', 'Type', 'Library', 'License']), rows: [] };
    case 'ShowMasterStatus':
      // No binlog: OceanBase's MySQL mode keeps none (its binlog service is a separate product).
      return { columns: [col('File', 512), bigintCol('Position', false, true), col('Binlog_Do_DB'), col('Binlog_Ignore_DB'), col('Executed_Gtid_Set', 4096)], rows: [] };
  }
}

function databaseTables(database: string | undefined, catalog: Catalog, ctx: EvalContext): readonly Table[] {
  const db = database ?? ctx.database;
  if (db === undefined) return fail(obError('OB_ERR_NO_DB_SELECTED'));
  return catalog.tables(db) ?? fail(obErrorWith('OB_ERR_BAD_DATABASE', db));
}

function isView(t: Table): boolean {
  return t.kind === 'SYSTEM VIEW' || t.kind === 'VIEW';
}

/** A view shows only its name and the comment VIEW, as MySQL and OceanBase print it. */
function tableStatusRows(tables: readonly Table[]): Row[] {
  return tables.map((t) => {
    if (isView(t)) return [t.name, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'VIEW'];
    const u = t.user;
    if (u !== undefined) {
      const rows = BigInt(u.rowCount);
      const avg = u.rowCount === 0 ? 0n : BigInt(Math.round(u.dataBytes / u.rowCount));
      const auto = u.schema.columns.some((c) => c.autoIncrement) ? u.autoIncrementNext : null;
      return [t.name, 'InnoDB', 10n, 'DYNAMIC', rows, avg, BigInt(u.dataBytes), 0n, 0n, 0n, auto, new Temporal('DATETIME', BigInt(u.createdUs)), null, null, DEFAULT_COLLATION, null, '', u.schema.comment ?? ''];
    }
    return [t.name, 'InnoDB', 10n, 'DYNAMIC', 0n, 0n, 0n, 0n, 0n, 0n, null, null, null, null, DEFAULT_COLLATION, null, '', ''];
  });
}

function quoted(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function showCreate(name: TableName, catalog: Catalog, ctx: EvalContext, viewOnly: boolean): ResultSet {
  const table = resolveTable(name, catalog, ctx);
  if (isView(table)) {
    const columns = [col('View', 128), col('Create View', 65536), col('character_set_client', 32), col('collation_connection', 32)];
    return { columns, rows: [[table.name, `CREATE VIEW ${quoted(table.name)} AS ${viewDefinition(table)}`, DEFAULT_CHARSET, DEFAULT_COLLATION]] };
  }
  if (viewOnly) return fail(obErrorWith('OB_ERR_WRONG_OBJECT', name.schema ?? ctx.database ?? '', name.name, 'VIEW'));
  const text = table.user === undefined ? createTableText(table) : userCreateTableText(table.user);
  return { columns: [col('Table', 128), col('Create Table', 65536)], rows: [[table.name, text]] };
}

/** CREATE TABLE as OceanBase prints an inner table: its columns, the default charset, no storage details. */
function createTableText(table: Table): string {
  const lines = table.columns.map((c) => `  ${quoted(c.name)} ${typeText(c.type)}${c.nullable ? '' : ' NOT NULL'}`);
  return `CREATE TABLE ${quoted(table.name)} (\n${lines.join(',\n')}\n) DEFAULT CHARSET = ${DEFAULT_CHARSET} COLLATE = ${DEFAULT_COLLATION}`;
}

function showCreateDatabase(database: string, ifNotExists: boolean, catalog: Catalog): ResultSet {
  const db = catalog.databases().find((d) => d.toLowerCase() === database.toLowerCase());
  if (db === undefined) return fail(obErrorWith('OB_ERR_BAD_DATABASE', database));
  const text = `CREATE DATABASE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${quoted(db)} DEFAULT CHARACTER SET = ${DEFAULT_CHARSET} REPLICA_NUM = 1`;
  return { columns: [col('Database', 128), col('Create Database', 1024)], rows: [[db, text]] };
}

/** Every login of the emulator has root's grants: all privileges on *.* with GRANT OPTION. */
function showGrants(user: string | undefined, ctx: EvalContext): ResultSet {
  const [me = '', host = '%'] = (ctx.currentUser ?? ctx.user).split('@');
  const asked = user?.toUpperCase().startsWith('CURRENT_USER') === true ? undefined : user;
  const [name = '', askedHost = '%'] = asked === undefined ? [me, host] : asked.split('@');
  if (name !== me) return fail(obErrorWith('OB_ERR_NO_GRANT', name, askedHost));
  return { columns: [col(`Grants for ${me}@${host}`, 1024)], rows: [[`GRANT ALL PRIVILEGES ON *.* TO '${me}'@'${host}' WITH GRANT OPTION`]] };
}
