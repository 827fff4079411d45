/** The grammar passes chevrotain's own checks (ambiguity, left recursion, DSL indexes) at self-analysis. */
import { expect, it } from 'vitest';
import { getParser, ObSqlParser } from '../../../grammar/parser.js';
import { tokenMatcher } from '../../../grammar/runtime/chevrotain.js';
import { KW, LogicalOperator, Name, NonReserved, RESERVED } from '../../../grammar/tokens.js';

it('builds with every chevrotain validation on', () => {
  expect(() => new ObSqlParser('validate')).not.toThrow();
});

it("links the keywords' categories once the shared parser is built: every non-reserved keyword is a Name", () => {
  getParser();
  const words = Object.keys(KW) as (keyof typeof KW)[];
  expect(words.length).toBeGreaterThan(200);
  for (const word of words) {
    const token = { image: word, startOffset: 0, tokenType: KW[word], tokenTypeIdx: KW[word].tokenTypeIdx as number } as Parameters<typeof tokenMatcher>[0];
    expect([word, tokenMatcher(token, Name)]).toEqual([word, !RESERVED.has(word)]);
    expect([word, tokenMatcher(token, NonReserved)]).toEqual([word, !RESERVED.has(word)]);
  }
  const and = { image: 'AND', startOffset: 0, tokenType: KW.AND, tokenTypeIdx: KW.AND.tokenTypeIdx as number } as Parameters<typeof tokenMatcher>[0];
  expect(tokenMatcher(and, LogicalOperator)).toBe(true);
});
