/**
 * Issue 22's fixture over the wire: a server builds the 30-day cluster from a client, saves it with
 * `ALTER EMULATOR SAVE SNAPSHOT`; a fresh server started from that file (`--snapshot`, here startServer's option)
 * answers every view's SELECT * with the same bytes (every value read as its text, column names and types too), and
 * the next 10 statements give the same answers on both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { NEXT_TEN, THIRTY_DAYS_START, thirtyDayStatements } from '../../../bench/thirty-days.js';
import { startServer, type RunningServer } from '../../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'obsim-30d-wire-'));
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

type Conn = mysql.Connection;
const connect = (s: RunningServer, user: string): Promise<Conn> =>
  mysql.createConnection({ host: s.host, port: s.port, user, password: '' }).catch((e: Error) => {
    throw new Error(`${user} on port ${s.port}: ${e.message}`);
  });

/** A statement's answer as the bytes' text: every value as the server sent it, with the column definitions. */
async function answer(c: Conn, sql: string): Promise<string> {
  try {
    const [rows, fields] = await c.query({ sql, rowsAsArray: true, typeCast: (field) => field.string('utf8') });
    const columns = (fields ?? []).map((f) => [f.name, f.columnType, f.columnLength, f.decimals, f.flags]);
    return JSON.stringify([columns, rows]);
  } catch (e) {
    return JSON.stringify({ errno: (e as { errno?: number }).errno, message: (e as Error).message });
  }
}

async function everyView(s: RunningServer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const user of ['root', 'root@mysql_tenant']) {
    const c = await connect(s, user);
    const [tables] = await c.query({ sql: 'SHOW TABLES FROM oceanbase', rowsAsArray: true });
    for (const [name] of tables as string[][]) out.set(`${user}:${name}`, await answer(c, `SELECT * FROM oceanbase.${name}`));
    await c.end();
  }
  return out;
}

describe('a 30-day cluster saved by one server and served by a fresh one', () => {
  it('answers every view with the same bytes, and the next 10 statements alike', async () => {
    const options = { port: 0, clock: 'manual', startTime: THIRTY_DAYS_START, seed: 7 } as const;
    const a = await startServer({ ...options, snapshotDir: dir });
    servers.push(a);
    const t = await connect(a, 'root@mysql_tenant');
    for (const sql of thirtyDayStatements()) await t.query(sql);
    const sys = await connect(a, 'root');
    await sys.query("ALTER EMULATOR SAVE SNAPSHOT 'month'");
    await sys.end();
    const before = await everyView(a);
    const b = await startServer({ ...options, startTime: '2031-01-01T00:00:00Z', seed: 1, snapshot: join(dir, 'month.obsnap') });
    servers.push(b);
    const after = await everyView(b);
    expect(after.size).toBeGreaterThan(60);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [view, text] of before) expect(after.get(view), view).toBe(text);
    const u = await connect(b, 'root@mysql_tenant');
    for (const sql of NEXT_TEN) expect(await answer(u, sql), sql).toBe(await answer(t, sql));
    await t.end();
    await u.end();
  });
});
