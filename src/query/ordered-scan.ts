/**
 * `ORDER BY <unique key> [DESC] LIMIT n` over one table that offers its rows in key order (Table.keyOrder): walk
 * them forwards or backwards and stop after OFFSET + LIMIT matches, as an index scan does, instead of reading every
 * row into the TopN heap. The key is unique and non-null, so the order has no ties and the rows are exactly those
 * the general path picks; any other shape is left to it.
 *
 * Errors: the only error a WHERE can raise on one row and not another is BIGINT overflow (1690) in arithmetic over
 * the row. The general path evaluates WHERE on every row and would report it for a row this scan never reaches.
 * MySQL and OceanBase evaluate the filter only on the rows their index scan reads before LIMIT is met, so a query
 * that fails on a row beyond the answer does not fail there either; the early stop follows them. A row the scan
 * does read fails the same way on both paths (the message names the expression, not the row).
 */
import type { Expr, SelectStatement } from '../../grammar/ast.js';
import type { SqlValue } from '../result.js';
import { InvariantError } from '../errors.js';
import type { Table } from './catalog.js';
import type { RowFn, SourceRef } from './scope.js';
import { truth } from './values.js';

/** The plan's half of the scan; the rows come from the statement's table when it runs (scanInKeyOrder). */
export interface KeyScan {
  /** The key column, as the table offered it when the plan was made. */
  readonly column: number;
  readonly desc: boolean;
}

/**
 * The key-ordered scan for `stmt`, or undefined when the statement needs the general path: it must read one table
 * offering keyOrder, without grouping, aggregates, HAVING or DISTINCT, with a LIMIT and exactly one ORDER BY item
 * that is a plain column reference to the key column (`job_id`, or qualified by the table's alias or name).
 */
export function keyScanOf(stmt: SelectStatement, sources: readonly SourceRef[], grouped: boolean): KeyScan | undefined {
  if (stmt.limit === undefined || stmt.distinct || grouped || stmt.orderBy.length !== 1 || stmt.from.length !== 1) return undefined;
  const [source] = sources;
  if (stmt.from[0]?.kind !== 'Table' || sources.length !== 1 || source === undefined) return undefined;
  const keyOrder = source.table.keyOrder;
  const order = stmt.orderBy[0];
  if (keyOrder === undefined || order === undefined) return undefined;
  let e = order.expr;
  // An unqualified name that is also a select-list alias means the aliased expression in ORDER BY (the last alias
  // of that name, as select.ts collects them); follow it one step, as name resolution does.
  if (e.kind === 'ColumnRef' && e.table === undefined && e.schema === undefined) {
    const name = e.column.toLowerCase();
    let aliased: Expr | undefined;
    for (const it of stmt.items) if (it.kind === 'ExprItem' && it.alias?.toLowerCase() === name) aliased = it.expr;
    if (aliased !== undefined) e = aliased;
  }
  if (e.kind !== 'ColumnRef' || e.schema !== undefined) return undefined;
  if (e.table !== undefined && e.table.toLowerCase() !== source.alias.toLowerCase()) return undefined;
  const name = e.column.toLowerCase();
  const at = source.table.columns.findIndex((c) => c.name.toLowerCase() === name);
  return at === keyOrder.column ? { column: at, desc: order.desc } : undefined;
}

const NO_AGGS: readonly SqlValue[] = [];

/**
 * The rows the query answers with, in order: `table`'s rows in key order, WHERE applied, `offset` matches
 * skipped, at most `limit` kept.
 */
export function scanInKeyOrder(
  scan: KeyScan,
  table: Table,
  where: RowFn | undefined,
  offset: bigint,
  limit: bigint,
  zone: string | undefined,
): (readonly SqlValue[])[] {
  const out: (readonly SqlValue[])[] = [];
  if (limit <= 0n) return out;
  if (table.keyOrder?.column !== scan.column) throw new InvariantError(`${table.name} does not offer rows in the order of column ${scan.column}`);
  const rows = table.keyOrder.rowsAscending();
  const n = rows.length;
  let skipped = 0n;
  for (let k = 0; k < n; k++) {
    const row = rows[scan.desc ? n - 1 - k : k];
    if (row === undefined) continue;
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    if (skipped < offset) {
      skipped++;
      continue;
    }
    out.push(row);
    if (BigInt(out.length) >= limit) break;
  }
  return out;
}
