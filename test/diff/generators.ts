/**
 * fast-check generators for the differential test: rows for two tables, and SELECTs over them built as AST and
 * printed as SQL, so the same query reaches both the evaluator and MariaDB. Only deterministic shapes are
 * generated: every ORDER BY ends in a unique key, DISTINCT and GROUP BY use numeric columns, MIN/MAX avoid strings
 * whose case variants compare equal.
 */
import fc from 'fast-check';
import type { BinaryOp, Expr, FromItem, OrderItem, SelectItem, SelectStatement } from '../../grammar/ast.js';
import { printExpr } from '../../src/query/print.js';

export const T_COLUMNS = 'id INT PRIMARY KEY, a BIGINT NULL, b BIGINT NULL, s VARCHAR(10) NULL, d DECIMAL(8,2) NULL, n VARCHAR(8) NULL';
export const U_COLUMNS = 'id INT PRIMARY KEY, k BIGINT NULL, name VARCHAR(10) NULL';

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 5 });
const STRINGS = ['a', 'A', 'b', 'B ', 'abc', 'ABC', 'x_y', '', 'Zed', 'b%'];
const NUMERIC_TEXT = ['1', '01', '2.0', ' 3', 'abc', '-2', '10', '0'];

export type TRow = [number, bigint | null, bigint | null, string | null, string | null, string | null];
export type URow = [number, bigint | null, string | null];

export const tRows = fc.array(
  fc.tuple(
    nullable(fc.bigInt(-4n, 6n)),
    nullable(fc.bigInt(-3n, 5n)),
    nullable(fc.constantFrom(...STRINGS)),
    nullable(fc.integer({ min: -500, max: 999 }).map((x) => (x / 100).toFixed(2))),
    nullable(fc.constantFrom(...NUMERIC_TEXT)),
  ),
  { minLength: 20, maxLength: 40 },
).map((rows) => rows.map((r, i): TRow => [i + 1, ...r]));

export const uRows = fc.array(fc.tuple(nullable(fc.bigInt(-2n, 6n)), nullable(fc.constantFrom(...STRINGS))), { minLength: 5, maxLength: 15 }).map(
  (rows) => rows.map((r, i): URow => [i + 1, ...r]),
);

const col = (column: string, table?: string): Expr => (table ? { kind: 'ColumnRef', table, column } : { kind: 'ColumnRef', column });
const num = (n: number | string): Expr =>
  Number(n) < 0 ? { kind: 'Unary', op: '-', operand: { kind: 'NumberLiteral', text: String(-Number(n)) } } : { kind: 'NumberLiteral', text: String(n) };
const str = (value: string): Expr => ({ kind: 'StringLiteral', value });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right });
const fn = (name: string, ...args: Expr[]): Expr => ({ kind: 'FunctionCall', name, args, star: false, distinct: false });

const intCol = fc.constantFrom(col('a'), col('b'), col('id'));
const intLit = fc.integer({ min: -3, max: 6 }).map(num);
const decLit = fc.constantFrom('0.5', '1.25', '2.00', '3.1').map(num);
const strLit = fc.constantFrom('a', 'A', 'b', 'B', 'abc', 'ABc ', 'zed', '3', ' 3', '2.0').map(str);

export const { intExpr, decExpr, strExpr, pred } = fc.letrec<{ intExpr: Expr; decExpr: Expr; strExpr: Expr; pred: Expr }>((tie) => ({
  intExpr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    intCol,
    intLit,
    fc.tuple(fc.constantFrom<BinaryOp>('+', '-', '*', 'DIV', '%'), tie('intExpr'), tie('intExpr')).map(([op, l, r]) => bin(op, l, r)),
    tie('intExpr').map((x): Expr => ({ kind: 'Unary', op: '-', operand: x })),
    tie('intExpr').map((x) => fn('ABS', x)),
    tie('strExpr').map((x) => fn('LENGTH', x)),
    fc.tuple(tie('intExpr'), tie('intExpr')).map(([x, y]) => fn('IFNULL', x, y)),
    fc.tuple(tie('intExpr'), tie('intExpr')).map(([x, y]) => fn('COALESCE', x, y, num(0))),
    fc.tuple(tie('intExpr'), tie('intExpr')).map(([x, y]) => fn('GREATEST', x, y)),
    fc.tuple(tie('pred'), tie('intExpr'), tie('intExpr')).map(([c, x, y]) => fn('IF', c, x, y)),
    fc.tuple(tie('pred'), tie('intExpr'), fc.option(tie('intExpr'), { nil: undefined })).map(
      ([c, x, y]): Expr => (y === undefined ? { kind: 'Case', whens: [{ when: c, then: x }] } : { kind: 'Case', whens: [{ when: c, then: x }], else: y }),
    ),
    fc.constant<Expr>({ kind: 'Cast', expr: col('n'), type: 'SIGNED', args: [] }),
  ),
  decExpr: fc.oneof(
    { depthSize: 'small' },
    fc.constant(col('d')),
    decLit,
    fc.tuple(fc.constantFrom<BinaryOp>('+', '-', '*'), tie('decExpr'), fc.oneof(tie('intExpr'), tie('decExpr'))).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(tie('decExpr'), fc.integer({ min: -1, max: 3 })).map(([x, p]) => fn('ROUND', x, num(p))),
    fc.tuple(tie('decExpr'), fc.integer({ min: 0, max: 3 })).map(([x, p]) => fn('TRUNCATE', x, num(p))),
    fc.tuple(tie('decExpr'), tie('intExpr')).map(([x, y]) => fn('IFNULL', x, y)),
    tie('decExpr').map((x) => fn('ABS', x)),
    tie('decExpr').map((x) => fn('FLOOR', x)),
    tie('decExpr').map((x) => fn('CEIL', x)),
  ),
  strExpr: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(col('s'), col('n')),
    strLit,
    tie('strExpr').map((x) => fn('UPPER', x)),
    tie('strExpr').map((x) => fn('LOWER', x)),
    fc.tuple(tie('strExpr'), fc.oneof(tie('strExpr'), tie('intExpr'), tie('decExpr'))).map(([x, y]) => fn('CONCAT', x, y)),
    fc.tuple(tie('strExpr'), fc.integer({ min: -2, max: 3 })).map(([x, p]) => fn('SUBSTR', x, num(p))),
    fc.tuple(tie('strExpr'), fc.integer({ min: 0, max: 3 })).map(([x, p]) => fn('LEFT', x, num(p))),
    fc.tuple(tie('strExpr'), strLit).map(([x, y]) => fn('IFNULL', x, y)),
    fc.tuple(tie('strExpr'), fc.constantFrom('a', 'b'), fc.constantFrom('x', '')).map(([x, f, t]) => fn('REPLACE', x, str(f), str(t))),
    fc.tuple(tie('strExpr'), fc.integer({ min: -1, max: 3 })).map(([x, n]) => fn('REPEAT', x, num(n))),
    fc.tuple(fc.constantFrom('LPAD', 'RPAD'), tie('strExpr'), fc.integer({ min: -1, max: 5 }), fc.constantFrom('', 'ab', '-')).map(([f, x, n, p]) => fn(f, x, num(n), str(p))),
  ),
  pred: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(fc.constantFrom<BinaryOp>('=', '!=', '<', '<=', '>', '>=', '<=>'), tie('intExpr'), fc.oneof(intLit, intCol, strLit)).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(fc.constantFrom<BinaryOp>('=', '!=', '<', '>='), fc.constantFrom(col('s'), col('n')), strLit).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(fc.constantFrom<BinaryOp>('=', '<', '>'), tie('decExpr'), fc.oneof(decLit, intLit)).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(fc.constantFrom<BinaryOp>('=', '<'), fc.constant(col('n')), fc.oneof(intCol, intLit)).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(tie('intExpr'), fc.array(fc.oneof(intLit, strLit), { minLength: 1, maxLength: 3 }), fc.boolean()).map(
      ([x, list, not]): Expr => ({ kind: 'In', expr: x, list, not }),
    ),
    fc.tuple(fc.constantFrom(col('s'), col('n')), fc.constantFrom('a%', 'A%', '%b%', '_', 'x\\_y', '%', 'b%%'), fc.boolean()).map(
      ([x, p, not]): Expr => ({ kind: 'Like', expr: x, pattern: str(p), not }),
    ),
    fc.tuple(tie('intExpr'), intLit, intLit, fc.boolean()).map(([x, lo, hi, not]): Expr => ({ kind: 'Between', expr: x, low: lo, high: hi, not })),
    fc.tuple(fc.constantFrom(col('a'), col('s'), col('d'), col('n')), fc.boolean()).map(([x, not]): Expr => ({ kind: 'IsNull', expr: x, not })),
    tie('pred').map((p): Expr => ({ kind: 'Unary', op: 'NOT', operand: p })),
    fc.tuple(fc.constantFrom<BinaryOp>('AND', 'OR', 'XOR'), tie('pred'), tie('pred')).map(([op, l, r]) => bin(op, l, r)),
  ),
}));

/**
 * A quotient, only at the top of a select item: MySQL carries nested quotients with 9-digit internal precision
 * (so `(1/3)*3` is not `(0.3333)*3`), which OceanBase does not promise either; one level is exact on both.
 */
const quotient = fc
  .tuple(fc.oneof(intCol, intLit, fc.constant(col('d')), decLit), fc.oneof(intCol, intLit, fc.constant(col('d'))))
  .map(([l, r]) => bin('/', l, r));
const anyExpr = fc.oneof(intExpr, decExpr, strExpr, pred, quotient);

/** ORDER BY keys must mention a column: MariaDB reads a bare number (even `(-2)`) as a position. */
function hasColumn(e: Expr): boolean {
  return JSON.stringify(e).includes('"ColumnRef"');
}
const item = (expr: Expr, alias?: string): SelectItem => {
  const text = printExpr(expr);
  return alias ? { kind: 'ExprItem', expr, text, alias } : { kind: 'ExprItem', expr, text };
};
const fromT: FromItem = { kind: 'Table', table: { name: 't' } };
const limitArb = fc.option(
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined })).map(([count, offset]) => ({
    count: num(count),
    ...(offset === undefined ? {} : { offset: num(offset) }),
  })),
  { nil: undefined },
);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

function selectOf(parts: Partial<SelectStatement> & { items: readonly SelectItem[] }): SelectStatement {
  const s: SelectStatement = { kind: 'Select', distinct: false, from: [fromT], groupBy: [], orderBy: [], ...parts };
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as SelectStatement;
}

const plain = fc
  .tuple(fc.array(anyExpr, { minLength: 1, maxLength: 4 }), optional(pred), fc.array(fc.tuple(fc.oneof(intExpr, strExpr).filter(hasColumn), fc.boolean()), { maxLength: 2 }), fc.boolean(), limitArb)
  .map(([exprs, where, order, idDesc, limit]) =>
    selectOf({
      items: [item(col('id')), ...exprs.map((e, i) => item(e, i % 2 === 1 ? `c${i}` : undefined))],
      where,
      orderBy: [...order.map(([expr, desc]): OrderItem => ({ expr, desc })), { expr: col('id'), desc: idDesc }],
      limit,
    }),
  );

const aggregate = fc
  .tuple(optional(pred), fc.boolean(), fc.boolean(), limitArb, fc.constantFrom('a', 'b'))
  .map(([where, grouped, having, limit, g]) => {
    const aggs: Expr[] = [
      { kind: 'FunctionCall', name: 'COUNT', args: [], star: true, distinct: false },
      fn('COUNT', col('s')),
      { kind: 'FunctionCall', name: 'COUNT', args: [col('s')], star: false, distinct: true },
      fn('SUM', col('d')),
      fn('SUM', col('b')),
      fn('AVG', col('a')),
      fn('AVG', col('d')),
      fn('MIN', col('d')),
      fn('MAX', col('id')),
      fn('COALESCE', fn('MAX', col('b')), num(0)),
    ];
    return selectOf({
      items: [...(grouped ? [item(col(g))] : []), ...aggs.map((e) => item(e))],
      where,
      groupBy: grouped ? [col(g)] : [],
      having: grouped && having ? bin('>', { kind: 'FunctionCall', name: 'COUNT', args: [], star: true, distinct: false }, num(1)) : undefined,
      orderBy: grouped ? [{ expr: col(g), desc: false }] : [],
      limit: grouped ? limit : undefined,
    });
  });

const joins = fc
  .tuple(fc.constantFrom<'INNER' | 'LEFT' | 'COMMA'>('INNER', 'LEFT', 'COMMA'), fc.constantFrom('a', 'b'), optional(pred), limitArb)
  .map(([kind, key, where, limit]) => {
    const on = bin('=', col(key, 't'), col('k', 'u'));
    const u: FromItem = { kind: 'Table', table: { name: 'u' } };
    const fromItems: FromItem[] = kind === 'COMMA' ? [fromT, u] : [{ kind: 'Join', join: kind, left: fromT, right: u, on }];
    const qualified = where ? requalify(where) : undefined;
    const cond = kind === 'COMMA' ? (qualified ? bin('AND', on, qualified) : on) : qualified;
    return selectOf({
      items: [item(col('id', 't')), item(col('id', 'u'), 'uid'), item(col('a', 't')), item(col('name', 'u')), item(fn('CONCAT', col('s', 't'), col('name', 'u')))],
      from: fromItems,
      where: cond,
      orderBy: [
        { expr: col('id', 't'), desc: false },
        { expr: col('id', 'u'), desc: true },
      ],
      limit,
    });
  });

/** Qualifies bare column names with `t` so the predicate stays unambiguous in a join. */
export function requalify(e: Expr): Expr {
  return JSON.parse(JSON.stringify(e), (_k, v: unknown) =>
    v && typeof v === 'object' && (v as { kind?: string }).kind === 'ColumnRef' && (v as { table?: string }).table === undefined
      ? { ...(v as object), table: 't' }
      : v,
  ) as Expr;
}

const distinctQ = fc.tuple(optional(pred), fc.constantFrom(['a'], ['a', 'b'], ['b', 'd']), limitArb).map(([where, cols, limit]) =>
  selectOf({
    distinct: true,
    items: cols.map((c) => item(col(c))),
    where,
    orderBy: cols.map((c) => ({ expr: col(c), desc: false })),
    limit,
  }),
);

export const queries = fc.oneof({ weight: 5, arbitrary: plain }, { weight: 2, arbitrary: aggregate }, { weight: 2, arbitrary: joins }, { weight: 1, arbitrary: distinctQ });

/** The SELECT as SQL text for MariaDB (the AST's own texts label the columns, so both sides agree). */
export function printSelect(s: SelectStatement): string {
  const items = s.items.map((i) => (i.kind === 'Star' ? '*' : `${i.text}${i.alias ? ` AS \`${i.alias}\`` : ''}`)).join(', ');
  const fromText = s.from.map(printFrom).join(', ');
  const parts = [`SELECT ${s.distinct ? 'DISTINCT ' : ''}${items}`, `FROM ${fromText}`];
  if (s.where) parts.push(`WHERE ${printExpr(s.where)}`);
  if (s.groupBy.length) parts.push(`GROUP BY ${s.groupBy.map((g) => printExpr(g)).join(', ')}`);
  if (s.having) parts.push(`HAVING ${printExpr(s.having)}`);
  if (s.orderBy.length) parts.push(`ORDER BY ${s.orderBy.map((o) => `${printExpr(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ')}`);
  if (s.limit) parts.push(`LIMIT ${printExpr(s.limit.count)}${s.limit.offset ? ` OFFSET ${printExpr(s.limit.offset)}` : ''}`);
  return parts.join(' ');
}

function printFrom(f: FromItem): string {
  if (f.kind === 'Table') return `\`${f.table.name}\`${f.alias ? ` ${f.alias}` : ''}`;
  const join = f.join === 'CROSS' ? 'CROSS JOIN' : `${f.join} JOIN`;
  return `${printFrom(f.left)} ${join} ${printFrom(f.right)}${f.on ? ` ON ${printExpr(f.on)}` : ''}`;
}
