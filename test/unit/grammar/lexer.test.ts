/** The shared lexer skips chevrotain's pattern checks for start-up time; the same definition passes them here. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexer } from '../../../grammar/chevrotain.js';
import { splitStatements } from '../../../grammar/split.js';
import { lexerDefinition, tokenize } from '../../../grammar/tokens.js';
import { seedTitle } from '../../support/seed.js';

it('builds the lexer definition with every chevrotain check on, without errors', () => {
  const checked = new Lexer([...lexerDefinition], { ensureOptimizations: true, positionTracking: 'onlyOffset' });
  expect(checked.lexerDefinitionErrors).toEqual([]);
  const text = "SELECT job_id FROM t WHERE backup_type = 'FULL' -- c\n ORDER BY 1 DESC LIMIT 1";
  const shared = tokenize(text);
  const full = checked.tokenize(text);
  expect(shared.errorAt).toBeNull();
  // The shared path then turns keyword-shaped names into keywords; the pieces and where they start are the same.
  expect(shared.tokens.map((t) => [t.image, t.startOffset])).toEqual(full.tokens.map((t) => [t.image, t.startOffset]));
});

/**
 * The quoted tokens are matched by loops, not regular expressions (a 10 MB literal overflowed V8's backtracking,
 * issue 18); each loop must accept what the regular expression it documents accepts, at any offset, except an
 * unterminated quote, which the expression could misread by backtracking.
 */
describe(seedTitle('the quoted-token scanners match their regular expressions'), () => {
  const scanned = lexerDefinition.filter((t) => typeof t.PATTERN === 'object' && t.PATTERN !== null && 'exec' in t.PATTERN && 'toJSON' in t.PATTERN);
  const piece = fc.constantFrom("'", '"', '`', '\\', '@', '@@', '.', 'a', 'Z', '_', '$', '1', ' ', '\n', "''", '""', '``', 'é', '\ud83d\ude00', ';');

  it('covers the five quoted token types', () => {
    expect(scanned.map((t) => t.name).sort()).toEqual(['DoubleQuoted', 'QuotedIdentifier', 'SingleQuoted', 'SystemVariable', 'UserVariable']);
  });

  it('on texts built from quote-relevant pieces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(4), (parts, skip) => {
        const text = parts.join('');
        const offset = Math.min(skip, text.length);
        for (const t of scanned) {
          const pattern = t.PATTERN as unknown as { exec: (text: string, offset: number) => [string] | null; toJSON: () => string };
          const language = new RegExp(pattern.toJSON(), 'y');
          language.lastIndex = offset;
          const want = language.exec(text)?.[0] ?? null;
          const got = pattern.exec(text, offset)?.[0] ?? null;
          // Where the expression backtracks to a shorter match (`'''` as `''` then a stray quote), MySQL's lexer and
          // the scanner read an unterminated string, which the statement split reports before the lexer runs.
          if (got === null && want !== null) expect(splitStatements(text.slice(offset)).some((span) => span.problemAt !== null)).toBe(true);
          else expect([t.name, text, offset, got]).toEqual([t.name, text, offset, want]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
