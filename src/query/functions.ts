/**
 * Function calls: the built-in table (matched case-insensitively, arity checked with 1582), and aggregates,
 * which become slots filled per group. Unknown names give 1305 `FUNCTION x does not exist`.
 */
import type { Expr } from '../../grammar/ast.js';
import { obError, obErrorWith } from '../errors.js';
import { aggregateType } from './aggregates.js';
import { CONTROL_FUNCTIONS } from './fn-control.js';
import type { FnDef } from './fn-def.js';
import { NUMERIC_FUNCTIONS } from './fn-numeric.js';
import { SESSION_FUNCTIONS } from './fn-session.js';
import { STRING_FUNCTIONS } from './fn-string.js';
import { TIME_FUNCTIONS } from './fn-time.js';
import { derive, fail, type AggName, type CompileExpr, type Compiled, type Scope } from './scope.js';

const AGGREGATES: ReadonlySet<string> = new Set<AggName>(['COUNT', 'SUM', 'AVG', 'MAX', 'MIN']);

const BUILTINS: ReadonlyMap<string, FnDef> = new Map(
  Object.entries({ ...CONTROL_FUNCTIONS, ...STRING_FUNCTIONS, ...NUMERIC_FUNCTIONS, ...TIME_FUNCTIONS, ...SESSION_FUNCTIONS }),
);

export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name.toUpperCase());
}

export function compileFunction(e: Extract<Expr, { kind: 'FunctionCall' }>, scope: Scope, compileExpr: CompileExpr): Compiled {
  const name = e.name.toUpperCase();
  if (AGGREGATES.has(name)) return compileAggregate(name as AggName, e, scope, compileExpr);
  const def = BUILTINS.get(name);
  if (!def) return fail(obErrorWith('OB_ERR_FUNCTION_UNKNOWN', 'FUNCTION', e.name));
  if (e.star || e.distinct) return fail(obErrorWith('OB_NOT_SUPPORTED', `${name}(${e.star ? '*' : 'DISTINCT'})`));
  if (e.args.length < def.min || e.args.length > def.max) fail(obErrorWith('OB_ERR_PARAM_SIZE', e.name));
  return def.compile(
    e.args.map((a) => compileExpr(a, scope)),
    scope,
  );
}

function compileAggregate(name: AggName, e: Extract<Expr, { kind: 'FunctionCall' }>, scope: Scope, compileExpr: CompileExpr): Compiled {
  const slots = scope.aggs;
  if (!slots) return fail(obError('OB_ERR_INVALID_GROUP_FUNC_USE'));
  if (e.star && name !== 'COUNT') fail(obErrorWith('OB_NOT_SUPPORTED', `${name}(*)`));
  if (!e.star && e.args.length !== 1) {
    if (name === 'COUNT' && e.distinct && e.args.length > 1) fail(obErrorWith('OB_NOT_SUPPORTED', 'COUNT(DISTINCT with several expressions)'));
    fail(obErrorWith('OB_ERR_PARAM_SIZE', e.name));
  }
  // The argument is computed per source row, where a nested aggregate is an error.
  const inner = derive(scope, { aggs: undefined, aliases: undefined, depth: scope.depth + 1 });
  const arg = e.star ? undefined : compileExpr(e.args[0]!, inner);
  const type = aggregateType(name, arg);
  const index = slots.length;
  slots.push({ name, arg, distinct: e.distinct, type });
  return { type, nullable: name !== 'COUNT', fn: (_row, aggs) => aggs[index] ?? null };
}
