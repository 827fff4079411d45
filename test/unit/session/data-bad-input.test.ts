/**
 * Odd data-plane statements give an error or a MySQL answer, never an exception, and a refused one changes
 * nothing (issue 20: "no input may crash a connection").
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type StatementResult } from '../../../src/index.js';

const ODD = [
  'CREATE TABLE d1 (a INT DEFAULT (a + 1))',
  'CREATE TABLE d2 (a INT DEFAULT (SELECT * FROM nosuch))',
  'CREATE TABLE d3 (a INT DEFAULT (NOW()))',
  'CREATE TABLE d4 (a DATETIME DEFAULT NOW(7))',
  'CREATE TABLE d5 (a VARCHAR(10) DEFAULT CURRENT_TIMESTAMP)',
  'CREATE TABLE d6 (a INT) AUTO_INCREMENT = 99999999999999999999999',
  'CREATE TABLE d7 (a INT, INDEX (a), INDEX (a), UNIQUE (a), UNIQUE (a))',
  'CREATE TABLE d8 (a TIMESTAMP(7))',
  'CREATE TABLE d9 (a INT(999))',
  'CREATE TABLE d10 (a VARCHAR(99999999999999999999))',
  'CREATE TABLE d11 (a DECIMAL(65, 30) PRIMARY KEY, b FLOAT UNIQUE, c DOUBLE, d DATE, e TIME)',
  'CREATE TABLE d12 (a ENUMS)',
  'CREATE TABLE d13 AS SELECT NULL AS n, 1 AS one, 1.5 AS d, NOW() AS t, "s" AS s',
  'CREATE TABLE d14 (KEY (x))',
  'CREATE TABLE d15 (a INT AUTO_INCREMENT, b INT AUTO_INCREMENT, KEY (a), KEY (b))',
  'CREATE TABLE d16 (a BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY DEFAULT 1)',
  'CREATE TABLE d17 LIKE nosuch',
  'CREATE TABLE oceanbase.d18 (a INT)',
  'CREATE TABLE information_schema.d19 (a INT)',
  'INSERT INTO t VALUES ((SELECT 1), 2, 3)',
  'INSERT INTO t SELECT * FROM t',
  'INSERT INTO t (a) SELECT a FROM t ON DUPLICATE KEY UPDATE a = VALUES(a) + 100',
  'INSERT INTO t VALUES (1e400, 1, 1)',
  "INSERT INTO t VALUES (9, '1e5', '2024-13-01')",
  'INSERT INTO t VALUES (?, ?, ?)',
  'INSERT INTO t () VALUES ()',
  'INSERT INTO t (a) VALUES (1), (2, 3)',
  'INSERT INTO t SET a = 1, a = 2',
  'INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE nosuch = 1',
  'INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(nosuch)',
  'INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE other.a = 1',
  'UPDATE t SET a = (SELECT MAX(a) FROM t)',
  'UPDATE t SET b = DEFAULT, c = DEFAULT',
  'UPDATE t SET a = a WHERE a = ? ORDER BY nosuch LIMIT ?',
  'UPDATE t x SET t.a = 1',
  'DELETE FROM t WHERE a = ? LIMIT ?',
  'DELETE FROM t WHERE a IN (SELECT a FROM t)',
  'DELETE FROM t WHERE a = 1 AND a = 2',
  'ALTER TABLE t ADD COLUMN z INT FIRST, DROP COLUMN z',
  'ALTER TABLE t DROP COLUMN a',
  'ALTER TABLE t ADD COLUMN q INT AFTER nosuch',
  'ALTER TABLE t ADD UNIQUE KEY uq (b)',
  'ALTER TABLE t ADD INDEX (b), DROP INDEX b',
  'ALTER TABLE t DROP PRIMARY KEY',
  'ALTER TABLE nosuch ADD COLUMN x INT',
  'ALTER TABLE oceanbase.DBA_OB_TENANTS ADD COLUMN x INT',
  'RENAME TABLE t TO oceanbase.x',
  'RENAME TABLE t TO t',
  'TRUNCATE TABLE nosuch',
  'DROP TABLE oceanbase.DBA_OB_TENANTS',
  'DROP DATABASE oceanbase',
  'CREATE DATABASE `weird name ``quoted```',
  'SELECT * FROM t WHERE a = 1.5 OR a = NULL',
];

function safe(r: StatementResult): string {
  if (isObError(r)) {
    expect(r.errno).toBeGreaterThan(0);
    return `error ${r.errno}`;
  }
  return r.kind;
}

describe('odd data-plane statements', () => {
  it.each(ODD)('%s answers without throwing', (sql) => {
    const s = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ tenant: 'mysql_tenant', database: 'test' });
    expect(isObError(s.execute('CREATE TABLE t (a INT PRIMARY KEY, b INT NOT NULL DEFAULT 0, c VARCHAR(3))'))).toBe(false);
    expect(isObError(s.execute("INSERT INTO t VALUES (1, 1, 'x'), (2, 2, 'y')"))).toBe(false);
    const before = JSON.stringify(s.execute('SELECT * FROM t'), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    const outcome = safe(s.execute(sql));
    expect(outcome).toMatch(/^(ok|rows|error \d+)$/);
    // The connection still answers, and a refused statement left the table as it was.
    expect(safe(s.execute('SELECT 1'))).toBe('rows');
    if (outcome.startsWith('error')) expect(JSON.stringify(s.execute('SELECT * FROM t'), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe(before);
  });
});
