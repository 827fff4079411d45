/**
 * The data plane's SQL in process (issue 20): databases, tables and rows of a MySQL-mode user tenant, with MySQL's
 * strict-mode errors, affected rows, insert ids and info texts; the SHOW family and information_schema over user
 * tables; sys and Oracle-mode tenants answering with "not supported" rather than a syntax error.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type EmulatorSession, type StatementResult } from '../../../src/index.js';

const START = '2024-01-31T03:20:00Z';

function text(v: unknown): unknown {
  if (typeof v === 'bigint') return String(v);
  if (v !== null && typeof v === 'object' && 'unscaled' in v) return String(v);
  return v;
}

/** A result as a test reads it: rows as text cells, OK with its counts, an error as `errno message`. */
function outcome(r: StatementResult): unknown {
  if (isObError(r)) return `${r.errno} ${r.message}`;
  if (r.kind === 'rows') return r.resultSet.rows.map((row) => row.map((v) => (v !== null && typeof v === 'object' && 'utcMicros' in v ? String(v.utcMicros) : text(v))));
  const { affectedRows = 0, lastInsertId, info } = r as { affectedRows?: number; lastInsertId?: bigint | number; info?: string };
  return { affected: affectedRows, ...(lastInsertId === undefined ? {} : { id: String(lastInsertId) }), ...(info === undefined ? {} : { info }) };
}

function mysql(): EmulatorSession {
  return createEmulator({ startTime: START }).session({ tenant: 'mysql_tenant' });
}

/** A session in a fresh database `app` with the statements run. */
function app(...setup: string[]): EmulatorSession {
  const s = mysql();
  for (const sql of ['CREATE DATABASE app', 'USE app', ...setup]) expect(isObError(s.execute(sql)), sql).toBe(false);
  return s;
}

const run = (s: EmulatorSession, sql: string): unknown => outcome(s.execute(sql));

describe('databases', () => {
  it('CREATE / DROP DATABASE with IF [NOT] EXISTS, USE, SHOW DATABASES and their errors', () => {
    const s = mysql();
    expect(run(s, 'SHOW DATABASES')).toEqual([['information_schema'], ['mysql'], ['oceanbase'], ['test']]);
    expect(run(s, 'CREATE DATABASE app')).toEqual({ affected: 1 });
    expect(run(s, 'CREATE DATABASE app')).toBe("1007 Can't create database 'app'; database exists");
    expect(run(s, 'CREATE DATABASE IF NOT EXISTS app')).toEqual({ affected: 0 });
    expect(run(s, 'SHOW DATABASES')).toEqual([['app'], ['information_schema'], ['mysql'], ['oceanbase'], ['test']]);
    expect(run(s, 'USE app')).toEqual({ affected: 0 });
    expect(run(s, 'SELECT DATABASE()')).toEqual([['app']]);
    expect(run(s, 'DROP DATABASE app')).toEqual({ affected: 0 });
    expect(run(s, 'SELECT DATABASE()')).toEqual([[null]]);
    expect(run(s, 'USE app')).toBe("1049 Unknown database 'app'");
    expect(run(s, 'DROP DATABASE app')).toBe("1008 Can't drop database 'app'; database doesn't exist");
    expect(run(s, 'DROP DATABASE IF EXISTS app')).toEqual({ affected: 0 });
  });
});

describe('CREATE TABLE and the SHOW family', () => {
  const DDL =
    "CREATE TABLE t (id INT UNSIGNED NOT NULL AUTO_INCREMENT, sku CHAR(8) NOT NULL, price DECIMAL(8,2) DEFAULT '0', at DATETIME DEFAULT CURRENT_TIMESTAMP, note TEXT COMMENT 'free', PRIMARY KEY (id), UNIQUE KEY uk_sku (sku), KEY idx_at (at)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='items'";

  it('DESC / SHOW COLUMNS give the key, default and extra of each column', () => {
    const s = app(DDL);
    expect(run(s, 'DESC t')).toEqual([
      ['id', 'int(10) unsigned', 'NO', 'PRI', null, 'auto_increment'],
      ['sku', 'char(8)', 'NO', 'UNI', null, ''],
      ['price', 'decimal(8,2)', 'YES', '', '0.00', ''],
      ['at', 'datetime', 'YES', 'MUL', 'CURRENT_TIMESTAMP', ''],
      ['note', 'text', 'YES', '', null, ''],
    ]);
    expect(run(s, "DESC t 'pri%'")).toEqual([['price', 'decimal(8,2)', 'YES', '', '0.00', '']]);
    expect(run(s, 'SHOW FULL COLUMNS FROM t LIKE \'note\'')).toEqual([['note', 'text', 'utf8mb4_general_ci', 'YES', '', null, '', 'select,insert,update,references', 'free']]);
  });

  it('SHOW CREATE TABLE, SHOW INDEX, SHOW TABLES and information_schema list the table', () => {
    const s = app(DDL, "INSERT INTO t (sku) VALUES ('a'), ('b')");
    expect(run(s, 'SHOW CREATE TABLE t')).toEqual([
      [
        't',
        'CREATE TABLE `t` (\n' +
          '  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,\n' +
          '  `sku` char(8) NOT NULL,\n' +
          "  `price` decimal(8,2) DEFAULT '0.00',\n" +
          '  `at` datetime DEFAULT CURRENT_TIMESTAMP,\n' +
          "  `note` text DEFAULT NULL COMMENT 'free',\n" +
          '  PRIMARY KEY (`id`),\n' +
          '  UNIQUE KEY `uk_sku` (`sku`),\n' +
          '  KEY `idx_at` (`at`)\n' +
          ") AUTO_INCREMENT = 3 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci COMMENT = 'items'",
      ],
    ]);
    expect(run(s, 'SHOW INDEX FROM t').map((r: unknown[]) => r.slice(0, 5))).toEqual([
      ['t', '0', 'PRIMARY', '1', 'id'],
      ['t', '0', 'uk_sku', '1', 'sku'],
      ['t', '1', 'idx_at', '1', 'at'],
    ]);
    expect(run(s, 'SHOW FULL TABLES')).toEqual([['t', 'BASE TABLE']]);
    expect(run(s, "SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, AUTO_INCREMENT, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'app'")).toEqual([['t', 'BASE TABLE', '2', '3', 'items']]);
    expect(run(s, "SELECT COLUMN_NAME, COLUMN_KEY, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'app' ORDER BY ORDINAL_POSITION LIMIT 3")).toEqual([
      ['id', 'PRI', null, 'auto_increment'],
      ['sku', 'UNI', null, ''],
      ['price', '', '0.00', ''],
    ]);
    expect(run(s, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'app'")).toEqual([['app']]);
    expect(run(s, "SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_NAME = 't'")).toEqual([
      ['PRIMARY', '0', 'id'],
      ['uk_sku', '0', 'sku'],
      ['idx_at', '1', 'at'],
    ]);
  });

  it('refuses bad definitions with MySQL errors and creates nothing', () => {
    const s = app();
    expect(run(s, 'CREATE TABLE a (x INT, x INT)')).toBe("1060 Duplicate column name 'x'");
    expect(run(s, 'CREATE TABLE a (x INT PRIMARY KEY, y INT, PRIMARY KEY (y))')).toBe('1068 Multiple primary key defined');
    expect(run(s, 'CREATE TABLE a (x INT AUTO_INCREMENT)')).toBe('1075 Incorrect table definition; there can be only one auto column and it must be defined as a key');
    expect(run(s, 'CREATE TABLE a (x INT, KEY (nope))')).toBe("1072 Key column 'nope' doesn't exist in table");
    expect(run(s, "CREATE TABLE a (x INT NOT NULL DEFAULT NULL)")).toBe("1067 Invalid default value for 'x'");
    expect(run(s, "CREATE TABLE a (x TINYINT DEFAULT 300)")).toBe("1067 Invalid default value for 'x'");
    expect(run(s, 'CREATE TABLE a (x DECIMAL(66, 2))')).toBe("1426 Too big precision 66 specified for column 'x'. Maximum is 65.");
    expect(run(s, 'CREATE TABLE a (x DECIMAL(5, 6))')).toBe("1427 For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column 'x').");
    expect(run(s, 'CREATE TABLE a (x CHAR(256))')).toBe("1074 Column length too big for column 'x' (max = 255); use BLOB or TEXT instead");
    expect(run(s, 'SHOW TABLES')).toEqual([]);
    expect(run(s, 'CREATE TABLE a (x INT)')).toEqual({ affected: 0 });
    expect(run(s, 'CREATE TABLE a (x INT)')).toBe("1050 Table 'a' already exists");
    expect(run(s, 'CREATE TABLE IF NOT EXISTS a (x INT)')).toEqual({ affected: 0 });
    expect(run(s, 'CREATE TABLE nodb.a (x INT)')).toBe("1049 Unknown database 'nodb'");
  });

  it('CREATE TABLE … LIKE copies the definition; … AS SELECT the rows too', () => {
    const s = app('CREATE TABLE src (id INT PRIMARY KEY, v VARCHAR(5))', "INSERT INTO src VALUES (1, 'a'), (2, 'b')");
    expect(run(s, 'CREATE TABLE copy LIKE src')).toEqual({ affected: 0 });
    expect(run(s, 'SELECT COUNT(*) FROM copy')).toEqual([['0']]);
    expect(run(s, 'DESC copy')).toEqual(run(s, 'DESC src'));
    expect(run(s, 'CREATE TABLE sel AS SELECT id, UPPER(v) AS up FROM src WHERE id > 1')).toEqual({ affected: 1, info: 'Records: 1  Duplicates: 0  Warnings: 0' });
    expect(run(s, 'SELECT * FROM sel')).toEqual([['2', 'B']]);
    expect(run(s, 'CREATE TABLE v2 LIKE oceanbase.DBA_OB_TENANTS')).toBe("1347 'oceanbase.DBA_OB_TENANTS' is not BASE TABLE");
  });
});

describe('INSERT', () => {
  const T = 'CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(8) NOT NULL, n INT DEFAULT 7, UNIQUE KEY uk (name))';

  it('numbers AUTO_INCREMENT as MySQL: next is max + 1, explicit values move it, LAST_INSERT_ID is the first generated', () => {
    const s = app(T);
    expect(run(s, "INSERT INTO t (name) VALUES ('a'), ('b')")).toEqual({ affected: 2, id: '1', info: 'Records: 2  Duplicates: 0  Warnings: 0' });
    expect(run(s, 'SELECT LAST_INSERT_ID()')).toEqual([['1']]);
    expect(run(s, "INSERT INTO t (id, name) VALUES (10, 'c')")).toEqual({ affected: 1, id: '10' });
    expect(run(s, 'SELECT LAST_INSERT_ID()')).toEqual([['1']]);
    expect(run(s, "INSERT INTO t (id, name) VALUES (NULL, 'd')")).toEqual({ affected: 1, id: '11' });
    expect(run(s, "INSERT INTO t SET name = 'e', n = DEFAULT")).toEqual({ affected: 1, id: '12' });
    expect(run(s, 'SELECT id, name, n FROM t ORDER BY id')).toEqual([['1', 'a', '7'], ['2', 'b', '7'], ['10', 'c', '7'], ['11', 'd', '7'], ['12', 'e', '7']]);
  });

  it('duplicates: 1062 naming the key, IGNORE skips, REPLACE deletes and inserts, ON DUPLICATE KEY UPDATE updates', () => {
    const s = app(T, "INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b')");
    expect(run(s, "INSERT INTO t (id, name) VALUES (1, 'z')")).toBe("1062 Duplicate entry '1' for key 'PRIMARY'");
    expect(run(s, "INSERT INTO t (name) VALUES ('x'), ('A')")).toBe("1062 Duplicate entry 'A' for key 'uk'");
    // The rejected statement wrote nothing, not even its first row.
    expect(run(s, 'SELECT COUNT(*) FROM t')).toEqual([['2']]);
    expect(run(s, "INSERT IGNORE INTO t (id, name) VALUES (1, 'q'), (5, 'q')")).toEqual({ affected: 1, id: '5', info: 'Records: 2  Duplicates: 1  Warnings: 1' });
    expect(run(s, "REPLACE INTO t (id, name, n) VALUES (2, 'b', 9)")).toEqual({ affected: 2, id: '2' });
    expect(run(s, "INSERT INTO t (id, name, n) VALUES (2, 'bb', 1) ON DUPLICATE KEY UPDATE n = n + VALUES(n)")).toEqual({ affected: 2, id: '2' });
    expect(run(s, "INSERT INTO t (id, name, n) VALUES (2, 'b', 0) ON DUPLICATE KEY UPDATE n = n")).toEqual({ affected: 0, id: '2' });
    expect(run(s, "INSERT INTO t (id, name, n) VALUES (2, 'b', 0) ON DUPLICATE KEY UPDATE n = CASE WHEN VALUES(n) = 0 THEN n + 1 ELSE 0 END")).toEqual({ affected: 2, id: '2' });
    expect(run(s, "INSERT INTO t (id, name) VALUES (2, 'b') ON DUPLICATE KEY UPDATE n = VALUES(nope)")).toBe("1054 Unknown column 'nope' in 'field list'");
    expect(run(s, 'SELECT id, name, n FROM t ORDER BY id')).toEqual([['1', 'a', '7'], ['2', 'b', '11'], ['5', 'q', '7']]);
  });

  it('strict mode: 1264, 1406, 1366, 1292, 1364, 1048, 1136, 1054, 1110 and DECIMAL rounding', () => {
    const s = app('CREATE TABLE v (i TINYINT, u INT UNSIGNED, d DECIMAL(5,2), s VARCHAR(3), dt DATETIME, nn INT NOT NULL)');
    expect(run(s, 'INSERT INTO v (i, nn) VALUES (128, 1)')).toBe("1264 Out of range value for column 'i' at row 1");
    expect(run(s, 'INSERT INTO v (u, nn) VALUES (1, 1), (-1, 1)')).toBe("1264 Out of range value for column 'u' at row 2");
    expect(run(s, 'INSERT INTO v (d, nn) VALUES (1000, 1)')).toBe("1264 Out of range value for column 'd' at row 1");
    expect(run(s, "INSERT INTO v (s, nn) VALUES ('abcd', 1)")).toBe("1406 Data too long for column 's' at row 1");
    expect(run(s, "INSERT INTO v (i, nn) VALUES ('x1', 1)")).toBe("1366 Incorrect integer value: 'x1' for column 'i' at row 1");
    expect(run(s, "INSERT INTO v (dt, nn) VALUES ('2024-02-30', 1)")).toBe("1292 Incorrect datetime value: '2024-02-30' for column 'dt' at row 1");
    expect(run(s, 'INSERT INTO v (i) VALUES (1)')).toBe("1364 Field 'nn' doesn't have a default value");
    expect(run(s, 'INSERT INTO v (nn) VALUES (NULL)')).toBe("1048 Column 'nn' cannot be null");
    expect(run(s, 'INSERT INTO v (i, nn) VALUES (1)')).toBe("1136 Column count doesn't match value count at row 1");
    expect(run(s, 'INSERT INTO v (nope) VALUES (1)')).toBe("1054 Unknown column 'nope' in 'field list'");
    expect(run(s, 'INSERT INTO v (i, i) VALUES (1, 2)')).toBe("1110 Column 'i' specified twice");
    expect(run(s, 'SELECT COUNT(*) FROM v')).toEqual([['0']]);
    expect(run(s, "INSERT INTO v (d, s, dt, nn) VALUES (1.005, 'ab  ', '2024-01-31 12:00:00.6', '42')")).toEqual({ affected: 1 });
    // Trailing spaces past a VARCHAR's length are cut without an error, even in strict mode (MySQL).
    expect(run(s, "SELECT d, CONCAT('[', s, ']'), DATE_FORMAT(dt, '%Y-%m-%d %H:%i:%s'), nn FROM v")).toEqual([['1.01', '[ab ]', '2024-01-31 12:00:01', '42']]);
  });

  it('DATETIME and DATE keep their wall clock whatever the session zone; TIMESTAMP is an instant', () => {
    const emu = createEmulator({ startTime: START });
    const east = emu.session({ tenant: 'mysql_tenant', database: 'test' });
    const utc = emu.session({ tenant: 'mysql_tenant', database: 'test' });
    expect(run(east, 'CREATE TABLE z (dt DATETIME PRIMARY KEY, ts TIMESTAMP NULL, d DATE, made DATETIME DEFAULT CURRENT_TIMESTAMP)')).toEqual({ affected: 0 });
    expect(run(east, "INSERT INTO z (dt, ts, d) VALUES ('2024-01-01 10:00:00', '2024-01-01 10:00:00', '2024-01-01')")).toEqual({ affected: 1 });
    expect(run(utc, "SET time_zone = '+00:00'")).toEqual({ affected: 0 });
    const shown = "SELECT DATE_FORMAT(dt, '%Y-%m-%d %H:%i'), DATE_FORMAT(ts, '%Y-%m-%d %H:%i'), DATE_FORMAT(d, '%Y-%m-%d'), DATE_FORMAT(made, '%H:%i') FROM z";
    // The default session zone is +08:00: NOW() was 11:20 there, 03:20 in UTC.
    expect(run(east, shown)).toEqual([['2024-01-01 10:00', '2024-01-01 10:00', '2024-01-01', '11:20']]);
    expect(run(utc, shown)).toEqual([['2024-01-01 10:00', '2024-01-01 02:00', '2024-01-01', '11:20']]);
    expect(run(utc, "SELECT COUNT(*) FROM z WHERE dt = '2024-01-01 10:00:00'")).toEqual([['1']]);
    expect(run(utc, "INSERT INTO z (dt) VALUES ('2024-01-01 10:00:00')")).toBe("1062 Duplicate entry '2024-01-01 10:00:00' for key 'PRIMARY'");
  });

  it('INSERT IGNORE and UPDATE IGNORE adjust what strict mode refuses, with a warning each, as MySQL does', () => {
    const s = app('CREATE TABLE g (id INT PRIMARY KEY, t TINYINT UNSIGNED, s VARCHAR(3), d DECIMAL(4,1), n INT NOT NULL)');
    const r = s.execute("INSERT IGNORE INTO g VALUES (1, 300, 'abcdef', 12345, NULL), (2, -5, 'ok', -99999, 7), (3, '12x', 'é€😀x', 1.25, 0)");
    expect(outcome(r)).toEqual({ affected: 3, info: 'Records: 3  Duplicates: 0  Warnings: 8' });
    expect(isObError(r) ? 0 : (r as { warnings?: number }).warnings).toBe(8);
    expect(run(s, 'SELECT * FROM g ORDER BY id')).toEqual([
      ['1', '255', 'abc', '999.9', '0'],
      ['2', '0', 'ok', '-999.9', '7'],
      ['3', '12', 'é€😀', '1.3', '0'],
    ]);
    expect(run(s, 'UPDATE IGNORE g SET id = 1 WHERE id > 1')).toEqual({ affected: 0, info: 'Rows matched: 2  Changed: 0  Warnings: 2' });
    expect(run(s, 'UPDATE IGNORE g SET t = t + 1000')).toEqual({ affected: 2, info: 'Rows matched: 3  Changed: 2  Warnings: 3' });
  });

  it('INSERT … SELECT copies rows, with the info text', () => {
    const s = app('CREATE TABLE a (x INT PRIMARY KEY)', 'CREATE TABLE b (x INT PRIMARY KEY)', 'INSERT INTO a VALUES (1), (2), (3)');
    expect(run(s, 'INSERT INTO b SELECT x * 10 FROM a WHERE x < 3')).toEqual({ affected: 2, info: 'Records: 2  Duplicates: 0  Warnings: 0' });
    expect(run(s, 'SELECT a.x, b.x FROM a JOIN b ON b.x = a.x * 10 ORDER BY a.x')).toEqual([['1', '10'], ['2', '20']]);
  });

  it('writes to views are still 1288, to missing tables 1146', () => {
    const s = app();
    expect(run(s, 'INSERT INTO oceanbase.DBA_OB_TENANTS VALUES (1)')).toBe('1288 The target table DBA_OB_TENANTS of the INSERT is not updatable');
    expect(run(s, 'UPDATE nosuch SET a = 1')).toBe("1146 Table 'app.nosuch' doesn't exist");
  });
});

describe('UPDATE and DELETE', () => {
  const rows = ['CREATE TABLE t (id INT PRIMARY KEY, g INT, v VARCHAR(5), UNIQUE KEY uv (v))', "INSERT INTO t VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, 2, 'd')"];

  it('UPDATE reports rows matched and changed, with ORDER BY and LIMIT', () => {
    const s = app(...rows);
    expect(run(s, 'UPDATE t SET g = 2 WHERE g = 1')).toEqual({ affected: 2, info: 'Rows matched: 2  Changed: 2  Warnings: 0' });
    expect(run(s, 'UPDATE t SET g = 2')).toEqual({ affected: 0, info: 'Rows matched: 4  Changed: 0  Warnings: 0' });
    expect(run(s, 'UPDATE t SET g = g + 1 ORDER BY id DESC LIMIT 1')).toEqual({ affected: 1, info: 'Rows matched: 1  Changed: 1  Warnings: 0' });
    expect(run(s, 'SELECT id, g FROM t ORDER BY id')).toEqual([['1', '2'], ['2', '2'], ['3', '2'], ['4', '3']]);
    // Assignments run left to right and read what earlier ones wrote, as MySQL's single-table UPDATE does.
    expect(run(s, 'UPDATE t SET g = 10, id = g + 100 WHERE id = 1')).toEqual({ affected: 1, info: 'Rows matched: 1  Changed: 1  Warnings: 0' });
    expect(run(s, 'SELECT id, g FROM t WHERE id > 100')).toEqual([['110', '10']]);
  });

  it('an UPDATE that would duplicate a key fails whole', () => {
    const s = app(...rows);
    expect(run(s, "UPDATE t SET v = 'a' WHERE id = 2")).toBe("1062 Duplicate entry 'a' for key 'uv'");
    expect(run(s, 'UPDATE t SET id = 3 WHERE id = 2')).toBe("1062 Duplicate entry '3' for key 'PRIMARY'");
    expect(run(s, "UPDATE t SET v = 'toolong' WHERE id = 1")).toBe("1406 Data too long for column 'v' at row 1");
    expect(run(s, 'UPDATE t SET nope = 1')).toBe("1054 Unknown column 'nope' in 'field list'");
    expect(run(s, 'UPDATE t SET g = 1 WHERE nope = 1')).toBe("1054 Unknown column 'nope' in 'where clause'");
    expect(run(s, 'SELECT id, g, v FROM t ORDER BY id')).toEqual([['1', '1', 'a'], ['2', '1', 'b'], ['3', '2', 'c'], ['4', '2', 'd']]);
  });

  it('DELETE with WHERE, ORDER BY and LIMIT; TRUNCATE empties and restarts AUTO_INCREMENT', () => {
    const s = app(...rows);
    expect(run(s, 'DELETE FROM t WHERE g = 2 ORDER BY id DESC LIMIT 1')).toEqual({ affected: 1 });
    expect(run(s, 'SELECT id FROM t ORDER BY id')).toEqual([['1'], ['2'], ['3']]);
    expect(run(s, 'DELETE FROM t WHERE id IN (SELECT 1)')).toEqual({ affected: 1 });
    expect(run(s, "INSERT INTO t VALUES (9, 1, 'a')")).toEqual({ affected: 1 });
    expect(run(s, 'TRUNCATE TABLE t')).toEqual({ affected: 0 });
    expect(run(s, 'SELECT COUNT(*) FROM t')).toEqual([['0']]);
    expect(run(s, 'TRUNCATE TABLE oceanbase.DBA_OB_TENANTS')).toBe('1288 The target table DBA_OB_TENANTS of the TRUNCATE is not updatable');
  });

  it('a table without a primary key keeps duplicate rows and updates them one by one', () => {
    const s = app('CREATE TABLE h (a INT, b VARCHAR(3))', "INSERT INTO h VALUES (1, 'x'), (1, 'x'), (2, 'y')");
    expect(run(s, 'UPDATE h SET a = 5 WHERE a = 1 LIMIT 1')).toEqual({ affected: 1, info: 'Rows matched: 1  Changed: 1  Warnings: 0' });
    expect(run(s, 'SELECT a, b FROM h ORDER BY a')).toEqual([['1', 'x'], ['2', 'y'], ['5', 'x']]);
    expect(run(s, 'DELETE FROM h WHERE b = \'x\'')).toEqual({ affected: 2 });
    expect(run(s, 'SELECT a, b FROM h')).toEqual([['2', 'y']]);
  });

  it('REPLACE into a table without a primary key replaces by its unique key', () => {
    const s = app('CREATE TABLE r (a INT, b VARCHAR(3), UNIQUE KEY ub (b))', "INSERT INTO r VALUES (1, 'x'), (2, 'y')");
    expect(run(s, "REPLACE INTO r VALUES (3, 'x'), (4, 'z')")).toEqual({ affected: 3, info: 'Records: 2  Duplicates: 1  Warnings: 0' });
    expect(run(s, 'SELECT a, b FROM r ORDER BY a')).toEqual([['2', 'y'], ['3', 'x'], ['4', 'z']]);
    expect(run(s, "INSERT INTO r VALUES (5, 'y')")).toBe("1062 Duplicate entry 'y' for key 'ub'");
  });
});

describe('point reads by key', () => {
  it('WHERE on a whole primary or unique key gives what a scan would, with MySQL comparisons', () => {
    const s = app("CREATE TABLE k (id INT PRIMARY KEY, name VARCHAR(9), UNIQUE KEY un (name))", "INSERT INTO k VALUES (1, 'Ann'), (2, 'bob'), (3, 'cy')");
    expect(run(s, 'SELECT name FROM k WHERE id = 2')).toEqual([['bob']]);
    expect(run(s, "SELECT name FROM k WHERE id = '2'")).toEqual([['bob']]);
    expect(run(s, 'SELECT name FROM k WHERE id = 1.5')).toEqual([]);
    expect(run(s, "SELECT name FROM k WHERE id = 'x'")).toEqual([]);
    expect(run(s, 'SELECT name FROM k WHERE id = 99999999999')).toEqual([]);
    expect(run(s, "SELECT id FROM k WHERE name = 'ANN '")).toEqual([['1']]);
    expect(run(s, "SELECT id FROM k WHERE name = 'ann' AND id = 2")).toEqual([]);
    expect(run(s, 'SELECT k.name FROM k WHERE 3 = k.id')).toEqual([['cy']]);
    // IN lists over a key read one row per value, in key order, whatever the list's order and repeats.
    expect(run(s, "SELECT id FROM k WHERE id IN (3, 1, 3, 'x', 7)")).toEqual([['1'], ['3']]);
    expect(run(s, "SELECT id FROM k WHERE name IN ('CY', 'bob') AND id > 2")).toEqual([['3']]);
    expect(run(s, 'SELECT id FROM k WHERE id NOT IN (1, 3)')).toEqual([['2']]);
    expect(run(s, "UPDATE k SET id = 9 WHERE name = 'bob'")).toEqual({ affected: 1, info: 'Rows matched: 1  Changed: 1  Warnings: 0' });
    expect(run(s, 'DELETE FROM k WHERE id = 9')).toEqual({ affected: 1 });
    expect(run(s, 'SELECT id FROM k ORDER BY id')).toEqual([['1'], ['3']]);
    expect(run(s, "SELECT CONSTRAINT_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_NAME = 'k'")).toEqual([['PRIMARY', 'id'], ['un', 'name']]);
    expect(run(s, "SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_NAME = 'k'")).toEqual([['PRIMARY', 'PRIMARY KEY'], ['un', 'UNIQUE']]);
  });

  it('joins user tables with each other and with the views, and groups them', () => {
    const s = app('CREATE TABLE o (id INT PRIMARY KEY, c INT)', 'CREATE TABLE c (id INT PRIMARY KEY, nm VARCHAR(5))', "INSERT INTO c VALUES (1, 'x'), (2, 'y')", 'INSERT INTO o VALUES (1, 1), (2, 1), (3, 2)');
    expect(run(s, 'SELECT c.nm, COUNT(*) AS n FROM o JOIN c ON c.id = o.c GROUP BY c.nm ORDER BY n DESC')).toEqual([['x', '2'], ['y', '1']]);
    expect(run(s, 'SELECT COUNT(*) FROM o, oceanbase.DBA_OB_TENANTS t WHERE o.id = 1')).toEqual([['1']]);
    expect(run(s, 'SELECT nm FROM c WHERE id IN (SELECT c FROM o WHERE id > 2)')).toEqual([['y']]);
  });
});

describe('ALTER, RENAME and DROP TABLE', () => {
  it('ADD COLUMN fills the rows with the default; DROP COLUMN removes it; errors change nothing', () => {
    const s = app('CREATE TABLE t (id INT PRIMARY KEY, a INT)', 'INSERT INTO t VALUES (1, 10), (2, 20)');
    expect(run(s, "ALTER TABLE t ADD COLUMN c VARCHAR(4) NOT NULL DEFAULT 'x' AFTER id, ADD d INT")).toEqual({ affected: 0 });
    expect(run(s, 'SELECT * FROM t')).toEqual([['1', 'x', '10', null], ['2', 'x', '20', null]]);
    expect(run(s, 'ALTER TABLE t DROP COLUMN a')).toEqual({ affected: 0 });
    expect(run(s, 'SELECT * FROM t WHERE id = 2')).toEqual([['2', 'x', null]]);
    expect(run(s, 'ALTER TABLE t DROP COLUMN nope')).toBe("1091 Can't DROP 'nope'; check that column/key exists");
    expect(run(s, 'ALTER TABLE t ADD COLUMN c INT')).toBe("1060 Duplicate column name 'c'");
    expect(run(s, 'ALTER TABLE t RENAME TO u')).toEqual({ affected: 0 });
    expect(run(s, 'RENAME TABLE u TO w')).toEqual({ affected: 0 });
    expect(run(s, 'SHOW TABLES')).toEqual([['w']]);
    expect(run(s, 'DROP TABLE w, nope')).toBe("1051 Unknown table 'app.nope'");
    expect(run(s, 'DROP TABLE IF EXISTS w, nope')).toEqual({ affected: 0 });
    expect(run(s, 'SELECT * FROM w')).toBe("1146 Table 'app.w' doesn't exist");
  });
});

describe('tenants without user data', () => {
  it('an Oracle-mode tenant and sys answer with "not supported", not a syntax error', () => {
    const emu = createEmulator({ startTime: START });
    const oracle = emu.session({ tenant: 'oracle_tenant' });
    expect(outcome(oracle.execute('CREATE TABLE t (a INT)'))).toMatch(/^1235 /);
    expect(outcome(oracle.execute('INSERT INTO t VALUES (1)'))).toMatch(/^1235 /);
    const sys = emu.session({ database: 'oceanbase' });
    expect(outcome(sys.execute('CREATE DATABASE app'))).toMatch(/^1235 /);
    expect(outcome(sys.execute('INSERT INTO DBA_OB_TENANTS VALUES (1)'))).toMatch(/^1288 /);
  });
});

describe('dump and reload', () => {
  it('SHOW CREATE TABLE and a mysqldump-style script rebuild the same table with the same rows', () => {
    const s = app(
      "CREATE TABLE src (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, sku CHAR(4) NOT NULL, price DECIMAL(6,2) DEFAULT '1.50', at TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), note VARCHAR(20) COMMENT 'it''s', UNIQUE KEY u (sku), KEY k (price, sku)) COMMENT 'dumped'",
      "INSERT INTO src (sku, price, note) VALUES ('a', 2.5, 'x'), ('b', NULL, 'it''s')",
    );
    const created = s.execute('SHOW CREATE TABLE src');
    if (isObError(created) || created.kind !== 'rows') throw new Error('SHOW CREATE TABLE failed');
    const ddl = String(created.resultSet.rows[0]?.[1]);
    const rows = run(s, 'SELECT id, sku, price, note FROM src ORDER BY id') as string[][];
    const values = rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : `'${String(v).replace(/'/g, "\\'")}'`)).join(',')})`).join(',');
    const script = [
      'CREATE DATABASE copy',
      'USE copy',
      'DROP TABLE IF EXISTS `src`',
      '/*!40101 SET @saved_cs_client     = @@character_set_client */',
      '/*!40101 SET character_set_client = utf8 */',
      ddl,
      '/*!40101 SET character_set_client = @saved_cs_client */',
      'LOCK TABLES `src` WRITE',
      '/*!40000 ALTER TABLE `src` DISABLE KEYS */',
      `INSERT INTO \`src\` (id, sku, price, note) VALUES ${values}`,
      '/*!40000 ALTER TABLE `src` ENABLE KEYS */',
      'UNLOCK TABLES',
    ].join(';\n');
    const results = s.query(script);
    expect(results.filter(isObError)).toEqual([]);
    expect(run(s, 'SHOW CREATE TABLE src')).toEqual(run(s, 'SHOW CREATE TABLE app.src'));
    expect(run(s, 'SELECT id, sku, price, note FROM src ORDER BY id')).toEqual(rows);
  });
});
