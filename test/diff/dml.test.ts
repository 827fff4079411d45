/**
 * Differential test of the data plane (issue 20 Build 5): generated INSERT / REPLACE / UPDATE / DELETE and DDL
 * sequences run over the wire, with the same client (mysql2, its default capability flags, FOUND_ROWS among them),
 * against the emulator's MySQL-mode tenant and against MariaDB 10.11; after every statement both must give the
 * same answer (the error number, or affected rows, insert id and info text, or the same rows) and hold the same
 * rows. Skips with a message where mariadb-server is absent, except in CI (CI=true), where it must run.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.js';
import { DUMPS, dmlSequences, SETUP } from './dml-generators.js';
import { mariadbAvailable, startMariaDb, type MariaDb } from './mariadb-server.js';

const SEED = Number(process.env.FC_SEED ?? 20261207);
const SEQUENCES = 12;
const LENGTH = 50;
const inCi = process.env.CI === 'true';
const available = mariadbAvailable();
if (!available && !inCi) console.warn('differential DML test skipped: mariadb-server is not installed (apt-get install mariadb-server)');

type Answer = { error: number; message: string } | { ok: [affectedRows: number, insertId: number, info: string] } | { rows: unknown[] };

/** One statement's answer, as text: both servers' values go through the same text protocol and client. */
async function answer(c: mysql.Connection, sql: string): Promise<Answer> {
  try {
    const [result] = await c.query({ sql, rowsAsArray: true, typeCast: (field, _next) => field.string() });
    if (Array.isArray(result)) return { rows: result };
    const h = result as mysql.ResultSetHeader;
    return { ok: [h.affectedRows, h.insertId, h.info ?? ''] };
  } catch (e) {
    const err = e as { errno?: number; message?: string; fatal?: boolean };
    if (err.errno === undefined || err.fatal === true) throw e;
    return { error: err.errno, message: err.message ?? '' };
  }
}

/**
 * The answer as compared: errors by number only (the texts are each server's own), everything else whole, except
 * the info text of ALTER TABLE: MySQL's copying ALTER reports `Records: 0  Duplicates: 0  Warnings: 0`, while
 * OceanBase answers DDL with a bare OK.
 */
const compared = (a: Answer, sql: string): string => {
  if ('error' in a) return JSON.stringify({ error: a.error });
  if ('ok' in a && /^\s*ALTER\s+TABLE/i.test(sql)) return JSON.stringify({ ok: a.ok.slice(0, 2) });
  return JSON.stringify(a);
};

describe.skipIf(!available && !inCi)(`differential DML: emulator vs MariaDB (seed ${SEED})`, () => {
  let db: MariaDb;
  let server: RunningServer;
  let emulator: mysql.Connection;

  beforeAll(async () => {
    db = await startMariaDb();
    await db.connection.query("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE', time_zone = '+08:00'");
    server = await startServer({ port: 0, clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
    emulator = await mysql.createConnection({ host: '127.0.0.1', port: server.port, user: 'root@mysql_tenant', password: '' });
  }, 60_000);

  afterAll(async () => {
    await emulator?.end().catch(() => undefined);
    await server?.close();
    await db?.stop();
  });

  it(`gives the same answers and holds the same rows over ${SEQUENCES * LENGTH} generated statements`, async () => {
    const mismatches: string[] = [];
    let statements = 0;
    let succeeded = 0;
    for (const [i, sequence] of dmlSequences(SEED, SEQUENCES, LENGTH).entries()) {
      const setup = [`CREATE DATABASE d${i}`, `USE d${i}`, ...SETUP];
      for (const sql of setup) {
        const [mine, theirs] = [await answer(emulator, sql), await answer(db.connection, sql)];
        expect(compared(mine, sql), sql).toBe(compared(theirs, sql));
      }
      const done: string[] = [];
      for (const sql of sequence) {
        done.push(sql);
        statements++;
        const [mine, theirs] = [await answer(emulator, sql), await answer(db.connection, sql)];
        if (!('error' in theirs)) succeeded++;
        let found = compared(mine, sql) === compared(theirs, sql) ? undefined : `answer\n  mine:    ${JSON.stringify(mine)}\n  mariadb: ${JSON.stringify(theirs)}`;
        for (const dump of DUMPS) {
          if (found !== undefined) break;
          const [a, b] = [await answer(emulator, dump), await answer(db.connection, dump)];
          if (compared(a, dump) !== compared(b, dump)) found = `${dump} after it\n  mine:    ${JSON.stringify(a)}\n  mariadb: ${JSON.stringify(b)}`;
        }
        if (found !== undefined) {
          mismatches.push(`sequence ${i}, after:\n    ${done.slice(-4).join(';\n    ')}\n${found}`);
          break;
        }
      }
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(statements).toBeGreaterThanOrEqual(500);
    // Most statements do something: the generator is not a generator of errors.
    expect(succeeded / statements).toBeGreaterThan(0.6);
  }, 300_000);
});
