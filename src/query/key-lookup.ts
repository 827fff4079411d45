/**
 * `WHERE keycol = value [AND …]` over one table that offers its rows by key (Table.keyLookup): read the row the
 * key names instead of every row, as an index lookup does. The plan notes the equalities when they cover a whole
 * key (the primary key or a unique index, either operand order, a constant or a `?` on the other side; or an IN
 * list of them over a one-column key); each run
 * evaluates their values afresh, so a kept plan holds no value of a run (plan-cache.ts), and converts them to
 * the key's columns only where that is exact (dml/exact-key.ts), else the run scans. The whole WHERE still
 * applies to the row read, so the answer is the scan's: the key's own conjuncts hold for it again, the rest filter.
 */
import { InvariantError } from '../errors.js';
import type { TableSchema } from '../engine/index.js';
import type { SqlValue } from '../result.js';
import type { Table } from './catalog.js';
import { equalities, keysNamed, type Equality } from './dml/lookup.js';
import type { Scope } from './scope.js';

/** The plan's half of a lookup: the `column = value` conjuncts of WHERE, values as functions of nothing. */
export interface KeyProbe {
  readonly equal: readonly Equality[];
}

/** Whether every column of some key of `schema` is among `columns`. */
function coversKey(schema: TableSchema, columns: ReadonlySet<number>): boolean {
  const keys = [schema.primaryKey, ...schema.indexes.filter((ix) => ix.unique).map((ix) => ix.columns)];
  return keys.some((key) => key.length > 0 && key.every((c) => columns.has(c)));
}

/**
 * The lookup for a statement reading the scope's one table, or undefined when the general path reads it: the
 * table must offer keyLookup and WHERE's top-level ANDs must equate every column of one of its keys to a value.
 */
export function keyProbeOf(where: Parameters<typeof equalities>[0], scope: Scope): KeyProbe | undefined {
  const source = scope.sources[0];
  const lookup = source?.table.keyLookup;
  if (scope.sources.length !== 1 || lookup === undefined) return undefined;
  const equal = equalities(where, scope);
  return coversKey(lookup.schema, new Set(equal.map((q) => q.column))) ? { equal } : undefined;
}

/**
 * The rows the probe names in the running statement's `table` (at most one per key, in the order of its rows),
 * or undefined when a value does not convert exactly to its key column, and the table must be scanned.
 */
export function lookupRows(probe: KeyProbe, table: Table, zone: string | undefined): readonly (readonly SqlValue[])[] | undefined {
  const lookup = table.keyLookup;
  if (lookup === undefined) throw new InvariantError(`${table.name} does not offer rows by key`);
  const named = keysNamed(lookup.schema, probe.equal, zone);
  return named === undefined ? undefined : lookup.rows(named.index, named.keys);
}
