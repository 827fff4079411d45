/**
 * SELECT and the other queries: a plain SELECT runs over the plan plan.ts builds (and plan-cache.ts keeps); a query
 * with UNION, WITH, derived tables or subqueries goes through query.ts. Errors come back as values, never thrown.
 */
import type { QueryExpression } from '../../grammar/ast.js';
import { obErrorWith, type ObError } from '../errors.js';
import type { ColumnDef, ResultSet, SqlValue } from '../result.js';
import type { Catalog, EvalContext } from './catalog.js';
import { withInformationSchema } from './information-schema/index.js';
import { hasNestedQuery } from './nested.js';
import type { Plan } from './plan.js';
import { planSelect } from './plan-cache.js';
import { rootScope } from './query.js';
import { runPlan, NO_AGGS, NO_ROW } from './run-plan.js';
import { EvalFailure } from './scope.js';

/** Runs the SELECT over the catalog's tables. */
export function evaluateSelect(stmt: QueryExpression, catalog: Catalog, ctx: EvalContext): ResultSet | ObError {
  return evaluateOver(stmt, withInformationSchema(catalog, ctx), ctx);
}

/**
 * The same over a catalog that answers information_schema itself: a copy of the tables a statement reads, made
 * for a query worker (session/query-offload.ts), where the copy already holds information_schema's rows.
 */
export function evaluateOver(stmt: QueryExpression, catalog: Catalog, ctx: EvalContext): ResultSet | ObError {
  try {
    if (stmt.kind === 'Union' || hasNestedQuery(stmt)) {
      const scope = rootScope(catalog, ctx);
      const query = scope.queries?.(stmt, scope);
      return query === undefined ? obErrorWith('OB_NOT_SUPPORTED', 'Query') : { columns: query.defs, rows: query.run() };
    }
    const { plan, tables } = planSelect(stmt, catalog, ctx);
    return { columns: plan.defs, rows: plan.constantRow ? constantRows(plan) : runPlan(plan, tables, stmt.distinct, ctx) };
  } catch (e) {
    return caught(e);
  }
}

/**
 * The one frozen row of a constant plan, computed on its first run and kept with the plan (not when the plan is
 * built: COM_STMT_PREPARE builds it too, and an expression that fails, as 9223372036854775807 + 1 does, fails when
 * executed, not when prepared). Frozen, so the wire keeps its encoding (row-cache.ts).
 */
const constantAnswers = new WeakMap<Plan, readonly (readonly SqlValue[])[]>();

function constantRows(plan: Plan): readonly (readonly SqlValue[])[] {
  let rows = constantAnswers.get(plan);
  if (rows === undefined) {
    rows = Object.freeze([Object.freeze(plan.project.map((p) => p(NO_ROW, NO_AGGS)))]);
    constantAnswers.set(plan, rows);
  }
  return rows;
}

/** The result columns without running the query (COM_STMT_PREPARE), or the error the statement would give. */
export function describeSelect(stmt: QueryExpression, catalog: Catalog, ctx: EvalContext): readonly ColumnDef[] | ObError {
  return guard(() => {
    if (stmt.kind === 'Select' && !hasNestedQuery(stmt)) return planSelect(stmt, withInformationSchema(catalog, ctx), ctx).plan.defs;
    const scope = rootScope(withInformationSchema(catalog, ctx), ctx);
    return scope.queries?.(stmt, scope).defs ?? [];
  });
}

export function guard<T>(body: () => T): T | ObError {
  try {
    return body();
  } catch (e) {
    return caught(e);
  }
}

/** An evaluation failure as the error it reports; anything else is a broken invariant and goes on up. */
function caught(e: unknown): ObError {
  if (e instanceof EvalFailure) return e.error;
  // A JavaScript stack overflow from pathological input is reported, not thrown, like OceanBase's own guard.
  if (e instanceof RangeError) return obErrorWith('OB_NOT_SUPPORTED', 'Expression this deep');
  throw e;
}

