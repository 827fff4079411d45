/**
 * A statement run over and over on one connection, through the real stack: the parse, plan, context and reply
 * kept from its last run (parse-cache.ts, plan-cache.ts, Session.evalContext, wire/result-cache.ts) must never
 * answer with what held then instead of what holds now.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/index.js';

let server: Awaited<ReturnType<typeof startServer>>;
let c: mysql.Connection;

beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, clock: 'manual', startTime: '2024-05-01T00:00:00.000Z', seed: 1 });
  c = await mysql.createConnection({ host: server.host, port: server.port, user: 'root' });
});

afterAll(async () => {
  await c.end();
  await server.close();
});

describe('repeated statements', () => {
  it('a prepared statement answers each execution with its own parameters', async () => {
    for (const n of [1, 41, 41, -5]) {
      const [rows] = await c.execute({ sql: 'SELECT ? + 1 AS n', rowsAsArray: true }, [n]);
      expect(rows).toEqual([[n + 1]]);
    }
  });

  it('SELECT 1 keeps answering the same, in text and binary, whatever ran in between', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await c.query({ sql: 'SELECT 1', rowsAsArray: true }))[0]).toEqual([[1]]);
      expect((await c.execute({ sql: 'SELECT 1', rowsAsArray: true }))[0]).toEqual([[1]]);
      await c.query(`SET @x = ${i}`);
    }
  });

  it('a repeated text statement sees the time zone and the clock of now', async () => {
    const ask = async (): Promise<unknown[]> => ((await c.query({ sql: "SELECT UNIX_TIMESTAMP('2024-01-01 00:00:00'), NOW()", rowsAsArray: true, dateStrings: true }))[0] as unknown[][])[0]!;
    const [epoch] = await ask();
    await c.query("SET time_zone = '-05:00'");
    const [shifted, now] = await ask();
    expect(Number(shifted) - Number(epoch)).toBe(13 * 3600);
    await c.query("ALTER EMULATOR ADVANCE TIME 10 SECONDS");
    const [, later] = await ask();
    expect(Date.parse(`${later as string}Z`) - Date.parse(`${now as string}Z`)).toBe(10_000);
  });
});
