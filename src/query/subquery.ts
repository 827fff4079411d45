/**
 * Subqueries as expressions: a scalar `(SELECT …)`, `EXISTS (SELECT …)` and `x [NOT] IN (SELECT …)`, with MySQL's
 * NULL rules. The nested query is compiled once through the scope's QueryCompiler, with a link to this scope so
 * that a correlated column reads the row being evaluated; an uncorrelated subquery runs once per statement and its
 * answer is kept for the rest of the statement (the plan that holds it is never kept past the statement).
 */
import type { QueryExpression } from '../../grammar/ast.js';
import { obError, obErrorWith } from '../errors.js';
import type { SqlValue } from '../result.js';
import { derive, fail, type Compiled, type CompiledQuery, type OuterLink, type Scope } from './scope.js';
import { compareValues } from './values.js';

type Rows = readonly (readonly SqlValue[])[];

const BOOL = { base: 'bigint', width: 1, unsigned: false } as const;

/** The nested query compiled under `scope`, and how to run it for one row of `scope`. */
function nested(query: QueryExpression, scope: Scope): { compiled: CompiledQuery; rowsFor: (row: readonly SqlValue[], aggs: readonly SqlValue[]) => Rows } {
  const queries = scope.queries;
  if (queries === undefined) return fail(obErrorWith('OB_NOT_SUPPORTED', 'Subquery here'));
  const link: OuterLink = { scope, cell: { row: [], aggs: [] }, used: false };
  const compiled = queries(query, derive(scope, { outer: link }));
  let kept: Rows | undefined;
  const rowsFor = (row: readonly SqlValue[], aggs: readonly SqlValue[]): Rows => {
    if (kept !== undefined) return kept;
    const saved = link.cell;
    link.cell = { row, aggs };
    try {
      const rows = compiled.run();
      if (!link.used) kept = rows;
      return rows;
    } finally {
      link.cell = saved;
    }
  };
  return { compiled, rowsFor };
}

function oneColumn(compiled: CompiledQuery): void {
  if (compiled.defs.length !== 1) fail(obErrorWith('OB_ERR_INVALID_COLUMN_NUM', '1'));
}

export function compileScalarSubquery(query: QueryExpression, scope: Scope): Compiled {
  const { compiled, rowsFor } = nested(query, scope);
  oneColumn(compiled);
  const def = compiled.defs[0];
  if (def === undefined) return fail(obErrorWith('OB_ERR_INVALID_COLUMN_NUM', '1'));
  return {
    type: def.type,
    nullable: true,
    fn: (row, aggs) => {
      const rows = rowsFor(row, aggs);
      if (rows.length > 1) fail(obError('OB_SUBQUERY_TOO_MANY_ROW'));
      return rows[0]?.[0] ?? null;
    },
  };
}

export function compileExists(query: QueryExpression, scope: Scope): Compiled {
  const { rowsFor } = nested(query, scope);
  return { type: BOOL, nullable: false, fn: (row, aggs) => (rowsFor(row, aggs).length > 0 ? 1n : 0n) };
}

/**
 * `x IN (SELECT c …)`: TRUE when some c equals x; else NULL when x is NULL (and the set is not empty) or some c is
 * NULL; else FALSE. NOT IN negates, keeping NULL. Values compare as IN lists compare them (values.ts).
 */
export function compileInSubquery(x: Compiled, query: QueryExpression, not: boolean, scope: Scope): Compiled {
  const { compiled, rowsFor } = nested(query, scope);
  oneColumn(compiled);
  const zone = scope.ctx.timeZone;
  const hit = not ? 0n : 1n;
  const miss = not ? 1n : 0n;
  const xf = x.fn;
  return {
    type: BOOL,
    nullable: true,
    fn: (row, aggs) => {
      const rows = rowsFor(row, aggs);
      if (rows.length === 0) return miss;
      const v = xf(row, aggs);
      if (v === null) return null;
      let sawNull = false;
      for (const r of rows) {
        const w = r[0] ?? null;
        if (w === null) sawNull = true;
        else if (compareValues(v, w, zone) === 0) return hit;
      }
      return sawNull ? null : miss;
    },
  };
}
