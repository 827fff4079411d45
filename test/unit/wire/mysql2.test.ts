/**
 * End to end with mysql2 as the client: text queries, server-side prepared statements with binary parameters and
 * rows, errors with their SQLSTATE, multi-statement chains, utility commands and 16 MB packets both ways, against
 * the session-host test double.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TYPED_TEXT } from './session-host-double.js';
import { startHarness, type Harness } from './server-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function connect(extra: mysql.ConnectionOptions = {}): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: '127.0.0.1',
    port: h.port,
    user: 'root@mysql_tenant',
    password: PASSWORD,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    decimalNumbers: false,
    ...extra,
  });
}

const asText = (rows: unknown[][]): (string | null)[][] => rows.map((r) => r.map((v) => (v === null ? null : String(v))));

describe('mysql2 against the wire', () => {
  it('logs in with the user string verbatim, the database and the connection attributes', async () => {
    const c = await connect({ database: 'oceanbase', connectAttributes: { program_name: 'wire-test' } });
    const login = h.host.logins.at(-1);
    expect(login?.user).toBe('root@mysql_tenant');
    expect(login?.database).toBe('oceanbase');
    expect(login?.attributes.get('program_name')).toBe('wire-test');
    expect(c.threadId).toBeGreaterThanOrEqual(3221225473);
    await c.end();
  });

  it('refuses a wrong password with 1045 / 28000-style state from the session', async () => {
    await expect(connect({ password: 'wrong' })).rejects.toMatchObject({ errno: 1045, sqlState: '42000' });
  });

  it('answers text queries with typed columns rendered as text in the session zone', async () => {
    const c = await connect();
    const [rows, fields] = await c.query({ sql: 'select typed', rowsAsArray: true });
    expect(asText(rows as unknown[][])).toEqual(TYPED_TEXT);
    expect(fields.map((f) => f.name)).toEqual(['ID', 'SCN', 'N', 'FLAG', 'AMOUNT', 'RATIO', 'NAME', 'CODE', 'BODY', 'TS', 'DT', 'D']);
    expect(fields.map((f) => f.columnType)).toEqual([8, 8, 3, 1, 246, 5, 253, 254, 252, 7, 12, 10]);
    expect(fields[0]?.schema).toBe('oceanbase');
    await c.end();
  });

  it('answers execute() with binary rows that read the same as the text rows', async () => {
    const c = await connect();
    const [rows] = await c.execute({ sql: 'select typed where 1 = ?', rowsAsArray: true }, [1]);
    expect(asText(rows as unknown[][])).toEqual(TYPED_TEXT);
    await c.end();
  });

  it('decodes binary parameters of every type mysql2 sends', async () => {
    const c = await connect();
    const when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    const [rows] = await c.execute({ sql: 'echo ?, ?, ?, ?, ?, ?, ?', rowsAsArray: true }, [
      7,
      -2.5,
      'text ünïcode',
      null,
      9007199254740993n,
      Buffer.from('blob'),
      when,
    ]);
    const got = (rows as unknown[][])[0] as string[];
    // mysql2 binds JS numbers as DOUBLE and bigints as strings; the wire hands over what was sent.
    expect(got.slice(0, 6)).toEqual(['number:7', 'number:-2.5', 'string:text ünïcode', null, 'string:9007199254740993', 'string:blob']);
    expect(got[6]).toMatch(/^string:2024-01-0\d \d\d:\d\d:05\.678000$/);
    await c.end();
  });

  it('reuses a prepared statement and closes it', async () => {
    const c = await connect();
    const stmt = await c.prepare('echo ?');
    const [a] = await stmt.execute(['one']);
    const [b] = await stmt.execute(['two']);
    expect([a, b]).toEqual([[{ P0: 'string:one' }], [{ P0: 'string:two' }]]);
    const before = h.host.closedStatements;
    stmt.close();
    await c.query('select 1');
    expect(h.host.closedStatements).toBe(before + 1);
    await c.end();
  });

  it('counts matched rows for a client with CLIENT_FOUND_ROWS (mysql2 sets it), changed rows for one without', async () => {
    for (const [flags, expected] of [[undefined, 2], ['-FOUND_ROWS', 1]] as const) {
      const c = await connect(flags === undefined ? {} : { flags });
      const [result] = await c.query('UPDATE t SET a = 1');
      expect((result as mysql.ResultSetHeader).affectedRows, flags ?? 'default flags').toBe(expected);
      expect((result as mysql.ResultSetHeader).info).toBe('Rows matched: 2  Changed: 1  Warnings: 0');
      await c.end();
    }
  });

  it('sends session errors as ERR with errno, SQLSTATE and message, and the connection stays usable', async () => {
    const c = await connect();
    await expect(c.query('boom')).rejects.toMatchObject({
      errno: 9040,
      sqlState: 'HY000',
      sqlMessage: 'backup can not start, because log archive is not doing',
    });
    const [rows] = await c.query({ sql: 'select 1', rowsAsArray: true });
    expect(rows).toEqual([['1']]);
    await c.end();
  });

  it('chains the results of a multi-statement text even without the capability, stopping at an error', async () => {
    const c = await connect({ multipleStatements: true });
    const [results] = await c.query('set x = 1; select 1; insert into t values (1)');
    expect(Array.isArray(results)).toBe(true);
    const list = results as unknown[];
    expect(list).toHaveLength(3);
    expect((list[2] as mysql.ResultSetHeader).affectedRows).toBe(3);
    await expect(c.query('select 1; boom; select 1')).rejects.toMatchObject({ errno: 9040 });
    await c.end();
  });

  it('serves COM_PING, COM_INIT_DB, COM_RESET_CONNECTION and COM_CHANGE_USER', async () => {
    const c = await connect();
    await c.ping();
    await c.changeUser({ user: 'root@other', password: PASSWORD, database: 'oceanbase' });
    await expect(c.changeUser({ user: 'root', password: 'nope' })).rejects.toMatchObject({ errno: 1045 });
    await c.query('set autocommit = 0');
    await c.reset();
    const [rows] = await c.query({ sql: 'select 1', rowsAsArray: true });
    expect(rows).toEqual([['1']]);
    await c.end();
  });

  it('carries a query over 16 MB to the session and a row over 16 MB back', async () => {
    const c = await connect();
    const big = 'y'.repeat(17 * 1024 * 1024);
    const [lenRows] = await c.query({ sql: `len ${big}`, rowsAsArray: true });
    expect(lenRows).toEqual([[String(big.length)]]);
    const [rows] = await c.query({ sql: `big ${16 * 1024 * 1024 + 10}`, rowsAsArray: true });
    expect(((rows as string[][])[0] as string[])[0]).toHaveLength(16 * 1024 * 1024 + 10);
    const [exact] = await c.query({ sql: `big ${0xffffff - 5}`, rowsAsArray: true });
    expect(((exact as string[][])[0] as string[])[0]).toHaveLength(0xffffff - 5);
    await c.end();
  });

  it('logs no incident for well-behaved clients', () => {
    expect(h.logger.warnings().filter((l) => l.fields.reason !== 'login refused')).toEqual([]);
  });
});
