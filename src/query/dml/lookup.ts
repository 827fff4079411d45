/**
 * Point reads of user tables: `WHERE pk = v` (every primary key column, or every column of a unique index, equal
 * to a constant) reads the one row the key names instead of every row. The values are brought to the columns'
 * types as a write would store them; a value no column could hold falls back to the scan, and the caller applies
 * the whole WHERE to what is read, so the answer is the scan's either way.
 */
import type { Expr } from '../../../grammar/ast.js';
import type { ColumnSchema, StoredRow, StoredValue, TableSchema } from '../../engine/index.js';
import type { SqlValue } from '../../result.js';
import { compileExpr } from '../compile.js';
import { EvalFailure, type RowFn, type Scope } from '../scope.js';
import { encodeKey } from './keys.js';
import { storeValue } from './store-value.js';

/** A column of the one FROM source compared for equality with a constant, or IN a list of constants. */
export interface Equality {
  readonly column: number;
  readonly value: RowFn;
  /** `col IN (…)`: the other values (`value` is the first). */
  readonly more?: readonly RowFn[];
}

function conjuncts(e: Expr, out: Expr[]): Expr[] {
  if (e.kind === 'Binary' && e.op === 'AND') {
    conjuncts(e.left, out);
    conjuncts(e.right, out);
  } else out.push(e);
  return out;
}

/** The column `e` names in the scope's only source, if it is one. */
function sourceColumn(e: Expr, scope: Scope): number | undefined {
  const source = scope.sources[0];
  if (e.kind !== 'ColumnRef' || source === undefined || scope.sources.length !== 1 || e.schema !== undefined) return undefined;
  if (e.table !== undefined && e.table.toLowerCase() !== source.alias.toLowerCase()) return undefined;
  const i = source.table.columns.findIndex((c) => c.name.toLowerCase() === e.column.toLowerCase());
  return i < 0 ? undefined : i;
}

function constantOf(e: Expr, scope: Scope): RowFn | undefined {
  try {
    const c = compileExpr(e, scope);
    return c.constant === true ? c.fn : undefined;
  } catch (error) {
    if (error instanceof EvalFailure) return undefined;
    throw error;
  }
}

/** More values than this in an IN list are read by a scan (each one is a point read). */
const MAX_IN_KEYS = 1000;

/** `col = constant` (either way round) and `col IN (constants)` among WHERE's top-level ANDs, over a single-table scope. */
export function equalities(where: Expr | undefined, scope: Scope): Equality[] {
  if (where === undefined || scope.sources.length !== 1) return [];
  const out: Equality[] = [];
  for (const c of conjuncts(where, [])) {
    if (c.kind === 'In' && !c.not && c.list.length > 0 && c.list.length <= MAX_IN_KEYS) {
      const column = sourceColumn(c.expr, scope);
      if (column === undefined || out.some((q) => q.column === column)) continue;
      const values = c.list.map((e) => constantOf(e, scope));
      if (values.every((v): v is RowFn => v !== undefined)) out.push({ column, value: values[0] as RowFn, more: values.slice(1) });
      continue;
    }
    if (c.kind !== 'Binary' || c.op !== '=') continue;
    const left = sourceColumn(c.left, scope);
    const right = left === undefined ? sourceColumn(c.right, scope) : undefined;
    const column = left ?? right;
    if (column === undefined || out.some((q) => q.column === column)) continue;
    const value = constantOf(left === undefined ? c.left : c.right, scope);
    if (value !== undefined) out.push({ column, value });
  }
  return out;
}

/** How a point read reaches rows: by primary key, and from a unique key to its row's primary key. */
export interface KeyedReads {
  get(key: string): StoredRow | undefined;
  unique(index: string, key: string): string | undefined;
}

/** The key of `positions` from the equalities' values, or undefined when one is missing or no column can hold it. */
function keyFrom(schema: TableSchema, positions: readonly number[], values: ReadonlyMap<number, SqlValue>, zone: string | undefined): string | undefined {
  if (positions.length === 0 || !positions.every((p) => values.has(p))) return undefined;
  const row: StoredValue[] = new Array<StoredValue>(schema.columns.length).fill(null);
  try {
    for (const p of positions) {
      const c = schema.columns[p] as ColumnSchema;
      const v = values.get(p) ?? null;
      if (v === null) return undefined;
      row[p] = storeValue({ ...c, nullable: true }, v, { column: c.name, row: 1 }, zone);
    }
  } catch (error) {
    if (error instanceof EvalFailure) return undefined;
    throw error;
  }
  return encodeKey(schema, positions, row);
}

/**
 * The rows (with their keys, in key order) the equalities single out, or undefined when they name no whole key.
 * One IN list over a key column reads one row per value; a key of several columns takes plain equalities only.
 */
export function pointRead(reads: KeyedReads, schema: TableSchema, equal: readonly Equality[], zone: string | undefined): [string, StoredRow][] | undefined {
  if (equal.length === 0) return undefined;
  const list = equal.find((q) => q.more !== undefined);
  if (list !== undefined) {
    const keyed = [schema.primaryKey, ...schema.indexes.filter((i) => i.unique).map((i) => i.columns)].some((cols) => cols.length === 1 && cols[0] === list.column);
    if (!keyed) return undefined;
    const found = new Map<string, StoredRow>();
    for (const value of [list.value, ...(list.more ?? [])]) {
      const rows = pointRead(reads, schema, [{ column: list.column, value }], zone);
      if (rows === undefined) return undefined;
      for (const [k, row] of rows) found.set(k, row);
    }
    return [...found].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  const values = new Map<number, SqlValue>();
  for (const q of equal) values.set(q.column, q.value([], []));
  const one = (key: string | undefined): [string, StoredRow][] => {
    const row = key === undefined ? undefined : reads.get(key);
    return row === undefined || key === undefined ? [] : [[key, row]];
  };
  const pk = keyFrom(schema, schema.primaryKey, values, zone);
  if (pk !== undefined) return one(pk);
  for (const ix of schema.indexes) {
    if (!ix.unique) continue;
    const key = keyFrom(schema, ix.columns, values, zone);
    if (key !== undefined) return one(reads.unique(ix.name, key));
  }
  return undefined;
}
