/**
 * Table definitions: CREATE TABLE's columns, keys and options as the engine's TableSchema, checked as MySQL checks
 * them (1060, 1061, 1067, 1068, 1072, 1074, 1075, 1425 – 1427), and ALTER TABLE ADD / DROP COLUMN as a new schema
 * with the map from old rows to new ones. https://dev.mysql.com/doc/refman/5.7/en/create-table.html
 */
import type { AlterSpec, ColumnDefinition, DataStatement, DataType, Expr, TableConstraint } from '../../../grammar/ast.js';
import type { ColumnSchema, ColumnType, IndexSchema, StoredValue, TableSchema } from '../../engine/index.js';
import { obError, obErrorWith, type ObError } from '../../errors.js';
import type { ColumnDef, SqlType } from '../../result.js';
import type { EvalContext } from '../catalog.js';
import { compileExpr } from '../compile.js';
import { rootScope } from '../query.js';
import { EvalFailure, fail } from '../scope.js';
import { guard } from '../select.js';
import { implicitDefault, nowFor, storeValue } from './store-value.js';

type CreateTable = Extract<DataStatement, { kind: 'CreateTable' }>;

/** MySQL's display widths when none is written (signed; unsigned one less, but BIGINT). */
const INT_WIDTH = { tinyint: 4, smallint: 6, mediumint: 9, int: 11, bigint: 20 } as const;
const INT_NAMES: Readonly<Record<string, keyof typeof INT_WIDTH>> = {
  TINYINT: 'tinyint',
  SMALLINT: 'smallint',
  MEDIUMINT: 'mediumint',
  INT: 'int',
  INTEGER: 'int',
  BIGINT: 'bigint',
};
/** OceanBase's longest VARCHAR (characters); CHAR holds at most 255, as in MySQL. */
const MAX_VARCHAR = 262_144;
const MAX_CHAR = 255;
const NOW_FUNCTIONS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIMESTAMP', 'LOCALTIME']);

function number(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : Number(text);
}

/** A written type as the column type it names, or the error MySQL gives for it. */
export function columnType(t: DataType, column: string): ColumnType {
  const [a, b] = t.args;
  const int = INT_NAMES[t.name];
  if (int !== undefined) {
    const width = number(a, INT_WIDTH[int] - (t.unsigned && int !== 'bigint' ? 1 : 0));
    if (width > 255) return fail(obErrorWith('OB_ERR_TOO_BIG_DISPLAYWIDTH', column, 255));
    return { base: int, width, unsigned: t.unsigned || t.zerofill };
  }
  switch (t.name) {
    case 'BOOL':
    case 'BOOLEAN':
      return { base: 'tinyint', width: 1, unsigned: false };
    case 'DECIMAL':
    case 'DEC':
    case 'NUMERIC':
    case 'FIXED': {
      const precision = number(a, 10);
      const scale = number(b, 0);
      if (precision > 65) return fail(obErrorWith('OB_ERR_TOO_BIG_PRECISION', precision, column, 65));
      if (scale > 30) return fail(obErrorWith('OB_ERR_TOO_BIG_SCALE', scale, column, 30));
      if (scale > precision) return fail(obErrorWith('OB_ERR_M_BIGGER_THAN_D', column));
      return { base: 'decimal', precision: Math.max(precision, 1), scale };
    }
    case 'FLOAT':
      // FLOAT(p) with p over 24 is a DOUBLE (MySQL).
      return { base: a !== undefined && b === undefined && Number(a) > 24 ? 'double' : 'float' };
    case 'DOUBLE':
    case 'REAL':
      return { base: 'double' };
    case 'CHAR': {
      const length = number(a, 1);
      if (length > MAX_CHAR) return fail(obErrorWith('OB_ERR_TOO_LONG_COLUMN_LENGTH', column, MAX_CHAR));
      return { base: 'char', length };
    }
    case 'VARCHAR': {
      if (a === undefined) return fail(obErrorWith('OB_NOT_SUPPORTED', 'VARCHAR without a length is'));
      const length = Number(a);
      if (length > MAX_VARCHAR) return fail(obErrorWith('OB_ERR_TOO_LONG_COLUMN_LENGTH', column, MAX_VARCHAR));
      return { base: 'varchar', length };
    }
    case 'TINYTEXT':
      return { base: 'tinytext' };
    case 'TEXT':
      return { base: 'text' };
    case 'MEDIUMTEXT':
      return { base: 'mediumtext' };
    case 'LONGTEXT':
      return { base: 'longtext' };
    case 'DATE':
      return { base: 'date' };
    case 'DATETIME':
    case 'TIMESTAMP': {
      const fsp = number(a, 0);
      if (fsp > 6) return fail(obErrorWith('OB_ERR_TOO_BIG_PRECISION', fsp, column, 6));
      return { base: t.name === 'DATETIME' ? 'datetime' : 'timestamp', fsp };
    }
    default:
      return fail(obErrorWith('OB_NOT_SUPPORTED', `Data type ${t.name} is`));
  }
}

function isTemporal(type: ColumnType): boolean {
  return type.base === 'datetime' || type.base === 'timestamp';
}

/** CURRENT_TIMESTAMP[(fsp)] as the marker the engine keeps, when `e` is one. */
function nowMarker(e: Expr | undefined): { now: number } | undefined {
  if (e?.kind !== 'FunctionCall' || !NOW_FUNCTIONS.has(e.name.toUpperCase())) return undefined;
  const fsp = e.args[0];
  return { now: fsp?.kind === 'NumberLiteral' ? Number(fsp.text) : 0 };
}

/** A DEFAULT as the column stores it; 1067 for one it cannot hold. */
function defaultValue(c: ColumnDefinition, type: ColumnType, nullable: boolean, ctx: EvalContext): StoredValue | { now: number } | undefined {
  if (c.default === undefined) return undefined;
  const invalid = (): never => fail(obErrorWith('OB_INVALID_DEFAULT', c.name));
  if (c.autoIncrement) return invalid();
  const now = nowMarker(c.default);
  if (now !== undefined) return isTemporal(type) ? now : invalid();
  if (c.default.kind === 'NullLiteral') return nullable ? null : invalid();
  const column: ColumnSchema = { name: c.name, type, nullable, autoIncrement: false };
  try {
    const value = compileExpr(c.default, rootScope({ resolve: () => undefined, databases: () => [], tables: () => undefined }, ctx)).fn([], []);
    return storeValue(column, value, { column: c.name, row: 1 }, ctx.timeZone);
  } catch (e) {
    if (e instanceof EvalFailure) return invalid();
    throw e;
  }
}

export function columnSchema(c: ColumnDefinition, inPrimaryKey: boolean, ctx: EvalContext): ColumnSchema {
  const type = columnType(c.type, c.name);
  // A PRIMARY KEY column is NOT NULL whatever it says (MySQL 5.7 makes it so silently).
  const nullable = inPrimaryKey || c.primaryKey ? false : c.nullable ?? true;
  const d = defaultValue(c, type, nullable, ctx);
  const onUpdate = nowMarker(c.onUpdate);
  if (c.onUpdate !== undefined && (onUpdate === undefined || !isTemporal(type))) return fail(obErrorWith('OB_INVALID_DEFAULT', c.name));
  if (c.autoIncrement && !(type.base in INT_WIDTH) && type.base !== 'float' && type.base !== 'double') return fail(obError('OB_ERR_WRONG_AUTO_KEY'));
  return {
    name: c.name,
    type,
    nullable,
    ...(d === undefined ? {} : { defaultValue: d }),
    autoIncrement: c.autoIncrement,
    ...(onUpdate === undefined ? {} : { onUpdateNow: onUpdate.now }),
    ...(c.comment === undefined ? {} : { comment: c.comment }),
  };
}

function positionsOf(columns: readonly ColumnSchema[], names: readonly string[]): number[] {
  return names.map((n) => {
    const i = columns.findIndex((c) => c.name.toLowerCase() === n.toLowerCase());
    if (i < 0) return fail(obErrorWith('OB_ERR_KEY_COLUMN_DOES_NOT_EXITS', n));
    return i;
  });
}

/** An index name MySQL would give: the first column's, with _2, _3 … when taken. */
function freshName(base: string, taken: readonly IndexSchema[]): string {
  const used = (n: string): boolean => taken.some((i) => i.name.toLowerCase() === n.toLowerCase());
  if (!used(base)) return base;
  for (let k = 2; ; k++) if (!used(`${base}_${k}`)) return `${base}_${k}`;
}

/** The table's keys, from column attributes and constraints; AUTO_INCREMENT checked to be one, and a key. */
function keysOf(defs: readonly ColumnDefinition[], constraints: readonly TableConstraint[], columns: ColumnSchema[]): { primaryKey: number[]; indexes: IndexSchema[] } {
  const pkDefs = [...defs.filter((d) => d.primaryKey).map((d) => [d.name]), ...constraints.filter((c) => c.kind === 'PrimaryKey').map((c) => c.columns)];
  if (pkDefs.length > 1) return fail(obError('OB_ERR_MULTIPLE_PRI_KEY'));
  const primaryKey = pkDefs[0] === undefined ? [] : positionsOf(columns, pkDefs[0]);
  const indexes: IndexSchema[] = [];
  const add = (name: string | undefined, names: readonly string[], unique: boolean): void => {
    const cols = positionsOf(columns, names);
    const chosen = name ?? freshName((columns[cols[0] as number] as ColumnSchema).name, indexes);
    if (name !== undefined && (name.toUpperCase() === 'PRIMARY' || indexes.some((i) => i.name.toLowerCase() === name.toLowerCase()))) {
      return fail(obErrorWith('OB_ERR_KEY_NAME_DUPLICATE', name));
    }
    indexes.push({ name: chosen, columns: cols, unique });
  };
  for (const d of defs) if (d.unique && !d.primaryKey) add(undefined, [d.name], true);
  for (const c of constraints) if (c.kind !== 'PrimaryKey') add(c.name, c.columns, c.kind === 'Unique');
  const autos = columns.flatMap((c, i) => (c.autoIncrement ? [i] : []));
  if (autos.length > 1) return fail(obError('OB_ERR_WRONG_AUTO_KEY'));
  const auto = autos[0];
  if (auto !== undefined && primaryKey[0] !== auto && !indexes.some((i) => i.columns[0] === auto)) return fail(obError('OB_ERR_WRONG_AUTO_KEY'));
  // PRIMARY KEY columns are NOT NULL.
  for (const p of primaryKey) columns[p] = { ...(columns[p] as ColumnSchema), nullable: false };
  return { primaryKey, indexes };
}

function checkNames(columns: readonly { name: string }[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    const n = c.name.toLowerCase();
    if (seen.has(n)) fail(obErrorWith('OB_ERR_COLUMN_DUPLICATE', c.name));
    seen.add(n);
  }
}

/** A select result column as a CREATE TABLE … AS SELECT column: its type, nullability, no default. */
function fromResult(def: ColumnDef): ColumnSchema {
  const type = def.type as SqlType;
  const t: ColumnType = type.base === 'varchar' && type.length === 0 ? { base: 'varchar', length: 1 } : type;
  return { name: def.name, type: t, nullable: def.nullable, autoIncrement: false };
}

/** CREATE TABLE's schema; `selected` are the result columns of its AS SELECT (appended unless named already). */
export function tableSchema(stmt: CreateTable, selected: readonly ColumnDef[], ctx: EvalContext): TableSchema | ObError {
  return guard(() => {
    const pkNames = new Set(stmt.constraints.filter((c) => c.kind === 'PrimaryKey').flatMap((c) => c.columns.map((n) => n.toLowerCase())));
    const columns = stmt.columns.map((c) => columnSchema(c, pkNames.has(c.name.toLowerCase()), ctx));
    for (const d of selected) if (!columns.some((c) => c.name.toLowerCase() === d.name.toLowerCase())) columns.push(fromResult(d));
    if (columns.length === 0) return fail(obErrorWith('OB_NOT_SUPPORTED', 'A table without columns is'));
    checkNames(columns);
    const { primaryKey, indexes } = keysOf(stmt.columns, stmt.constraints, columns);
    const comment = stmt.options.find((o) => o.name === 'COMMENT')?.value;
    return { name: stmt.table.name, columns, primaryKey, indexes, ...(comment === undefined ? {} : { comment }) };
  });
}

export interface AlteredTable {
  readonly schema: TableSchema;
  readonly columnMap: readonly (number | { readonly value: StoredValue })[];
}

/** ALTER TABLE's column and index changes applied in order to `schema`; RENAME is the caller's. */
export function alterSchema(schema: TableSchema, specs: readonly AlterSpec[], ctx: EvalContext): AlteredTable | ObError {
  return guard(() => {
    const columns = [...schema.columns];
    const map: (number | { value: StoredValue })[] = columns.map((_, i) => i);
    let primaryKey = [...schema.primaryKey];
    let indexes = schema.indexes.map((i) => ({ ...i, columns: [...i.columns] }));
    for (const s of specs) {
      switch (s.kind) {
        case 'AddColumn': {
          const c = s.column;
          if (c.primaryKey || c.unique || c.autoIncrement) return fail(obErrorWith('OB_NOT_SUPPORTED', 'ADD COLUMN with a key or AUTO_INCREMENT is'));
          const col = columnSchema(c, false, ctx);
          if (columns.some((x) => x.name.toLowerCase() === col.name.toLowerCase())) return fail(obErrorWith('OB_ERR_COLUMN_DUPLICATE', col.name));
          let at = columns.length;
          if (s.position !== undefined) {
            if ('first' in s.position) at = 0;
            else {
              const after = s.position.after.toLowerCase();
              const i = columns.findIndex((x) => x.name.toLowerCase() === after);
              if (i < 0) return fail(obErrorWith('OB_ERR_BAD_FIELD_ERROR', s.position.after, schema.name));
              at = i + 1;
            }
          }
          const d = col.defaultValue;
          const value = d === undefined ? (col.nullable ? null : implicitDefault(col.type)) : d !== null && typeof d === 'object' ? nowFor(col.type, d.now, ctx.nowMicros, ctx.timeZone) : d;
          columns.splice(at, 0, col);
          map.splice(at, 0, { value });
          const shift = (p: number): number => (p >= at ? p + 1 : p);
          primaryKey = primaryKey.map(shift);
          indexes = indexes.map((i) => ({ ...i, columns: i.columns.map(shift) }));
          break;
        }
        case 'DropColumn': {
          const at = columns.findIndex((x) => x.name.toLowerCase() === s.column.toLowerCase());
          if (at < 0) return fail(obErrorWith('OB_ERR_CANT_DROP_FIELD_OR_KEY', s.column));
          if (columns.length === 1) return fail(obError('OB_CANT_REMOVE_ALL_FIELDS'));
          if (primaryKey.includes(at)) return fail(obErrorWith('OB_NOT_SUPPORTED', 'Dropping a PRIMARY KEY column is'));
          if (indexes.some((i) => i.unique && i.columns.includes(at))) return fail(obErrorWith('OB_NOT_SUPPORTED', 'Dropping a column of a UNIQUE index is'));
          columns.splice(at, 1);
          map.splice(at, 1);
          const shift = (p: number): number => (p > at ? p - 1 : p);
          primaryKey = primaryKey.map(shift);
          // A non-unique index loses the column, and goes when it has none left (MySQL).
          indexes = indexes.map((i) => ({ ...i, columns: i.columns.filter((p) => p !== at).map(shift) })).filter((i) => i.columns.length > 0);
          break;
        }
        case 'AddConstraint': {
          const c = s.constraint;
          if (c.kind !== 'Index') return fail(obErrorWith('OB_NOT_SUPPORTED', 'ALTER TABLE adding a PRIMARY KEY or UNIQUE index is'));
          const cols = positionsOf(columns, c.columns);
          if (c.name !== undefined && indexes.some((i) => i.name.toLowerCase() === c.name?.toLowerCase())) return fail(obErrorWith('OB_ERR_KEY_NAME_DUPLICATE', c.name));
          indexes.push({ name: c.name ?? freshName((columns[cols[0] as number] as ColumnSchema).name, indexes), columns: cols, unique: false });
          break;
        }
        case 'DropIndex': {
          const i = indexes.findIndex((x) => x.name.toLowerCase() === s.index.toLowerCase());
          if (i < 0) return fail(obErrorWith('OB_ERR_CANT_DROP_FIELD_OR_KEY', s.index));
          indexes.splice(i, 1);
          break;
        }
        case 'DropPrimaryKey':
          return fail(obErrorWith('OB_NOT_SUPPORTED', 'ALTER TABLE DROP PRIMARY KEY is'));
        case 'RenameTable':
        case 'Keys':
          break;
      }
    }
    return { schema: { ...schema, columns, primaryKey, indexes }, columnMap: map };
  });
}
