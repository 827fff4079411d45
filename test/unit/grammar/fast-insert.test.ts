/**
 * The INSERT fast path (grammar/fast-insert.ts) against chevrotain's path: for generated VALUES inserts of
 * literals it must be taken and give the very same parse result; for near misses (an expression, ON DUPLICATE KEY,
 * a comment, a syntax error) it must step aside, so the result is chevrotain's, errors included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastInsert } from '../../../grammar/fast-insert.js';
import { parse, splitStatements } from '../../../grammar/index.js';
import { RESERVED } from '../../../grammar/tokens.js';
import { seedTitle } from '../../support/seed.js';
import { backupCases } from './cases-backup.js';
import { dataCases } from './cases-data.js';
import { invalidCases } from './cases-invalid.js';
import { queryCases } from './cases-query.js';

/** A word in random letter case, as clients spell keywords. */
const cased = (word: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((up) => [...word].map((ch, i) => (up[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

const bareName = fc.oneof(
  fc.stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_$]{0,8}$/).filter((w) => !RESERVED.has(w.toUpperCase())),
  // Non-reserved keywords are names too (tokens.ts): `status`, and VALUES itself as a table name.
  fc.constantFrom('status', 'values', 'Value', 'comment', 'tenant', 'duplicate'),
);
const quotedName = fc.string({ maxLength: 6 }).map((s) => `\`${s.replace(/`/g, '``')}\``);
const name = fc.oneof({ weight: 3, arbitrary: bareName }, { weight: 1, arbitrary: quotedName });
const qualified = fc.tuple(fc.option(name, { nil: undefined }), name).map(([a, b]) => (a === undefined ? [b] : [a, '.', b]));

const digits = fc.stringMatching(/^\d{1,12}$/);
const exponent = fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits).map((p) => p.join(''));
const unsigned = fc.oneof(
  digits,
  fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
  digits.map((d) => `${d}.`),
  digits.map((d) => `.${d}`),
  fc.tuple(digits, exponent).map(([a, e]) => a + e),
  fc.tuple(digits, fc.option(digits, { nil: '' }), exponent).map(([a, b, e]) => `${a}.${b}${e}`),
);
const number = fc.tuple(fc.constantFrom('', '-', '- ', '-\n'), unsigned).map(([sign, n]) => sign + n);

/** String bodies: the dialect's escapes, doubled quotes, and text that must neither end nor split a statement. */
const escape = fc.constantFrom('\\n', '\\t', '\\0', '\\Z', '\\b', '\\r', '\\%', '\\_', '\\\\', "\\'", '\\"', '\\x', '\\é');
const plain = fc.oneof(fc.string({ maxLength: 4, unit: 'grapheme' }), fc.constantFrom("'", '"', ';', '--', '/*', '#', '`', '\n', 'é', '😀'));
const bodyPiece = fc.oneof(escape.map((e) => ({ escape: e })), plain.map((p) => ({ plain: p.replace(/\\/g, '') })));
const quoted = fc.tuple(fc.constantFrom("'", '"'), fc.array(bodyPiece, { maxLength: 5 })).map(
  ([q, parts]) => q + parts.map((p) => ('escape' in p ? p.escape : p.plain.split(q).join(q + q))).join('') + q,
);
const wordValue = fc.oneof(cased('NULL'), cased('DEFAULT'), cased('TRUE'), cased('FALSE'));
const literal = fc.oneof({ weight: 3, arbitrary: number }, { weight: 3, arbitrary: quoted }, { weight: 1, arbitrary: wordValue });

const commaList = (items: readonly string[][]): string[] => items.flatMap((item, i) => (i === 0 ? item : [',', ...item]));
const row = fc.array(literal, { maxLength: 5 }).map((vs) => ['(', ...commaList(vs.map((v) => [v])), ')']);
const columns = fc.option(
  fc.array(fc.tuple(fc.option(name, { nil: undefined }), name), { maxLength: 4 }).map((cs) => ['(', ...commaList(cs.map(([t, c]) => (t === undefined ? [c] : [t, '.', c]))), ')']),
  { nil: [] },
);

/** The tokens of a generated INSERT; joined with random white space by `join`. */
const insertTokens = fc
  .tuple(
    fc.oneof(cased('INSERT'), cased('REPLACE')),
    fc.option(cased('IGNORE'), { nil: undefined }),
    fc.option(cased('INTO'), { nil: undefined }),
    qualified,
    columns,
    fc.oneof(cased('VALUES'), cased('VALUE')),
    fc.array(row, { minLength: 1, maxLength: 4 }),
  )
  .map(([verb, ignore, into, table, cols, values, rows]) => [
    verb,
    ...(ignore === undefined ? [] : [ignore]),
    ...(into === undefined ? [] : [into]),
    ...table,
    ...cols,
    values,
    ...commaList(rows),
  ]);

const wordy = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$.]/.test(c);
/** White space between tokens: at least one character where two words or numbers would otherwise run together. */
function join(tokens: readonly string[], gaps: readonly string[]): string {
  return tokens.reduce((out, t, i) => {
    const gap = gaps[i % gaps.length] ?? ' ';
    return out + (wordy(out.at(-1)) && wordy(t[0]) && gap === '' ? ' ' : gap) + t;
  }, '');
}
const gaps = fc.array(fc.constantFrom('', ' ', '  ', '\n', '\t', '\r\n'), { minLength: 1, maxLength: 8 });
const insertText = fc.tuple(insertTokens, gaps).map(([tokens, g]) => join(tokens, g).trimStart());

/** Both paths' results for a script, and whether the fast path read each statement. */
function bothPaths(sql: string): { fast: unknown; slow: unknown; taken: boolean[] } {
  const fast = parse(sql);
  const slow = parse(sql, { fastPaths: false });
  return { fast, slow, taken: fast.statements.map((s) => fastInsert(s.text) !== undefined) };
}

describe(seedTitle('the INSERT fast path reads literal VALUES exactly as chevrotain does'), () => {
  it('generated inserts: the fast path is taken and the parse result is the same', () => {
    const script = fc.tuple(fc.array(insertText, { minLength: 1, maxLength: 2 }), fc.constantFrom('', ';', ' ;\n', ';  ')).map(([ss, end]) => ss.join(';\n') + end);
    fc.assert(
      fc.property(script, (sql) => {
        const { fast, slow, taken } = bothPaths(sql);
        expect(taken.length).toBeGreaterThan(0);
        expect(taken.every(Boolean)).toBe(true);
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 1500 },
    );
  });

  it('the row shape of the bench, and large rows', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `(${i}, ${i * 13}, 'value-${i}', ${i / 10})`).join(', ');
    const { fast, slow, taken } = bothPaths(`INSERT INTO t VALUES ${rows};`);
    expect(taken).toEqual([true]);
    expect(fast).toStrictEqual(slow);
  });

  it('every grammar test case parses the same way with and without it', () => {
    for (const [sql] of [...dataCases, ...queryCases, ...backupCases, ...invalidCases]) {
      const { fast, slow } = bothPaths(sql);
      expect(fast, sql).toStrictEqual(slow);
    }
  });
});

/** Value positions filled with what is not a plain literal: chevrotain reads (or rejects) these, never the fast path. */
const nonLiteral = fc.constantFrom(
  '1+1', '-(1)', '- -1', '--1', '+1', '(1)', 'a', 'NOW()', '0x1F', "X'41'", "b'1'", '1e', '1e+', '1.5.5', "N'x'", "_utf8'x'",
  '@a', '@@autocommit', '?', "'a' 'b'", '1 2', 'NULL IS NULL', '-NULL', "-'1'", 'DEFAULT(a)', '\\N', '1a', '-- 1\n', '`a`', '1 /* c */',
);
const suffix = fc.constantFrom(
  ' ON DUPLICATE KEY UPDATE a = 1', ' ON DUPLICATE KEY UPDATE a = VALUES(a)', ' x', ',', ' (', ' SELECT 1', ' /* c */', ' -- c', ' # c',
);
const comment = fc.constantFrom(' /* c */ ', ' # c\n', ' -- c\n', '/*!50000 */');

/**
 * A generated insert broken in one place: a value replaced, something appended, a comment between two tokens, a
 * token dropped; `mustMiss` when the fast path can never read the result (a dropped token may leave a valid
 * insert, and an executable comment opens into white space).
 */
const nearMiss = fc
  .tuple(
    insertTokens,
    gaps,
    fc.nat(),
    fc.oneof(
      nonLiteral.map((v) => ({ kind: 'value' as const, text: v })),
      suffix.map((v) => ({ kind: 'suffix' as const, text: v })),
      comment.map((v) => ({ kind: 'comment' as const, text: v })),
      fc.constant({ kind: 'drop' as const, text: '' }),
    ),
  )
  .map(([tokens, g, at, change]) => {
    const t = [...tokens];
    if (change.kind === 'suffix') return { sql: join(t, g) + change.text, mustMiss: true };
    if (change.kind === 'comment') t.splice(at % (t.length + 1), 0, change.text);
    else if (change.kind === 'drop') t.splice(at % t.length, 1);
    else {
      const open = t.lastIndexOf('(');
      t.splice(open + 1, t[open + 1] === ')' ? 0 : 1, change.text);
    }
    return { sql: join(t, g), mustMiss: change.kind === 'value' || (change.kind === 'comment' && !change.text.startsWith('/*!')) };
  });

describe(seedTitle('near misses fall back to chevrotain'), () => {
  it('a statement the fast path does not fully recognise is parsed, or rejected, by chevrotain', () => {
    fc.assert(
      fc.property(nearMiss, ({ sql, mustMiss }) => {
        const { fast, slow } = bothPaths(sql);
        expect(fast).toStrictEqual(slow);
        if (!mustMiss) return;
        for (const s of splitStatements(sql).filter((span) => span.hasContent)) expect(fastInsert(sql.slice(s.start, s.end))).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });

  it('examples of each kind of near miss', () => {
    const misses = [
      'INSERT INTO t VALUES (1+1)',
      'INSERT INTO t VALUES (-(1))',
      'INSERT INTO t VALUES (- -1)',
      'INSERT INTO t VALUES (?)',
      "INSERT INTO t VALUES ('a' 'b')",
      'INSERT INTO t VALUES (0x1F)',
      'INSERT INTO t VALUES (1e)',
      'INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1',
      'INSERT INTO t VALUES (1) /* c */',
      'INSERT /* c */ INTO t VALUES (1)',
      'INSERT INTO t VALUES (1),',
      'INSERT INTO t VALUES (1',
      'INSERT INTO t VALUES',
      'INSERT INTO t SET a = 1',
      'INSERT INTO t SELECT 1',
      'INSERT INTO select VALUES (1)',
      'INSERT INTO tä VALUES (1)',
      'INSERT INTO t (a.b.c) VALUES (1)',
      'INSERTINTO t VALUES (1)',
    ];
    for (const sql of misses) {
      expect(fastInsert(sql), sql).toBeUndefined();
      expect(parse(sql), sql).toStrictEqual(parse(sql, { fastPaths: false }));
    }
  });
});
