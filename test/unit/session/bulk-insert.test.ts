/**
 * The bulk INSERT's fast paths (grammar/fast-insert.ts, query/dml/source-rows.ts, the autocommit commit of a
 * statement alone) change nothing but speed: the rows stored equal those of the same INSERT written so that it
 * takes the general paths, and a bad row still fails the whole statement with the error, row number and order
 * the general path gives.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type EmulatorSession, type StatementResult } from '../../../src/index.js';

const TABLE = 'CREATE TABLE t (id BIGINT PRIMARY KEY, k INT NOT NULL, v VARCHAR(8), d DECIMAL(10,2))';

function app(): EmulatorSession {
  const s = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ tenant: 'mysql_tenant' });
  for (const sql of ['CREATE DATABASE app', 'USE app', TABLE, TABLE.replace(' t ', ' u ')]) expect(isObError(s.execute(sql)), sql).toBe(false);
  return s;
}

function error(r: StatementResult): string {
  return isObError(r) ? `${r.errno} ${r.message}` : 'ok';
}

function rows(s: EmulatorSession, table: string): string[] {
  const r = s.execute(`SELECT id, k, v, d FROM ${table} ORDER BY id`);
  if (isObError(r) || r.kind !== 'rows') throw new Error('SELECT failed');
  return r.resultSet.rows.map((row) => row.map(String).join('|'));
}

/** Row i of the test, literal (fast paths) or with `+` before each number (chevrotain, compiled values). */
function row(i: number, plus: string): string {
  const v = i % 7 === 0 ? 'NULL' : i % 5 === 0 ? 'DEFAULT' : `'v\\t${i % 100}'`;
  const d = i % 3 === 0 ? `-${i}.5` : `${i % 1000}.${i % 10}`;
  return `(${plus}${i}, ${i % 2 === 0 ? '-' : plus}${i * 7}, ${v}, ${d.startsWith('-') ? d : plus + d})`;
}

describe('bulk INSERT through the fast paths', () => {
  it('stores what the general paths store', () => {
    const s = app();
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    const fast = s.execute(`INSERT INTO t VALUES ${ids.map((i) => row(i, '')).join(', ')}`);
    const general = s.execute(`INSERT INTO u VALUES ${ids.map((i) => row(i, '+')).join(', ')}`);
    expect(fast).toEqual(general);
    expect(rows(s, 't')).toEqual(rows(s, 'u'));
    expect(rows(s, 't')).toHaveLength(1000);
  });

  it('a wrong row width anywhere is found before a bad value in an earlier row, and nothing is stored', () => {
    const s = app();
    expect(error(s.execute("INSERT INTO t VALUES (1, 1, 'far too long', 1), (2, 2)"))).toBe('1136 Column count doesn\'t match value count at row 2');
    expect(rows(s, 't')).toEqual([]);
  });

  it('a bad value names its row, and the rows before it are not stored', () => {
    const s = app();
    expect(error(s.execute('INSERT INTO t VALUES (1, 1, NULL, 1), (2, 2, NULL, 2), (3, 99999999999, NULL, 3)'))).toMatch(/^1264 Out of range value for column 'k' at row 3$/);
    expect(error(s.execute("INSERT INTO t (id, k, v) VALUES (1, 1, 'ok'), (2, 2, 'much too long')"))).toMatch(/^1406 Data too long for column 'v' at row 2$/);
    expect(error(s.execute('INSERT INTO t VALUES (1, 1, NULL, 1), (1, 2, NULL, 2)'))).toMatch(/^1062 Duplicate entry '1' for key 'PRIMARY'$/);
    expect(rows(s, 't')).toEqual([]);
  });

  it('an expression that fails is still evaluated before any row is stored (the general path)', () => {
    const s = app();
    expect(error(s.execute("INSERT INTO t VALUES (1, 1, 'far too long', 1), (2, 9223372036854775807 + 1, NULL, 2)"))).toMatch(/^1690 BIGINT value is out of range/);
    expect(rows(s, 't')).toEqual([]);
  });

  it('inside a transaction the rows wait for COMMIT, and a second statement meets the first one\'s keys', () => {
    const s = app();
    for (const sql of ['BEGIN', 'INSERT INTO t VALUES (1, 1, NULL, 1), (2, 2, NULL, 2)']) expect(error(s.execute(sql))).toBe('ok');
    expect(error(s.execute('INSERT INTO t VALUES (3, 3, NULL, 3), (2, 2, NULL, 2)'))).toMatch(/^1062 Duplicate entry '2'/);
    expect(error(s.execute('COMMIT'))).toBe('ok');
    expect(rows(s, 't')).toEqual(['1|1|null|1.00', '2|2|null|2.00']);
  });
});
