/**
 * The compile-time world of an expression: which FROM items are visible at which row offsets, which clause it
 * sits in (for error texts), and whether aggregates may appear. Compiled expressions are closures over a flat row.
 */
import type { Expr, QueryExpression } from '../../grammar/ast.js';
import type { ObError } from '../errors.js';
import type { ColumnDef, SqlType, SqlValue } from '../result.js';
import type { EvalContext, Table } from './catalog.js';

/** Thrown inside the evaluator only, caught at its public entry points and returned as a value. */
export class EvalFailure {
  constructor(readonly error: ObError) {}
}

export function fail(error: ObError): never {
  throw new EvalFailure(error);
}

/**
 * compile.ts's compileExpr, passed to the compilers of compound expressions (functions, LIKE, CASE, INTERVAL) so
 * that they recurse without importing compile.ts, which imports them.
 */
export type CompileExpr = (e: Expr, scope: Scope) => Compiled;

/** A compiled expression: its declared type and nullability, and how to compute it from a row. */
export interface Compiled {
  readonly type: SqlType;
  readonly nullable: boolean;
  readonly fn: RowFn;
  /** Set when the value depends on nothing in the row (literals, @@vars, NOW()). */
  readonly constant?: boolean;
}

/** `row` is the joined FROM row; `aggs` the finished aggregate values of the row's group. */
export type RowFn = (row: readonly SqlValue[], aggs: readonly SqlValue[]) => SqlValue;

export interface SourceRef {
  /** The table's own name and schema, for column definitions. */
  readonly table: Table;
  readonly schema: string;
  /** The alias, or the table name when there is none; matched case-insensitively. */
  readonly alias: string;
  /** Position of the table's first column in the joined row. */
  readonly offset: number;
  /** True on the inner side of a LEFT JOIN: every column may be NULL. */
  readonly outer: boolean;
}

export type AggName = 'COUNT' | 'SUM' | 'AVG' | 'MAX' | 'MIN';

export interface AggSlot {
  readonly name: AggName;
  /** Undefined for COUNT(*). */
  readonly arg: Compiled | undefined;
  readonly distinct: boolean;
  readonly type: SqlType;
}

export interface Scope {
  readonly ctx: EvalContext;
  readonly sources: readonly SourceRef[];
  /** MySQL's clause name in 1054 texts: 'field list', 'where clause', 'order clause', … */
  readonly clause: string;
  /** Present where aggregates are allowed; each aggregate met is appended. */
  readonly aggs?: AggSlot[];
  /** Select-list aliases an unqualified name may mean here (ORDER BY, HAVING, GROUP BY). */
  readonly aliases?: ReadonlyMap<string, Expr>;
  /** When true the alias wins over a column of the same name (ORDER BY, HAVING); GROUP BY prefers columns. */
  readonly aliasFirst?: boolean;
  readonly depth: number;
  /** Compiles a nested query (subquery, derived table, CTE) in this scope; absent where none may appear. */
  readonly queries?: QueryCompiler;
  /** Set inside a subquery: the enclosing query's scope, whose columns a correlated reference reads. */
  readonly outer?: OuterLink;
  /** Common table expressions visible here, by lower-case name. */
  readonly ctes?: ReadonlyMap<string, CteBinding>;
}

/** A nested query ready to run: its result columns and a function giving its rows (read again on every call). */
export interface CompiledQuery {
  readonly defs: readonly ColumnDef[];
  run(): readonly (readonly SqlValue[])[];
}

export type QueryCompiler = (query: QueryExpression, scope: Scope) => CompiledQuery;

/**
 * How a subquery reads its enclosing query's row: the enclosing expression stores the row it is evaluated for in
 * `cell` before running the subquery, and `used` records that the subquery is correlated (so its answer may not be
 * computed once and kept).
 */
export interface OuterLink {
  readonly scope: Scope;
  cell: { row: readonly SqlValue[]; aggs: readonly SqlValue[] };
  used: boolean;
}

/** A CTE as a FROM item sees it: its columns, and its rows when read. */
export interface CteBinding {
  readonly name: string;
  readonly defs: readonly ColumnDef[];
  rows(): readonly (readonly SqlValue[])[];
}

/**
 * `scope` with some fields replaced. Spelled out field by field because it runs for every expression node, and an
 * object spread followed by more properties (`{ ...scope, depth }`) costs microseconds per copy on Node 20's V8
 * (measured on the 2-core bench machine), where a literal of the same fields costs nanoseconds. A field named in
 * `changes` wins even when its value is undefined, as with a spread.
 */
export function derive(scope: Scope, changes: Partial<Scope>): Scope {
  return {
    ctx: changes.ctx ?? scope.ctx,
    sources: changes.sources ?? scope.sources,
    clause: changes.clause ?? scope.clause,
    aggs: 'aggs' in changes ? changes.aggs : scope.aggs,
    aliases: 'aliases' in changes ? changes.aliases : scope.aliases,
    aliasFirst: 'aliasFirst' in changes ? changes.aliasFirst : scope.aliasFirst,
    depth: changes.depth ?? scope.depth,
    queries: 'queries' in changes ? changes.queries : scope.queries,
    outer: 'outer' in changes ? changes.outer : scope.outer,
    ctes: 'ctes' in changes ? changes.ctes : scope.ctes,
  };
}

/** Deeper nesting than this is refused rather than risking the stack. */
export const MAX_DEPTH = 400;
