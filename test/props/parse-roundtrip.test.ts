/** Round trip on generated expressions: parse(print(ast)) deep-equals ast for SELECT lists of random expressions. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Expr } from '../../grammar/ast.js';
import { parse, print, printExpr } from '../../grammar/index.js';

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom('a', 'status', 't_1', 'select', 'a b').map((column): Expr => ({ kind: 'ColumnRef', column })),
  fc.constantFrom('0', '42', '1.50').map((text): Expr => ({ kind: 'NumberLiteral', text })),
  fc.string({ maxLength: 6 }).map((value): Expr => ({ kind: 'StringLiteral', value })),
  fc.constant<Expr>({ kind: 'NullLiteral' }),
);

const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constant('Binary' as const),
      op: fc.constantFrom('+', '-', '*', '/', 'DIV', '%', '=', '<=>', '!=', '<', '>=', 'AND', 'OR', 'XOR', '&', '|', '^', '<<', '>>') as fc.Arbitrary<Extract<Expr, { kind: 'Binary' }>['op']>,
      left: tie('e'),
      right: tie('e'),
    }),
    fc.record({ kind: fc.constant('Unary' as const), op: fc.constantFrom('-', '+', 'NOT', '!', '~') as fc.Arbitrary<'-' | '+' | 'NOT' | '!' | '~'>, operand: tie('e') }),
    fc.record({ kind: fc.constant('IsNull' as const), expr: tie('e'), not: fc.boolean() }),
    fc.record({ kind: fc.constant('Between' as const), expr: tie('e'), low: tie('e'), high: tie('e'), not: fc.boolean() }),
    fc.record({ kind: fc.constant('In' as const), expr: tie('e'), list: fc.array(tie('e'), { minLength: 1, maxLength: 3 }), not: fc.boolean() }),
  ),
})).e;

it('parse(print(select of e)) gives back e', () => {
  fc.assert(
    fc.property(expr, (e) => {
      const text = printExpr(e);
      const sql = print({ kind: 'Select', distinct: false, items: [{ kind: 'ExprItem', expr: e, text }], from: [], groupBy: [], orderBy: [] });
      const r = parse(sql);
      expect(r.error, sql).toBeNull();
      const item = (r.statements[0]?.ast as { items: { expr: Expr }[] }).items[0];
      expect(item?.expr, sql).toEqual(e);
    }),
    { numRuns: 500 },
  );
});
