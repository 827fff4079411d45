/**
 * The shared lexer is the table lexer of grammar/runtime/lexer.ts, not chevrotain's Lexer (start-up time). It must
 * split every text exactly as chevrotain's Lexer, built from the same definition with every check on, does: the
 * same tokens of the same types at the same offsets, and the first error at the same offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexer } from '../../../grammar/runtime/chevrotain.js';
import { LEXER_TABLE } from '../../../grammar/runtime/generated-tables.js';
import { tableLexer } from '../../../grammar/runtime/lexer.js';
import { lexerDefinition, lexerTokens } from '../../../grammar/tokens.js';
import { backupCases } from './cases-backup.js';
import { invalidCases } from './cases-invalid.js';
import { queryCases } from './cases-query.js';

const checked = new Lexer([...lexerDefinition], { ensureOptimizations: true, positionTracking: 'onlyOffset' });
const table = tableLexer(lexerTokens, LEXER_TABLE);

/** What a lexer said: the tokens up to the first error, and that error's offset. */
function split(text: string, by: 'chevrotain' | 'table'): unknown {
  if (by === 'chevrotain') {
    const r = checked.tokenize(text);
    const errorAt = r.errors[0]?.offset ?? null;
    const tokens = r.tokens.filter((t) => errorAt === null || t.startOffset < errorAt);
    return { tokens: tokens.map((t) => [t.image, t.startOffset, t.tokenType.name, t.tokenTypeIdx]), errorAt };
  }
  if (table === undefined) throw new Error('the lexer table is stale');
  const r = table(text);
  return { tokens: r.tokens.map((t) => [t.image, t.startOffset, t.tokenType.name, t.tokenTypeIdx]), errorAt: r.errorAt };
}

describe('the table lexer', () => {
  it("is built from the committed table, and chevrotain's checks pass on the same definition", () => {
    expect(checked.lexerDefinitionErrors).toEqual([]);
    expect(table).toBeDefined();
  });

  it('splits every test case as chevrotain does', () => {
    const texts = [...queryCases, ...backupCases, ...invalidCases].map(([sql]) => sql);
    for (const text of texts) expect(split(text, 'table'), text).toEqual(split(text, 'chevrotain'));
    expect(texts.length).toBeGreaterThan(200);
  });

  it('splits random text as chevrotain does: ASCII punctuation, comments, quotes, non-ASCII and lone surrogates', () => {
    const pieces = fc.constantFrom(
      ...'ab_$Z9 .,;:?()`\'"@#-/*+<>=!|&^~%\\\n\t\r'.split(''),
      '--', '-- ', '/*', '*/', '@@', '<=>', '<<', '>>', ':=', '&&', '||', '1e5', '.5', '0x1F', 'é', '中', '😀', '\ud800', '\udc00', '\u0000', '\u00a0', '\uffff',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(split(text, 'table')).toEqual(split(text, 'chevrotain'));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  it('splits quotes left open, doubled and escaped as chevrotain does', () => {
    for (const q of ["'", '"', '`']) {
      const texts = [`${q}ab${q}${q}x`, `${q}ab${q}${q}`, `${q}a${q}${q}b${q}${q}c`, `${q}ab\\`, `${q}a\\${q}b${q} c`, `${q}${q}${q}`, `${q}`, `x ${q}\\${q}${q}${q} y`, `${q}a${q}${q}${q}${q}b`];
      for (const text of texts) expect(split(text, 'table'), text).toEqual(split(text, 'chevrotain'));
    }
  });

  it('lexes a 10 MB quoted token without running out of stack (the regex recursed once per character)', () => {
    const body = 'x'.repeat(5_000_000) + "''" + '\\n'.repeat(2_500_000);
    for (const q of ["'", '"']) {
      const text = `SELECT LENGTH(${q}${body.replaceAll("'", q)}${q})`;
      const r = table!(text);
      expect(r.errorAt).toBeNull();
      expect(r.tokens.map((t) => t.image.length)).toEqual([6, 6, 1, body.length + 2, 1]);
    }
    const name = `\`${'n'.repeat(10_000_000)}\``;
    expect(table!(name).tokens[0]!.image).toBe(name);
  });

  it('is refused when a pattern is not the one the table was recorded from (the table is stale)', () => {
    const [name = '', pattern = ''] = LEXER_TABLE.patterns[0] ?? [];
    expect(tableLexer(lexerTokens, { ...LEXER_TABLE, patterns: [[name, `${pattern}x`], ...LEXER_TABLE.patterns.slice(1)] })).toBeUndefined();
    expect(tableLexer(lexerTokens, { ...LEXER_TABLE, patterns: LEXER_TABLE.patterns.slice(1) })).toBeUndefined();
  });
});
