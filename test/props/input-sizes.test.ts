/**
 * Input sizes and depths (issue 18): statements with one part grown to any size up to max_allowed_packet (a
 * string literal, a quoted name, a comment, a number, spaces) or nested to any depth (parentheses, unary and binary
 * operators, function calls, CASE, subqueries) end in a result or a clear OceanBase error, never 4016 (an internal
 * error: a stack overflow in the lexer, the parser or the evaluator was one), and the session answers the next
 * statement. Sizes and depths are drawn log-uniformly, so small and huge cases are both common.
 */
import fc from 'fast-check';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_MAX_ALLOWED_PACKET, startServer } from '../../src/index.js';
import { isObError } from '../../src/errors.js';
import { seedTitle } from '../support/seed.js';

const emulator = createEmulator({ clock: 'manual', startTime: '2024-01-31T03:20:00Z' });
const session = emulator.session({ tenant: 'mysql_tenant' });

/** A whole number in [1, max], log-uniform. */
const logSize = (max: number): fc.Arbitrary<number> => fc.double({ min: 0, max: Math.log(max), noNaN: true }).map((x) => Math.max(1, Math.floor(Math.exp(x))));

/** Repeats `unit` until the text is about `chars` long. */
const fill = (unit: string, chars: number): string => unit.repeat(Math.max(1, Math.floor(chars / unit.length)));

/** Cases per property: 30 in CI, more in the soak (SIZE_RUNS). */
const RUNS = Number(process.env['SIZE_RUNS'] ?? 30);
/** A bound, not a target: a case of 16 MB takes about a second on a loaded 2-core machine. */
const PROPERTY_TIMEOUT_MS = Math.max(120_000, RUNS * 3000);

/** Room for the statement around the grown part, so the whole stays under max_allowed_packet. */
const MAX_PART = DEFAULT_MAX_ALLOWED_PACKET - 64;

const STRING_UNITS = ['a', "''", "\\'", '\\\\', '\\n', 'é', '\n', '"', '`', '%_'];

type Grown = (n: number, unit: string) => string;
const SIZED: readonly (readonly [string, Grown])[] = [
  ['single-quoted literal', (n, u) => `SELECT LENGTH('${fill(u, n)}')`],
  ['double-quoted literal', (n, u) => `SELECT LENGTH("${fill(u.replaceAll('"', 'x'), n)}")`],
  ['literal in a string function', (n, u) => `SELECT SUBSTR(CONCAT('${fill(u, n)}', 'z'), 1, 3)`],
  ['quoted name', (n) => `SELECT \`${fill('c', n)}\` FROM DUAL`],
  ['quoted user variable', (n, u) => `SELECT @'${fill(u, n)}'`],
  ['user variable set', (n, u) => `SET @big = '${fill(u, n)}'`],
  ['block comment', (n) => `SELECT 1 /*${fill('x*', n)}*/`],
  ['line comment', (n) => `SELECT 1 -- ${fill('y', n)}`],
  ['integer', (n) => `SELECT ${fill('7', n)}`],
  ['decimal', (n) => `SELECT ${fill('3', n / 2)}.${fill('1', n / 2)}`],
  ['name', (n) => `SELECT ${fill('n', n)}`],
  ['spaces', (n) => `SELECT${fill(' ', n)}1`],
  ['unterminated literal', (n, u) => `SELECT '${fill(u, n)}`],
];

/** Nested or repeated `depth` times. */
const DEEP: readonly (readonly [string, (d: number) => string])[] = [
  ['parentheses', (d) => `SELECT ${'('.repeat(d)}1${')'.repeat(d)}`],
  ['unary minus', (d) => `SELECT ${'- '.repeat(d)}1`],
  ['NOT', (d) => `SELECT ${'NOT '.repeat(d)}1`],
  ['bit negation', (d) => `SELECT ${'~'.repeat(d)}1`],
  ['left-recursive +', (d) => `SELECT 1${' + 1'.repeat(d)}`],
  ['left-recursive AND', (d) => `SELECT 1${' AND 1'.repeat(d)}`],
  ['left-recursive ||', (d) => `SELECT 'a'${" || 'b'".repeat(d)}`],
  ['comparisons', (d) => `SELECT 1${' = 1'.repeat(d)}`],
  ['nested CONCAT', (d) => `SELECT ${'CONCAT('.repeat(d)}'a'${", 'b')".repeat(d)}`],
  ['nested REPLACE', (d) => `SELECT ${'REPLACE('.repeat(d)}'ab'${", 'a', 'aa')".repeat(d)}`],
  ['nested CASE', (d) => `SELECT ${'CASE WHEN 1 THEN '.repeat(d)}1${' END'.repeat(d)}`],
  ['nested subqueries', (d) => `SELECT ${'(SELECT '.repeat(d)}1${')'.repeat(d)}`],
  ['wide IN list', (d) => `SELECT 1 IN (${'1, '.repeat(d)}2)`],
  ['many CONCAT arguments', (d) => `SELECT LENGTH(CONCAT(${"'a', ".repeat(d)}'b'))`],
  ['many select items', (d) => `SELECT ${'1, '.repeat(d)}2`],
];

function check(sql: string): void {
  let results;
  try {
    results = session.query(sql);
  } catch (e) {
    throw new Error(`threw on ${sql.length} chars (${sql.slice(0, 60)}…): ${(e as Error).stack}`);
  }
  for (const r of results) {
    if (isObError(r)) expect({ errno: r.errno, message: r.message.slice(0, 200) }).not.toMatchObject({ errno: 4016 });
  }
  // The session still answers.
  expect(session.rows('SELECT 1 AS one')).toMatchObject({ rows: [[1n]] });
}

describe(seedTitle('any input size up to max_allowed_packet and any depth ends without 4016'), () => {
  it('grown parts', () => {
    const arb = fc.tuple(fc.constantFrom(...SIZED), logSize(MAX_PART), fc.constantFrom(...STRING_UNITS));
    fc.assert(fc.property(arb, ([[, grow], n, unit]) => check(grow(n, unit))), { numRuns: RUNS });
  }, PROPERTY_TIMEOUT_MS);

  it('nesting and repetition', () => {
    const arb = fc.tuple(fc.constantFrom(...DEEP), logSize(200_000));
    fc.assert(fc.property(arb, ([[, build], d]) => check(build(d))), { numRuns: RUNS });
  }, PROPERTY_TIMEOUT_MS);

  // The sizes the issue reported, every kind at the top of the range.
  it.each(SIZED.map(([name, grow]) => [name, grow] as const))('%s of 10 MB', (_name, grow) => {
    check(grow(10 * 1024 * 1024, 'a'));
  });

  it.each(DEEP.filter(([name]) => ['parentheses', 'left-recursive +', 'nested REPLACE'].includes(name)))('%s, 100,000 deep', (_name, build) => {
    check(build(100_000));
  });

  it('a 10 MB literal gives its length', () => {
    expect(session.rows(`SELECT LENGTH('${'a'.repeat(10 * 1024 * 1024)}') AS n`)).toMatchObject({ rows: [[10_485_760n]] });
    expect(session.rows(`SELECT LENGTH('${"x''\\n".repeat(1024 * 1024)}') AS n`)).toMatchObject({ rows: [[3n * 1024n * 1024n]] });
  });

  it('over the wire, a 10 MB literal gets its length and the connection stays usable', async () => {
    const server = await startServer({ port: 0, clock: 'manual', startTime: '2024-01-31T03:20:00Z' });
    try {
      const c = await mysql.createConnection({ host: '127.0.0.1', port: server.port, user: 'root@mysql_tenant' });
      const [rows] = await c.query(`SELECT LENGTH('${'a'.repeat(10 * 1024 * 1024)}') AS n`);
      expect(rows).toEqual([{ n: 10_485_760 }]);
      const [again] = await c.query('SELECT 1 AS one');
      expect(again).toEqual([{ one: 1 }]);
      await c.end();
    } finally {
      await server.close();
    }
  });
});
