/**
 * Point reads of user tables: `WHERE pk = v` (every primary key column, or every column of a unique index, equal
 * to a constant) reads the one row the key names instead of every row. The values are brought to the columns'
 * types as a write would store them, only where that is exact (exact-key.ts); any other value falls back to the
 * scan, and the caller applies the whole WHERE to what is read, so the answer is the scan's either way.
 */
import type { Expr } from '../../../grammar/ast.js';
import type { StoredRow, TableSchema } from '../../engine/index.js';
import type { SqlValue } from '../../result.js';
import { compileExpr } from '../compile.js';
import { EvalFailure, type RowFn, type Scope } from '../scope.js';
import { exactKey } from './exact-key.js';

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

/** Keys of one index (undefined: the primary key), each naming at most one row. */
export interface NamedKeys {
  readonly index: string | undefined;
  readonly keys: readonly string[];
}

/** The values of the equalities, or undefined when one fails (BIGINT overflow): the scan decides whether it fails. */
function valuesOf(equal: readonly Equality[]): Map<number, SqlValue> | undefined {
  const values = new Map<number, SqlValue>();
  try {
    for (const q of equal) values.set(q.column, q.value([], []));
  } catch (error) {
    if (error instanceof EvalFailure) return undefined;
    throw error;
  }
  return values;
}

/**
 * The keys the equalities name exactly (exact-key.ts): the first key, primary then unique indexes, whose every
 * column they equate to a value; or one IN list over a one-column key, one key per value. Undefined when they
 * name no whole key or a value does not convert exactly: the caller scans.
 */
export function keysNamed(schema: TableSchema, equal: readonly Equality[], zone: string | undefined): NamedKeys | undefined {
  if (equal.length === 0) return undefined;
  const list = equal.find((q) => q.more !== undefined);
  if (list !== undefined) {
    const keys: string[] = [];
    let index: string | undefined;
    for (const value of [list.value, ...(list.more ?? [])]) {
      // Only the list's column: a key of several columns takes plain equalities only.
      const one = keysNamed(schema, [{ column: list.column, value }], zone);
      if (one === undefined) return undefined;
      index = one.index;
      keys.push(...one.keys);
    }
    return { index, keys };
  }
  const values = valuesOf(equal);
  if (values === undefined) return undefined;
  const pk = exactKey(schema, schema.primaryKey, values, zone);
  if (pk !== undefined) return { index: undefined, keys: [pk] };
  for (const ix of schema.indexes) {
    if (!ix.unique) continue;
    const key = exactKey(schema, ix.columns, values, zone);
    if (key !== undefined) return { index: ix.name, keys: [key] };
  }
  return undefined;
}

/** The primary keys of the rows holding `named`, without repeats, in key order (the order a scan reads them in). */
export function primaryKeysOf(named: NamedKeys, unique: (index: string, key: string) => string | undefined): string[] {
  const pks = new Set<string>();
  for (const key of named.keys) {
    const pk = named.index === undefined ? key : unique(named.index, key);
    if (pk !== undefined) pks.add(pk);
  }
  return [...pks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The rows (with their keys, in key order) the equalities single out, or undefined when they name no whole key.
 * One IN list over a key column reads one row per value; a key of several columns takes plain equalities only.
 */
export function pointRead(reads: KeyedReads, schema: TableSchema, equal: readonly Equality[], zone: string | undefined): [string, StoredRow][] | undefined {
  const named = keysNamed(schema, equal, zone);
  if (named === undefined) return undefined;
  const out: [string, StoredRow][] = [];
  for (const pk of primaryKeysOf(named, (i, k) => reads.unique(i, k))) {
    const row = reads.get(pk);
    if (row !== undefined) out.push([pk, row]);
  }
  return out;
}
