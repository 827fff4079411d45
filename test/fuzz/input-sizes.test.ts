/**
 * Input sizes (issue 18 Build 4): seeded inputs at the lexer's and parser's limits, sent over the wire as a client
 * would, each within max_allowed_packet: huge string literals and quoted names, numbers of thousands of digits,
 * deep parentheses, long operator chains and nested calls, subqueries nested deep, IN lists and select lists of
 * many thousands, thousands of statements in one packet, huge comments. Every input must end in a result or a
 * clear OceanBase error (an errno, never a closed connection), and the same connection must answer `SELECT 1`
 * afterwards. FC_SEED picks the sizes; FUZZ_INPUTS scales the count (the soak runs many more).
 */
import fc from 'fast-check';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.js';
import { fuzzInputs, fuzzSeed } from './support/scale.js';

const SEED = fuzzSeed();
/** One input per 300 of the wire fuzz's: 40 in `npm test`. */
const COUNT = Math.max(16, Math.floor(fuzzInputs() / 300));
/** Below max_allowed_packet (16 MB) with room for the packet's own bytes. */
const MAX_BYTES = 8_000_000;

const size = (max: number) => fc.integer({ min: 1, max }).map((n) => Math.min(n, max));
const repeatJoin = (part: string, n: number, sep: string): string => Array.from({ length: n }, () => part).join(sep);

/** Each kind of input as a function of a size drawn for it. */
const inputs: fc.Arbitrary<{ kind: string; sql: string }> = fc.oneof(
  size(MAX_BYTES).map((n) => ({ kind: 'string literal', sql: `SELECT LENGTH('${'a'.repeat(n)}')` })),
  size(MAX_BYTES / 2).map((n) => ({ kind: 'escaped string', sql: `SELECT LENGTH("${'\\"x'.repeat(n / 3)}''")` })),
  size(1_000_000).map((n) => ({ kind: 'quoted name', sql: `SELECT 1 AS \`${'n'.repeat(n)}\`` })),
  size(100_000).map((n) => ({ kind: 'long number', sql: `SELECT ${'9'.repeat(n)} + 1` })),
  size(100_000).map((n) => ({ kind: 'long decimal', sql: `SELECT 0.${'1'.repeat(n)}` })),
  size(200_000).map((n) => ({ kind: 'deep parentheses', sql: `SELECT ${'('.repeat(n)}1${')'.repeat(n)}` })),
  size(200_000).map((n) => ({ kind: 'long + chain', sql: `SELECT ${repeatJoin('1', n, '+')}` })),
  size(100_000).map((n) => ({ kind: 'unary chain', sql: `SELECT ${'- '.repeat(n)}1` })),
  size(50_000).map((n) => ({ kind: 'NOT chain', sql: `SELECT ${'NOT '.repeat(n)}1` })),
  size(20_000).map((n) => ({ kind: 'nested calls', sql: `SELECT ${'CONCAT('.repeat(n)}'x'${", 'y')".repeat(n)}` })),
  size(3_000).map((n) => ({ kind: 'nested subqueries', sql: `SELECT ${'(SELECT '.repeat(n)}1${')'.repeat(n)}` })),
  size(200_000).map((n) => ({ kind: 'IN list', sql: `SELECT 5 IN (${Array.from({ length: n }, (_, i) => i).join(',')})` })),
  size(50_000).map((n) => ({ kind: 'select list', sql: `SELECT ${repeatJoin('1', n, ',')}` })),
  size(20_000).map((n) => ({ kind: 'CASE arms', sql: `SELECT CASE 3 ${Array.from({ length: n }, (_, i) => `WHEN ${i} THEN ${i}`).join(' ')} END` })),
  size(20_000).map((n) => ({ kind: 'statements', sql: repeatJoin('SELECT 1', n, ';') })),
  size(MAX_BYTES).map((n) => ({ kind: 'block comment', sql: `SELECT /* ${'c'.repeat(n)} */ 1` })),
  size(100_000).map((n) => ({ kind: 'line comments', sql: `SELECT 1 ${'-- c\n'.repeat(n)}` })),
  size(MAX_BYTES).map((n) => ({ kind: 'unterminated string', sql: `SELECT '${'u'.repeat(n)}` })),
  size(100_000).map((n) => ({ kind: 'long name', sql: `SELECT * FROM ${'t'.repeat(n)}` })),
);

describe(`input sizes at the lexer's and parser's limits (seed ${SEED}, ${COUNT} inputs)`, () => {
  let server: RunningServer;
  let c: mysql.Connection;

  beforeAll(async () => {
    server = await startServer({ port: 0, clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
    c = await mysql.createConnection({ host: '127.0.0.1', port: server.port, user: 'root', password: '', multipleStatements: true });
  });
  afterAll(async () => {
    await c?.end().catch(() => undefined);
    await server?.close();
  });

  it('answers every input with a result or an OceanBase error, and the connection stays usable', async () => {
    const seen = new Map<string, { answered: number; errors: Set<number> }>();
    for (const { kind, sql } of fc.sample(inputs, { seed: SEED, numRuns: COUNT })) {
      let errno: number | undefined;
      try {
        await c.query(sql);
      } catch (e) {
        const err = e as { errno?: number; fatal?: boolean; message?: string };
        // A fatal error is a closed connection: never an answer.
        expect(err.fatal ?? false, `${kind} (${sql.length} bytes): ${err.message}`).toBe(false);
        expect(err.errno, `${kind}: ${err.message}`).toEqual(expect.any(Number));
        errno = err.errno;
      }
      const [rows] = await c.query('SELECT 1 AS one');
      expect(rows, kind).toEqual([{ one: 1 }]);
      const s = seen.get(kind) ?? { answered: 0, errors: new Set<number>() };
      s.answered++;
      if (errno !== undefined) s.errors.add(errno);
      seen.set(kind, s);
    }
    // The seed reaches most kinds; none answers with the internal error that means a crash path (4016).
    expect(seen.size).toBeGreaterThan(8);
    for (const [kind, s] of seen) expect([...s.errors], kind).not.toContain(4016);
  }, 240_000);
});
