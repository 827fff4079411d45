/**
 * Compiles an AST expression into a typed closure over the joined row, resolving names once: columns to row
 * positions, functions to their implementations, aggregates to slots. MySQL's typing and NULL rules live in
 * operators.ts and functions.ts; this file dispatches on `kind`.
 */
import type { Expr } from '../../grammar/ast.js';
import { obError, obErrorWith } from '../errors.js';
import { Decimal, type SqlValue } from '../result.js';
import { parseDecimal } from './decimal-math.js';
import { compileFunction } from './functions.js';
import { compileBinary, compileUnary } from './operators.js';
import { compileBetween, compileCase, compileIn, compileIsBool, compileIsNull, compileLike } from './predicates.js';
import { compileCast } from './cast.js';
import { compileInterval } from './interval.js';
import { compileSystemVariable } from './sysvar-read.js';
import { derive, EvalFailure, fail, MAX_DEPTH, type Compiled, type Scope } from './scope.js';
import { compileExists, compileInSubquery, compileScalarSubquery } from './subquery.js';
import { BIGINT, bigintOf, decimal, DOUBLE, typeOfValue, varchar } from './types.js';

const MAX_BIGINT = 2n ** 63n - 1n;

export function constant(value: SqlValue, type = typeOfValue(value)): Compiled {
  return { type, nullable: value === null, fn: () => value, constant: true };
}

/** Compiles `e` in `scope`, or throws EvalFailure with OceanBase's error. */
export function compileExpr(e: Expr, scope: Scope): Compiled {
  if (scope.depth > MAX_DEPTH) fail(obError('OB_STACK_OVERFLOW'));
  const inner = derive(scope, { depth: scope.depth + 1 });
  switch (e.kind) {
    case 'StringLiteral':
      return constant(e.value, varchar(e.value.length));
    case 'NumberLiteral':
      return numberLiteral(e.text);
    case 'NullLiteral':
      return { type: bigintOf(1), nullable: true, fn: () => null, constant: true };
    case 'BoolLiteral':
      return constant(e.value ? 1n : 0n, bigintOf(1));
    case 'ColumnRef':
      return compileColumn(e, scope);
    case 'SystemVariable':
      return compileSystemVariable(e.scope, e.name, scope.ctx);
    case 'UserVariable': {
      const v = scope.ctx.userVariables.get(e.name.toLowerCase()) ?? null;
      return v === null ? { type: varchar(0), nullable: true, fn: () => null, constant: true } : constant(v);
    }
    case 'Parameter': {
      const v = scope.ctx.params?.[e.index];
      // Without bound values (COM_STMT_PREPARE) a parameter is declared as a nullable string, as MySQL does.
      if (v === undefined) return { type: varchar(0), nullable: true, fn: () => null, constant: true };
      const slots = scope.ctx.paramSlots;
      if (slots === undefined) return constant(v);
      // A plan to keep reads the value of each run (param-slots.ts); its type is the plan's key.
      const index = e.index;
      return { type: typeOfValue(v), nullable: v === null, fn: () => slots.read(index), constant: true };
    }
    case 'Unary': {
      const x = compileExpr(e.operand, inner);
      return constantIf(compileUnary(e, x, scope), x.constant === true);
    }
    case 'Binary': {
      if (e.right.kind === 'Interval' || e.left.kind === 'Interval') return compileInterval(e, inner, compileExpr);
      const l = compileExpr(e.left, inner);
      const r = compileExpr(e.right, inner);
      return constantIf(compileBinary(e, l, r, scope), l.constant === true && r.constant === true);
    }
    case 'In':
      return compileIn(e.not, compileExpr(e.expr, inner), e.list.map((x) => compileExpr(x, inner)), scope);
    case 'Like':
      return compileLike(e, inner, compileExpr);
    case 'IsNull':
      return compileIsNull(compileExpr(e.expr, inner), e.not);
    case 'IsBool':
      return compileIsBool(compileExpr(e.expr, inner), e.value, e.not, scope);
    case 'Between':
      return compileBetween(e.not, compileExpr(e.expr, inner), compileExpr(e.low, inner), compileExpr(e.high, inner), scope);
    case 'FunctionCall':
      return compileFunction(e, inner, compileExpr);
    case 'Case':
      return compileCase(e, inner, compileExpr);
    case 'Cast':
      return compileCast(e, compileExpr(e.expr, inner), scope);
    case 'Interval':
      return fail(obErrorWith('OB_NOT_SUPPORTED', 'INTERVAL outside date arithmetic'));
    case 'Subquery':
      return compileScalarSubquery(e.query, inner);
    case 'Exists':
      return compileExists(e.query, inner);
    case 'InSubquery':
      return compileInSubquery(compileExpr(e.expr, inner), e.query, e.not, inner);
  }
}

/** Marks an operator over constants as constant (ROUND(d, -1) needs its -1 at compile time for the scale). */
function constantIf(c: Compiled, yes: boolean): Compiled {
  return yes && !c.constant ? { ...c, constant: true } : c;
}

/** DECIMAL's largest precision: a literal with more digits is a DOUBLE, as in MySQL (and BigInt of it is quadratic). */
const MAX_DECIMAL_DIGITS = 65;

function numberLiteral(text: string): Compiled {
  if (significantDigits(text) > MAX_DECIMAL_DIGITS) {
    const n = Number(text);
    return constant(Number.isFinite(n) ? n : 0, DOUBLE);
  }
  if (/^\d+$/.test(text)) {
    const n = BigInt(text);
    if (n <= MAX_BIGINT) return constant(n, bigintOf(text.replace(/^0+(?=\d)/, '').length));
    return constant(new Decimal(n, 0), decimal(text.length, 0));
  }
  if (/^\d*\.\d*$/.test(text)) {
    const d = parseDecimal(text);
    if (d) return constant(d, decimal(Math.max(text.length - 1, 1), d.scale));
  }
  const n = Number(text);
  return constant(Number.isFinite(n) ? n : 0, DOUBLE);
}

/** Digits of a number literal without leading zeros or an exponent. */
function significantDigits(text: string): number {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65 || c === 0x45) break; // e, E
    if (c < 0x30 || c > 0x39) continue;
    if (leading && c === 0x30) continue;
    leading = false;
    digits++;
  }
  return digits;
}

function compileColumn(e: Extract<Expr, { kind: 'ColumnRef' }>, scope: Scope): Compiled {
  const name = e.column.toLowerCase();
  const alias = e.table === undefined ? scope.aliases?.get(name) : undefined;
  if (alias && scope.aliasFirst) return compileExpr(alias, derive(scope, { aliases: undefined, depth: scope.depth + 1 }));
  const matches: Compiled[] = [];
  for (const s of scope.sources) {
    if (e.table !== undefined && s.alias.toLowerCase() !== e.table.toLowerCase()) continue;
    if (e.schema !== undefined && s.schema.toLowerCase() !== e.schema.toLowerCase()) continue;
    const i = s.table.columns.findIndex((c) => c.name.toLowerCase() === name);
    const def = s.table.columns[i];
    if (i < 0 || !def) continue;
    const at = s.offset + i;
    matches.push({ type: def.type, nullable: def.nullable || s.outer, fn: (row) => row[at] ?? null });
  }
  if (matches.length > 1) fail(obErrorWith('OB_NON_UNIQ_ERROR', e.column, scope.clause));
  const [only] = matches;
  if (only) return only;
  if (alias) return compileExpr(alias, derive(scope, { aliases: undefined, depth: scope.depth + 1 }));
  const outer = scope.outer;
  if (outer !== undefined) {
    const found = outerColumn(e, outer.scope);
    if (found !== undefined) {
      outer.used = true;
      const f = found.fn;
      const cell = outer;
      return { type: found.type, nullable: true, fn: () => f(cell.cell.row, cell.cell.aggs) };
    }
  }
  const written = [e.schema, e.table, e.column].filter((x) => x !== undefined).join('.');
  return fail(obErrorWith('OB_ERR_BAD_FIELD_ERROR', written, scope.clause));
}

/** A column of an enclosing query (a correlated reference), or undefined when no enclosing query has it. */
function outerColumn(e: Extract<Expr, { kind: 'ColumnRef' }>, scope: Scope): Compiled | undefined {
  try {
    return compileColumn(e, scope);
  } catch (err) {
    if (err instanceof EvalFailure && err.error.errno === 1054) return undefined;
    throw err;
  }
}

export { BIGINT };
