/**
 * Queries with nested parts: UNION [ALL], WITH (recursive too), derived tables and subqueries. Each nested query
 * is compiled once into a CompiledQuery (its columns and a function giving its rows) through the QueryCompiler
 * that every scope of the statement carries; a correlated one reads its enclosing row through the scope's outer
 * link (subquery.ts). Plans made here bind the tables they resolve themselves and are used for one statement only:
 * plan-cache.ts never keeps a statement with nested queries.
 */
import type { QueryExpression, SelectStatement, UnionQuery, WithClause } from '../../grammar/ast.js';
import { obErrorWith } from '../errors.js';
import type { ColumnDef, SqlValue } from '../result.js';
import type { Catalog, EvalContext, Table } from './catalog.js';
import { coerceValue } from './coerce.js';
import { buildPlan } from './plan.js';
import { resolving } from './plan-cache.js';
import { fail, type CompiledQuery, type CteBinding, type QueryCompiler, type Scope } from './scope.js';
import { runPlan } from './run-plan.js';
import { scaleOf, unionType } from './types.js';
import { groupKey } from './values.js';

type Row = readonly SqlValue[];

/** OceanBase's cte_max_recursion_depth default: a recursive CTE stops with an error past this many rounds. */
const MAX_RECURSION = 1000;

/** The compiler of nested queries for one statement over `catalog`. */
export function queryCompiler(catalog: Catalog, ctx: EvalContext): QueryCompiler {
  const compile: QueryCompiler = (query, scope) => compileQuery(query, scope, catalog, ctx, compile);
  return compile;
}

/** The scope a statement's outermost query is compiled in. */
export function rootScope(catalog: Catalog, ctx: EvalContext): Scope {
  return { ctx, sources: [], clause: 'field list', depth: 0, queries: queryCompiler(catalog, ctx) };
}

function compileQuery(query: QueryExpression, scope: Scope, catalog: Catalog, ctx: EvalContext, compile: QueryCompiler): CompiledQuery {
  const inner = query.with === undefined ? scope : { ...scope, ctes: bindCtes(query.with, scope, compile) };
  return query.kind === 'Select' ? compileSelect(query, inner, catalog, ctx) : compileUnion(query, inner, compile, ctx);
}

function compileSelect(stmt: SelectStatement, scope: Scope, catalog: Catalog, ctx: EvalContext): CompiledQuery {
  const tables: Table[] = [];
  const nest = { queries: scope.queries, outer: scope.outer, ctes: scope.ctes, depth: scope.depth + 1 };
  const plan = buildPlan(stmt, resolving(catalog, (t) => (tables.push(t), t)), ctx, nest);
  return { defs: plan.defs, run: () => runPlan(plan, tables, stmt.distinct, ctx) };
}

/** The columns of a UNION: the first term's names, every term's types joined (MySQL's type aggregation). */
function unionDefs(terms: readonly CompiledQuery[]): ColumnDef[] {
  const first = terms[0]?.defs ?? [];
  for (const t of terms) if (t.defs.length !== first.length) fail(obErrorWith('OB_ERR_COLUMN_SIZE'));
  return first.map((d, i) => {
    const all = terms.map((t) => t.defs[i] as ColumnDef);
    return { name: d.name, type: unionType(all.map((x) => x.type)), nullable: all.some((x) => x.nullable) };
  });
}

function compileUnion(q: UnionQuery, scope: Scope, compile: QueryCompiler, ctx: EvalContext): CompiledQuery {
  const terms = q.terms.map((t) => compile(t, scope));
  const defs = unionDefs(terms);
  const lastDistinct = q.all.lastIndexOf(false);
  const zone = ctx.timeZone;
  const coerce = (row: Row, from: readonly ColumnDef[]): Row => defs.map((d, i) => coerceValue(row[i] ?? null, d.type, scaleOf((from[i] as ColumnDef).type), zone));
  const rowsOf = (): Row[] => {
    let out: Row[] = [];
    terms.forEach((t, i) => {
      for (const r of t.run()) out.push(coerce(r, t.defs));
      // A DISTINCT UNION removes duplicates from everything to its left (MySQL folds unions left to right); with
      // none (all UNION ALL) nothing is removed, not even from the first term.
      if (lastDistinct >= 0 && i === lastDistinct + 1) out = distinctRows(out);
    });
    return out;
  };
  if (q.orderBy.length === 0 && q.limit === undefined) return { defs, run: rowsOf };
  // ORDER BY / LIMIT of the whole union: a SELECT * over the union's rows, so names and positions resolve as usual.
  const binding: CteBinding = { name: 'union', defs, rows: rowsOf };
  const outer: SelectStatement = {
    kind: 'Select',
    distinct: false,
    items: [{ kind: 'Star' }],
    from: [{ kind: 'Table', table: { name: ' union' } }],
    groupBy: [],
    orderBy: q.orderBy,
    ...(q.limit === undefined ? {} : { limit: q.limit }),
  };
  const ctes = new Map(scope.ctes ?? []);
  ctes.set(' union', binding);
  const wrapped = compile(outer, { ...scope, ctes });
  return { defs, run: () => wrapped.run() };
}

export function distinctRows(rows: readonly Row[]): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const r of rows) {
    const key = r.map(groupKey).join('\u0001');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** Binds each CTE of `w` in order (a later one may read an earlier one), over the scope's outer CTEs. */
function bindCtes(w: WithClause, scope: Scope, compile: QueryCompiler): ReadonlyMap<string, CteBinding> {
  const ctes = new Map(scope.ctes ?? []);
  for (const cte of w.ctes) {
    const key = cte.name.toLowerCase();
    const here = { ...scope, ctes: new Map(ctes) };
    const binding = w.recursive && refersTo(cte.query, key) ? recursiveCte(cte.name, cte.query, cte.columns, here, compile) : plainCte(cte.name, cte.query, cte.columns, here, compile);
    ctes.set(key, binding);
  }
  return ctes;
}

function renamed(defs: readonly ColumnDef[], columns: readonly string[] | undefined): ColumnDef[] {
  if (columns === undefined) return defs.map((d) => ({ name: d.name, type: d.type, nullable: d.nullable }));
  if (columns.length !== defs.length) fail(obErrorWith('OB_ERR_COLUMN_SIZE'));
  return defs.map((d, i) => ({ name: columns[i] as string, type: d.type, nullable: d.nullable }));
}

function plainCte(name: string, query: QueryExpression, columns: readonly string[] | undefined, scope: Scope, compile: QueryCompiler): CteBinding {
  const compiled = compile(query, scope);
  return { name, defs: renamed(compiled.defs, columns), rows: () => compiled.run() };
}

/**
 * WITH RECURSIVE c AS (anchor UNION [ALL] step): the anchor's rows, then the step's rows over the previous round's
 * new rows, until a round adds none. UNION (DISTINCT) drops rows already produced.
 */
function recursiveCte(name: string, query: QueryExpression, columns: readonly string[] | undefined, scope: Scope, compile: QueryCompiler): CteBinding {
  if (query.kind !== 'Union') return plainCte(name, query, columns, scope, compile);
  const anchor = compile(query.terms[0] as QueryExpression, scope);
  const defs = renamed(anchor.defs, columns);
  let working: readonly Row[] = [];
  const self: CteBinding = { name, defs, rows: () => working };
  const ctes = new Map(scope.ctes ?? []);
  ctes.set(name.toLowerCase(), self);
  const steps = query.terms.slice(1).map((t) => compile(t, { ...scope, ctes }));
  for (const s of steps) if (s.defs.length !== defs.length) fail(obErrorWith('OB_ERR_COLUMN_SIZE'));
  const distinct = query.all.includes(false);
  return {
    name,
    defs,
    rows() {
      let all: Row[] = [...anchor.run()];
      if (distinct) all = distinctRows(all);
      const seen = new Set(all.map((r) => r.map(groupKey).join('\u0001')));
      let fresh: readonly Row[] = all;
      for (let round = 0; fresh.length > 0; round++) {
        if (round >= MAX_RECURSION) fail(obErrorWith('OB_NOT_SUPPORTED', `Recursive query aborted after ${MAX_RECURSION + 1} iterations`));
        working = fresh;
        const next: Row[] = [];
        for (const s of steps) {
          for (const r of s.run()) {
            if (distinct) {
              const key = r.map(groupKey).join('\u0001');
              if (seen.has(key)) continue;
              seen.add(key);
            }
            next.push(r);
          }
        }
        all.push(...next);
        fresh = next;
      }
      working = [];
      return all;
    },
  };
}

/** Whether `query` names table `name` (unqualified) anywhere in its FROM clauses, nested queries included. */
function refersTo(query: unknown, name: string): boolean {
  if (query === null || typeof query !== 'object') return false;
  if (Array.isArray(query)) return query.some((x) => refersTo(x, name));
  const o = query as Record<string, unknown>;
  if (o.kind === 'Table' && typeof o.table === 'object' && o.table !== null) {
    const t = o.table as { schema?: string; name: string };
    if (t.schema === undefined && t.name.toLowerCase() === name) return true;
  }
  return Object.values(o).some((v) => refersTo(v, name));
}
