/**
 * User tables over the wire with mysql2 (issue 20): affected rows, insert ids and info texts in the OK packet,
 * server-side prepared INSERT / UPDATE / DELETE / SELECT with `?` parameters, typed columns of user tables in the
 * text and binary protocols, and two connections isolated by read-committed transactions.
 */
import mysql from 'mysql2/promise';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/index.js';

let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, clock: 'manual', startTime: '2024-05-01T00:00:00.000Z', seed: 1 });
});
afterAll(async () => {
  await server.close();
});

const connect = (database?: string): Promise<mysql.Connection> =>
  mysql.createConnection({ host: server.host, port: server.port, user: 'root@mysql_tenant', ...(database === undefined ? {} : { database }), dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });

describe('user tables with mysql2', () => {
  it('OK packets carry affected rows, the insert id and MySQL info texts', async () => {
    const c = await connect();
    await c.query('CREATE DATABASE wire_app');
    await c.query('USE wire_app');
    await c.query('CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INT DEFAULT 0)');
    const [ins] = await c.query<ResultSetHeader>("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
    expect([ins.affectedRows, ins.insertId, ins.info]).toEqual([3, 1, 'Records: 3  Duplicates: 0  Warnings: 0']);
    const [upd] = await c.query<ResultSetHeader>('UPDATE t SET qty = 5 WHERE id >= 2');
    expect([upd.affectedRows, upd.info]).toEqual([2, 'Rows matched: 2  Changed: 2  Warnings: 0']);
    // mysql2 asks for CLIENT_FOUND_ROWS: an UPDATE that changes nothing still reports the rows it matched.
    const [same] = await c.query<ResultSetHeader>('UPDATE t SET qty = 5 WHERE id >= 2');
    expect([same.affectedRows, same.info]).toEqual([2, 'Rows matched: 2  Changed: 0  Warnings: 0']);
    const plain = await mysql.createConnection({ host: server.host, port: server.port, user: 'root@mysql_tenant', database: 'wire_app', flags: ['-FOUND_ROWS'] });
    const [changed] = await plain.query<ResultSetHeader>('UPDATE t SET qty = 5 WHERE id >= 2');
    expect(changed.affectedRows).toBe(0);
    await plain.end();
    const [del] = await c.query<ResultSetHeader>("DELETE FROM t WHERE name = 'a'");
    expect(del.affectedRows).toBe(1);
    await expect(c.query("INSERT INTO t (id, name) VALUES (2, 'x')")).rejects.toMatchObject({ errno: 1062, sqlState: '23000', message: "Duplicate entry '2' for key 'PRIMARY'" });
    await c.end();
  });

  it('prepared statements insert, update, delete and select with ? parameters, in the binary protocol', async () => {
    const c = await connect('test');
    await c.query('CREATE TABLE p (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(10), amount DECIMAL(10,2), at DATETIME, small SMALLINT, ratio FLOAT)');
    const [a] = await c.execute<ResultSetHeader>('INSERT INTO p (label, amount, at, small, ratio) VALUES (?, ?, ?, ?, ?)', ['one', '12.345', '2024-05-01 10:00:00', 7, 0.5]);
    expect([a.affectedRows, a.insertId]).toEqual([1, 1]);
    const [b] = await c.execute<ResultSetHeader>('INSERT INTO p (label, amount) VALUES (?, ?)', ['two', 3]);
    expect(b.insertId).toBe(2);
    const [u] = await c.execute<ResultSetHeader>('UPDATE p SET amount = amount + ? WHERE label = ?', [1, 'two']);
    expect(u.affectedRows).toBe(1);
    const [rows] = await c.execute<RowDataPacket[]>('SELECT id, label, amount, at, small, ratio FROM p WHERE id >= ? ORDER BY id', [1]);
    expect(rows).toEqual([
      { id: '1', label: 'one', amount: '12.35', at: '2024-05-01 10:00:00', small: 7, ratio: 0.5 },
      { id: '2', label: 'two', amount: '4.00', at: null, small: null, ratio: null },
    ]);
    const [d] = await c.execute<ResultSetHeader>('DELETE FROM p WHERE id = ?', [1]);
    expect(d.affectedRows).toBe(1);
    const [text] = await c.query<RowDataPacket[]>('SELECT COUNT(*) AS n, LAST_INSERT_ID() AS last FROM p');
    expect(text).toEqual([{ n: '1', last: '2' }]);
    await c.end();
  });

  it('a transaction on one connection is invisible to another until COMMIT', async () => {
    const a = await connect('test');
    const b = await connect('test');
    await a.query('CREATE TABLE iso (k INT PRIMARY KEY, v INT)');
    await a.query('INSERT INTO iso VALUES (1, 1)');
    await a.beginTransaction();
    const [begun] = await a.query<ResultSetHeader>('UPDATE iso SET v = 2 WHERE k = 1');
    // SERVER_STATUS_IN_TRANS (0x0001) beside SERVER_STATUS_AUTOCOMMIT (0x0002).
    expect(begun.serverStatus & 0x0003).toBe(0x0003);
    const [mine] = await a.query<RowDataPacket[]>('SELECT v FROM iso');
    const [theirs] = await b.query<RowDataPacket[]>('SELECT v FROM iso');
    expect([mine, theirs]).toEqual([[{ v: 2 }], [{ v: 1 }]]);
    await a.commit();
    const [after] = await b.query<RowDataPacket[]>('SELECT v FROM iso');
    expect(after).toEqual([{ v: 2 }]);
    await a.end();
    await b.end();
  });
});
