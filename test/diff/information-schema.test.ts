/**
 * Differential test of information_schema and the SHOW family (issue 21): the emulator's information_schema rows
 * are copied into real tables of a MariaDB 10.11, then generated queries over them (filters, aggregates, subqueries,
 * the expressions and the very queries Connector/J sends) must give the same labels and rows from the emulator
 * and from MariaDB, and each SHOW … LIKE / WHERE the same rows as the SELECT over information_schema that MySQL
 * defines it as. What is compared is MySQL's semantics (LIKE and its escapes, general_ci comparisons, NULLs, CASE,
 * CONVERT, LOCATE, GROUP BY, EXISTS / IN), over the catalog the emulator really serves.
 * Skips with a message where mariadb-server is absent, except in CI (CI=true), where it must run.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, isObError, type EmulatorSession } from '../../src/index.js';
import { scaleOf } from '../../src/query/types.js';
import { textOf } from '../../src/query/values.js';
import type { ResultSet } from '../../src/result.js';
import { COPIED_TABLES, informationSchemaQueries, SELECT_KINDS, showQueries } from './information-schema-generators.js';
import { mariadbAvailable, startMariaDb, type MariaDb } from './mariadb-server.js';

const SEED = Number(process.env.FC_SEED ?? 20240501);
const PER_KIND = 40;
const SHOWS = 100;
const inCi = process.env.CI === 'true';
const available = mariadbAvailable();
if (!available && !inCi) console.warn('information_schema differential test skipped: mariadb-server is not installed (apt-get install mariadb-server)');

type Answer = { labels: string[]; rows: (string | null)[][] } | { error: string };

/** The copy's schema in MariaDB: every `information_schema.` of a query is read there instead. */
const COPY = 'iscopy';
const onCopy = (sql: string): string => sql.replace(/information_schema\./gi, `${COPY}.`);

describe.skipIf(!available && !inCi)(`differential: information_schema and SHOW vs MariaDB (seed ${SEED})`, () => {
  let db: MariaDb;
  let session: EmulatorSession;
  let zone: string;

  function mine(sql: string): Answer {
    const r: ResultSet | ReturnType<EmulatorSession['rows']> = session.rows(sql);
    if (isObError(r)) return { error: r.message };
    return { labels: r.columns.map((c) => c.name), rows: r.rows.map((row) => row.map((v, i) => (v === null ? null : textOf(v, scaleOf(r.columns[i]!.type), zone)))) };
  }

  async function theirs(sql: string): Promise<Answer> {
    try {
      const [rows, fields] = await db.connection.query({ sql, rowsAsArray: true, typeCast: (field, _next) => field.string() });
      return { labels: (fields ?? []).map((f) => f.name), rows: rows as (string | null)[][] };
    } catch (e) {
      return { error: String(e) };
    }
  }

  function differs(a: Answer, b: Answer, sorted: boolean): boolean {
    if ('error' in a || 'error' in b) return !('error' in a && 'error' in b);
    const rows = (x: { rows: (string | null)[][] }) => {
      const texts = x.rows.map((r) => JSON.stringify(r));
      return JSON.stringify(sorted ? texts.sort() : texts);
    };
    return JSON.stringify(a.labels) !== JSON.stringify(b.labels) || rows(a) !== rows(b);
  }

  beforeAll(async () => {
    session = createEmulator({ startTime: '2024-05-01T00:00:00Z' }).session({ tenant: 'mysql_tenant', database: 'oceanbase' });
    const tz = session.rows('SELECT @@time_zone');
    zone = isObError(tz) ? '+08:00' : String(tz.rows[0]?.[0]);
    db = await startMariaDb();
    await db.connection.query(`CREATE DATABASE ${COPY} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci; USE ${COPY}; SET time_zone = '${zone}'`);
    for (const table of COPIED_TABLES) {
      const all = mine(`SELECT * FROM information_schema.${table}`);
      const desc = session.rows(`DESC information_schema.${table}`);
      if ('error' in all || isObError(desc)) throw new Error(`information_schema.${table}: ${'error' in all ? all.error : ''}`);
      // Text as longtext (no row-size limit), numbers as (unsigned) bigint, times as datetime: values compare as MySQL's.
      const columns = desc.rows.map(([name, type]) => {
        const t = String(type);
        const sqlType = /int/.test(t) ? `bigint${/unsigned/.test(t) ? ' unsigned' : ''}` : /date|time/.test(t) ? 'datetime' : 'longtext';
        return `\`${String(name)}\` ${sqlType} NULL`;
      });
      await db.connection.query(`CREATE TABLE ${table} (${columns.join(', ')})`);
      if (all.rows.length > 0) await db.connection.query(`INSERT INTO ${table} VALUES ?`, [all.rows]);
      // The copy holds what the emulator holds.
      const [[count]] = (await db.connection.query({ sql: `SELECT COUNT(*) FROM ${table}`, rowsAsArray: true })) as unknown as [[[number]]];
      expect(Number(count), table).toBe(all.rows.length);
    }
  }, 60_000);

  afterAll(async () => {
    await db?.stop();
  });

  it(`answers ${PER_KIND * Object.keys(SELECT_KINDS).length} generated queries over information_schema as MariaDB does over the same rows`, async () => {
    const generated = informationSchemaQueries(SEED, PER_KIND);
    const mismatches: string[] = [];
    const withRows = new Map<string, number>();
    for (const { kind, sql } of generated) {
      const a = mine(sql);
      const b = await theirs(onCopy(sql));
      if (!('error' in a) && a.rows.length > 0) withRows.set(kind, (withRows.get(kind) ?? 0) + 1);
      if (differs(a, b, false)) mismatches.push(`${sql}\n  mine:    ${JSON.stringify(a)}\n  mariadb: ${JSON.stringify(b)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(generated.length).toBeGreaterThanOrEqual(250);
    // Every kind answers rows most of the time, so the comparison is of rows and not of empty results or errors.
    for (const kind of Object.keys(SELECT_KINDS)) expect(withRows.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(PER_KIND / 3);
  }, 120_000);

  it(`answers ${SHOWS} generated SHOW … LIKE / WHERE with the rows of their information_schema SELECT`, async () => {
    const pairs = showQueries(SEED, SHOWS);
    const mismatches: string[] = [];
    let withRows = 0;
    for (const { show, select, ordered } of pairs) {
      const a = mine(show);
      const b = await theirs(onCopy(select));
      if ('error' in a) mismatches.push(`${show}\n  mine: ${a.error}`);
      else if (a.rows.length > 0) withRows++;
      if (differs(a, b, !ordered)) mismatches.push(`${show}\n  ${select}\n  mine:    ${JSON.stringify(a)}\n  mariadb: ${JSON.stringify(b)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(withRows).toBeGreaterThanOrEqual(SHOWS / 2);
  }, 120_000);
});
