/**
 * Canonical SQL for expressions and queries (which nest in each other: subqueries, derived tables) and the lexical
 * pieces the statement printer shares: names back-quoted only when they must be, strings single-quoted with MySQL
 * escapes, and parentheses only where precedence needs them, so that parsing the output gives back the same AST.
 */
import type { BinaryOp, Expr, FromItem, QueryExpression, SelectItem, SelectStatement, WithClause } from './ast.js';
import { sameExpr } from './print-verbatim.js';
import { RESERVED } from './tokens.js';

const PLAIN_NAME =
  /^(?:[A-Za-z_$\u0080-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])(?:[A-Za-z0-9_$\u0080-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])*$/;

/** A name as SQL: bare when it lexes back to the same name, back-quoted otherwise. */
export function printName(name: string): string {
  if (PLAIN_NAME.test(name) && !RESERVED.has(name.toUpperCase())) return name;
  return '`' + name.replace(/`/g, '``') + '`';
}

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\b': '\\b',
  '\x1a': '\\Z',
};

/** A string literal in single quotes with backslash escapes (the server never sets NO_BACKSLASH_ESCAPES). */
export function printString(value: string): string {
  return "'" + value.replace(/[\\'\0\n\r\b\x1a]/g, (c) => STRING_ESCAPES[c] ?? c) + "'";
}

const BINARY_PRECEDENCE: Record<BinaryOp, number> = {
  OR: 1,
  XOR: 2,
  AND: 3,
  '=': 5,
  '<=>': 5,
  '!=': 5,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  '|': 6,
  '&': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  DIV: 10,
  '%': 10,
  '^': 11,
};

const NOT_PRECEDENCE = 4;
const PREDICATE_PRECEDENCE = 5;
const BIT_OPERAND = 6;
const PREFIX_PRECEDENCE = 12;
const PRIMARY = 13;

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'Binary':
      return BINARY_PRECEDENCE[e.op];
    case 'Unary':
      return e.op === 'NOT' ? NOT_PRECEDENCE : PREFIX_PRECEDENCE;
    case 'In':
    case 'Like':
    case 'IsNull':
    case 'IsBool':
    case 'Between':
    case 'InSubquery':
      return PREDICATE_PRECEDENCE;
    default:
      return PRIMARY;
  }
}

/** An expression as SQL, parenthesised when its precedence is below `min`. */
export function printExpr(e: Expr, min = 0): string {
  const text = printBare(e);
  return precedence(e) < min ? `(${text})` : text;
}

function not(flag: boolean): string {
  return flag ? 'NOT ' : '';
}

function printBare(e: Expr): string {
  switch (e.kind) {
    case 'StringLiteral':
      return printString(e.value);
    case 'NumberLiteral':
      return e.text;
    case 'NullLiteral':
      return 'NULL';
    case 'BoolLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'ColumnRef':
      return [e.schema, e.table, e.column].filter((p): p is string => p !== undefined).map(printName).join('.');
    case 'SystemVariable':
      return `@@${e.scope === null ? '' : `${e.scope.toLowerCase()}.`}${printName(e.name)}`;
    case 'UserVariable':
      return /^[\w$.]+$/.test(e.name) ? `@${e.name}` : `@${printString(e.name)}`;
    case 'Parameter':
      return '?';
    case 'Unary': {
      if (e.op === 'NOT') return `NOT ${printExpr(e.operand, NOT_PRECEDENCE)}`;
      const operand = printExpr(e.operand, PREFIX_PRECEDENCE);
      // `- -1`, not `--1`: keep two minus signs from reading as the start of a comment.
      return /^[-+]/.test(operand) ? `${e.op} ${operand}` : `${e.op}${operand}`;
    }
    case 'Binary': {
      const p = BINARY_PRECEDENCE[e.op];
      const rightMin = p === PREDICATE_PRECEDENCE ? BIT_OPERAND : p + 1;
      return `${printExpr(e.left, p)} ${e.op} ${printExpr(e.right, rightMin)}`;
    }
    case 'In':
      return `${printExpr(e.expr, PREDICATE_PRECEDENCE)} ${not(e.not)}IN (${e.list.map((x) => printExpr(x)).join(', ')})`;
    case 'Like': {
      const escape = e.escape === undefined ? '' : ` ESCAPE ${printExpr(e.escape, BIT_OPERAND)}`;
      return `${printExpr(e.expr, PREDICATE_PRECEDENCE)} ${not(e.not)}LIKE ${printExpr(e.pattern, BIT_OPERAND)}${escape}`;
    }
    case 'IsNull':
      return `${printExpr(e.expr, PREDICATE_PRECEDENCE)} IS ${not(e.not)}NULL`;
    case 'IsBool':
      return `${printExpr(e.expr, PREDICATE_PRECEDENCE)} IS ${not(e.not)}${e.value ? 'TRUE' : 'FALSE'}`;
    case 'Between':
      return `${printExpr(e.expr, PREDICATE_PRECEDENCE)} ${not(e.not)}BETWEEN ${printExpr(e.low, BIT_OPERAND)} AND ${printExpr(e.high, BIT_OPERAND)}`;
    case 'FunctionCall': {
      const args = e.star ? '*' : `${e.distinct ? 'DISTINCT ' : ''}${e.args.map((x) => printExpr(x)).join(', ')}`;
      return `${printFunctionName(e.name)}(${args})`;
    }
    case 'Case': {
      const operand = e.operand === undefined ? '' : ` ${printExpr(e.operand)}`;
      const whens = e.whens.map((w) => ` WHEN ${printExpr(w.when)} THEN ${printExpr(w.then)}`).join('');
      const otherwise = e.else === undefined ? '' : ` ELSE ${printExpr(e.else)}`;
      return `CASE${operand}${whens}${otherwise} END`;
    }
    case 'Cast':
      return `CAST(${printExpr(e.expr)} AS ${e.type}${e.args.length === 0 ? '' : `(${e.args.join(', ')})`})`;
    case 'Interval':
      return `INTERVAL ${printExpr(e.value)} ${e.unit}`;
    case 'Subquery':
      return `(${printQuery(e.query)})`;
    case 'Exists':
      return `EXISTS (${printQuery(e.query)})`;
    case 'InSubquery':
      return `${printExpr(e.expr, PREDICATE_PRECEDENCE)} ${not(e.not)}IN (${printQuery(e.query)})`;
  }
}

/** Reserved words MySQL also spells as functions stay bare: `IF(…)`, `DATABASE()`. */
const RESERVED_FUNCTIONS = new Set(['IF', 'DATABASE', 'SCHEMA', 'LEFT', 'RIGHT', 'REPLACE', 'INSERT', 'MOD', 'CHAR', 'CONVERT']);

function printFunctionName(name: string): string {
  return RESERVED_FUNCTIONS.has(name.toUpperCase()) && PLAIN_NAME.test(name) ? name : printName(name);
}

export function printTable(t: { readonly schema?: string; readonly name: string }): string {
  return t.schema === undefined ? printName(t.name) : `${printName(t.schema)}.${printName(t.name)}`;
}

function printFrom(f: FromItem): string {
  if (f.kind === 'Table') return `${printTable(f.table)}${f.alias === undefined ? '' : ` ${printName(f.alias)}`}`;
  if (f.kind === 'Derived') return `(${printQuery(f.query)}) ${printName(f.alias)}`;
  const on = f.on === undefined ? '' : ` ON ${printExpr(f.on)}`;
  const join = f.join === 'INNER' ? 'JOIN' : `${f.join} JOIN`;
  return `${printFrom(f.left)} ${join} ${printFrom(f.right)}${on}`;
}

function printItem(item: SelectItem): string {
  if (item.kind === 'Star') return item.table === undefined ? '*' : `${printName(item.table)}.*`;
  // The source text labels an unaliased column, so it is kept whenever it still means the same expression.
  const body = sameExpr(item.text, item.expr) ? item.text : printExpr(item.expr);
  return item.alias === undefined ? body : `${body} AS ${printName(item.alias)}`;
}

function printLimit(limit: NonNullable<SelectStatement['limit']>): string {
  const { count, offset } = limit;
  if (offset === undefined) return ` LIMIT ${printExpr(count)}`;
  // `?` are numbered in source order, so the order of the two placeholders decides the spelling.
  const offsetFirst = offset.kind === 'Parameter' && count.kind === 'Parameter' && offset.index < count.index;
  return offsetFirst ? ` LIMIT ${printExpr(offset)}, ${printExpr(count)}` : ` LIMIT ${printExpr(count)} OFFSET ${printExpr(offset)}`;
}

function printSelect(s: SelectStatement): string {
  let sql = `${printWith(s.with)}SELECT ${s.distinct ? 'DISTINCT ' : ''}${s.items.map(printItem).join(', ')}`;
  if (s.from.length > 0) sql += ` FROM ${s.from.map(printFrom).join(', ')}`;
  if (s.where !== undefined) sql += ` WHERE ${printExpr(s.where)}`;
  if (s.groupBy.length > 0) sql += ` GROUP BY ${s.groupBy.map((e) => printExpr(e)).join(', ')}`;
  if (s.having !== undefined) sql += ` HAVING ${printExpr(s.having)}`;
  if (s.orderBy.length > 0) sql += ` ORDER BY ${s.orderBy.map((o) => `${printExpr(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ')}`;
  if (s.limit !== undefined) sql += printLimit(s.limit);
  if (s.lock !== undefined) sql += s.lock === 'UPDATE' ? ' FOR UPDATE' : ' LOCK IN SHARE MODE';
  return sql;
}

function printWith(w: WithClause | undefined): string {
  if (w === undefined) return '';
  const ctes = w.ctes.map((c) => `${printName(c.name)}${c.columns === undefined ? '' : `(${c.columns.map(printName).join(', ')})`} AS (${printQuery(c.query)})`);
  return `WITH ${w.recursive ? 'RECURSIVE ' : ''}${ctes.join(', ')} `;
}

/** A query; UNION terms that carry their own ORDER BY, LIMIT, lock or WITH are parenthesized. */
export function printQuery(q: QueryExpression): string {
  if (q.kind === 'Select') return printSelect(q);
  const term = (t: QueryExpression): string =>
    t.kind === 'Union' || t.orderBy.length > 0 || t.limit !== undefined || t.with !== undefined || t.lock !== undefined ? `(${printQuery(t)})` : printSelect(t);
  let sql = printWith(q.with) + q.terms.map((t, i) => (i === 0 ? term(t) : ` UNION ${q.all[i - 1] === true ? 'ALL ' : ''}${term(t)}`)).join('');
  if (q.orderBy.length > 0) sql += ` ORDER BY ${q.orderBy.map((o) => `${printExpr(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ')}`;
  if (q.limit !== undefined) sql += printLimit(q.limit);
  return sql;
}

