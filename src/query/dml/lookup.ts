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

/** A column of the one FROM source compared for equality with a constant. */
export interface Equality {
  readonly column: number;
  readonly value: RowFn;
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

/** `col = constant` (either way round) among WHERE's top-level ANDs, over a single-table scope. */
export function equalities(where: Expr | undefined, scope: Scope): Equality[] {
  if (where === undefined || scope.sources.length !== 1) return [];
  const out: Equality[] = [];
  for (const c of conjuncts(where, [])) {
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

/** A key that names at most one row: the primary key (index undefined) or a unique index. */
export interface NamedKey {
  readonly index: string | undefined;
  readonly key: string;
}

/** The first key, primary then unique indexes, whose every column the equalities name exactly (exact-key.ts). */
export function keyNamed(schema: TableSchema, equal: readonly Equality[], zone: string | undefined): NamedKey | undefined {
  if (equal.length === 0) return undefined;
  const values = new Map<number, SqlValue>();
  try {
    for (const q of equal) values.set(q.column, q.value([], []));
  } catch (error) {
    // A value that fails (BIGINT overflow) fails the scan only on a row whose WHERE reaches it: the scan decides.
    if (error instanceof EvalFailure) return undefined;
    throw error;
  }
  const pk = exactKey(schema, schema.primaryKey, values, zone);
  if (pk !== undefined) return { index: undefined, key: pk };
  for (const ix of schema.indexes) {
    if (!ix.unique) continue;
    const key = exactKey(schema, ix.columns, values, zone);
    if (key !== undefined) return { index: ix.name, key };
  }
  return undefined;
}

/** The rows (with their keys) the equalities single out, or undefined when they name no whole key. */
export function pointRead(reads: KeyedReads, schema: TableSchema, equal: readonly Equality[], zone: string | undefined): [string, StoredRow][] | undefined {
  const named = keyNamed(schema, equal, zone);
  if (named === undefined) return undefined;
  const key = named.index === undefined ? named.key : reads.unique(named.index, named.key);
  const row = key === undefined ? undefined : reads.get(key);
  return row === undefined || key === undefined ? [] : [[key, row]];
}
