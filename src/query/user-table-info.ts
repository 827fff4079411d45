/**
 * What the SHOW family and information_schema say about a user table beyond its columns: each column's key, default
 * and extra (DESC), its indexes (SHOW INDEX, STATISTICS) and its definition (SHOW CREATE TABLE), from the schema
 * the engine keeps. MySQL 5.7's texts, which OceanBase's MySQL mode prints alike for these parts.
 */
import type { ColumnSchema, StoredValue, TableSchema } from '../engine/index.js';
import { Temporal, typeText } from '../result.js';
import { sqlValueOf, type UserTableAccess } from '../views/index.js';
import { textOf } from './values.js';

/** DESC's Key: PRI for the primary key, UNI for the first column of a unique index, MUL for other indexes. */
export function columnKey(schema: TableSchema, at: number): string {
  if (schema.primaryKey.includes(at)) return 'PRI';
  if (schema.indexes.some((i) => i.unique && i.columns.length === 1 && i.columns[0] === at)) return 'UNI';
  if (schema.indexes.some((i) => i.columns[0] === at)) return 'MUL';
  return '';
}

function storedText(c: ColumnSchema, v: StoredValue): string | null {
  const value = sqlValueOf(c.type, v);
  if (value === null) return null;
  const fsp = c.type.base === 'datetime' || c.type.base === 'timestamp' ? c.type.fsp : 0;
  // DATE and DATETIME are stored as their wall clock (read as UTC); a TIMESTAMP default shows in the default zone.
  const zone = c.type.base === 'timestamp' ? undefined : '+00:00';
  return textOf(value, value instanceof Temporal ? fsp : 0, zone);
}

/** DESC's Default: the default's text, CURRENT_TIMESTAMP for the marker, NULL for none. */
export function columnDefault(c: ColumnSchema): string | null {
  const d = c.defaultValue;
  if (d === undefined || d === null) return null;
  if (typeof d === 'object') return d.now > 0 ? `CURRENT_TIMESTAMP(${d.now})` : 'CURRENT_TIMESTAMP';
  return storedText(c, d);
}

/** DESC's Extra. */
export function columnExtra(c: ColumnSchema): string {
  if (c.autoIncrement) return 'auto_increment';
  if (c.onUpdateNow !== undefined) return `on update CURRENT_TIMESTAMP${c.onUpdateNow > 0 ? `(${c.onUpdateNow})` : ''}`;
  return '';
}

/** One row per index column, primary key first: SHOW INDEX and information_schema.STATISTICS. */
export interface IndexColumn {
  readonly name: string;
  readonly unique: boolean;
  readonly seq: number;
  readonly column: ColumnSchema;
}

export function indexColumns(schema: TableSchema): IndexColumn[] {
  const out: IndexColumn[] = [];
  schema.primaryKey.forEach((p, i) => out.push({ name: 'PRIMARY', unique: true, seq: i + 1, column: schema.columns[p] as ColumnSchema }));
  for (const ix of schema.indexes) ix.columns.forEach((p, i) => out.push({ name: ix.name, unique: ix.unique, seq: i + 1, column: schema.columns[p] as ColumnSchema }));
  return out;
}

const q = (name: string): string => `\`${name.replace(/`/g, '``')}\``;
const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

function columnLine(c: ColumnSchema): string {
  let line = `  ${q(c.name)} ${typeText(c.type)}${c.nullable ? '' : ' NOT NULL'}`;
  if (c.autoIncrement) line += ' AUTO_INCREMENT';
  const d = c.defaultValue;
  if (d !== undefined && d !== null && typeof d === 'object') line += ` DEFAULT ${columnDefault(c) as string}`;
  else if (d !== undefined && d !== null) line += ` DEFAULT ${quote(storedText(c, d) ?? '')}`;
  else if (c.nullable && !c.autoIncrement) line += ' DEFAULT NULL';
  if (c.onUpdateNow !== undefined) line += ` ON UPDATE CURRENT_TIMESTAMP${c.onUpdateNow > 0 ? `(${c.onUpdateNow})` : ''}`;
  if (c.comment !== undefined) line += ` COMMENT ${quote(c.comment)}`;
  return line;
}

/** SHOW CREATE TABLE of a user table, as OceanBase prints its MySQL-mode tables (storage options left out). */
export function createTableText(user: UserTableAccess): string {
  const s = user.schema;
  const lines = s.columns.map(columnLine);
  const names = (cols: readonly number[]): string => cols.map((p) => q((s.columns[p] as ColumnSchema).name)).join(', ');
  if (s.primaryKey.length > 0) lines.push(`  PRIMARY KEY (${names(s.primaryKey)})`);
  for (const ix of s.indexes) lines.push(`  ${ix.unique ? 'UNIQUE KEY' : 'KEY'} ${q(ix.name)} (${names(ix.columns)})`);
  const auto = s.columns.some((c) => c.autoIncrement) && user.autoIncrementNext > 1n ? ` AUTO_INCREMENT = ${user.autoIncrementNext}` : '';
  const comment = s.comment === undefined ? '' : ` COMMENT = ${quote(s.comment)}`;
  return `CREATE TABLE ${q(s.name)} (\n${lines.join(',\n')}\n)${auto} DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci${comment}`;
}
