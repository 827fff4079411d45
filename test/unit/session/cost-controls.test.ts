/**
 * Issue 18's cost controls: ob_query_timeout ends a runaway statement with OB_TIMEOUT (4012), ADVANCE TIME has an
 * upper bound and runs in slices that let other clusters' clients be answered, KILL QUERY and a closed client
 * cancel it, and a per-statement memory bound refuses a result too large to hold. Timeouts are short (a second or
 * two) so that every case is bounded in CI. Nothing here asserts how fast: that a statement stopped is shown by where
 * virtual time stopped, that other clients were served by their answers arriving while it ran; the watchdog's
 * latency is a figure of `npm run bench:query` (bench/stall.ts), against the same watchdog on an idle server.
 */
import mysql from 'mysql2/promise';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, startServer, type RunningServer } from '../../../src/index.js';

const PIECES = [
  "ALTER SYSTEM SET LOG_ARCHIVE_DEST='location=file:///tmp/i18' TENANT = mysql_tenant",
  'ALTER SYSTEM ARCHIVELOG TENANT = mysql_tenant',
];
const CARTESIAN =
  'SELECT count(*) FROM oceanbase.CDB_OB_ARCHIVELOG_PIECE_FILES a, oceanbase.CDB_OB_ARCHIVELOG_PIECE_FILES b, oceanbase.CDB_OB_ARCHIVELOG_PIECE_FILES c';

describe('embedded: statement budgets', () => {
  it('refuses an ADVANCE TIME beyond 100 years, and changes nothing', () => {
    const emu = createEmulator({ startTime: '2026-01-01T00:00:00Z' });
    const before = emu.now().getTime();
    expect(emu.execute('ALTER EMULATOR ADVANCE TIME 99999999999999999999 DAYS')).toMatchObject({ errno: 1210, message: expect.stringContaining('at most 100 years') });
    expect(emu.execute('ALTER EMULATOR ADVANCE TIME 36526 DAYS')).toMatchObject({ errno: 1210 });
    expect(emu.now().getTime()).toBe(before);
  });

  it('ends a runaway ADVANCE TIME with OB_TIMEOUT within ob_query_timeout, where it stopped', () => {
    const emu = createEmulator({ startTime: '2026-01-01T00:00:00Z' });
    const s = emu.session({ tenant: 'sys' });
    for (const q of PIECES) expect(s.execute(q)).toEqual({ kind: 'ok' });
    s.execute('SET ob_query_timeout = 300000');
    expect(s.execute('ALTER EMULATOR ADVANCE TIME 36525 DAYS')).toMatchObject({ errno: 4012, message: expect.stringContaining('300000(us)') });
    const moved = emu.now().getTime() - Date.parse('2026-01-01T00:00:00Z');
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(36525 * 86_400_000);
  });

  it('ends a 3-way cartesian over the piece files with OB_TIMEOUT within ob_query_timeout', () => {
    const emu = createEmulator({ startTime: '2026-01-01T00:00:00Z' });
    const s = emu.session();
    for (const q of PIECES) s.execute(q);
    emu.advance('400d');
    s.execute('SET ob_query_timeout = 400000');
    expect(s.execute(CARTESIAN)).toMatchObject({ errno: 4012, message: expect.stringContaining('400000(us)') });
    // The session is still usable, and a small join still answers.
    expect(s.rows('SELECT count(*) AS n FROM oceanbase.DBA_OB_TENANTS a, oceanbase.DBA_OB_TENANTS b')).toMatchObject({ rows: [[expect.any(BigInt)]] });
  });

  it('string results past max_allowed_packet are NULL, so nested REPLACE or REPEAT cannot grow without bound', () => {
    const emu = createEmulator({ startTime: '2026-01-01T00:00:00Z' });
    const s = emu.session();
    const one = (sql: string) => s.rows(sql).rows[0]?.[0];
    // 10 million characters fit in 16 MB; 100 million do not, and are never built.
    expect(one("SELECT LENGTH(REPLACE(REPEAT('a', 1000000), 'a', 'aaaaaaaaaa'))")).toBe(10_000_000n);
    expect(one("SELECT REPLACE(REPLACE(REPEAT('a', 1000000), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa') IS NULL")).toBe(1n);
    expect(one("SELECT REPEAT('ab', 9000000) IS NULL")).toBe(1n);
    expect(one("SELECT RPAD('x', 20000000, 'y') IS NULL")).toBe(1n);
    expect(one("SELECT CONCAT(REPEAT('a', 9000000), REPEAT('b', 9000000)) IS NULL")).toBe(1n);
    // SET GLOBAL max_allowed_packet moves the bound for new statements.
    expect(s.execute('SET GLOBAL max_allowed_packet = 1048576').kind).toBe('ok');
    expect(one("SELECT REPEAT('a', 1048577) IS NULL")).toBe(1n);
    expect(one("SELECT LENGTH(REPEAT('a', 1048576))")).toBe(1_048_576n);
  });

  it('refuses a result past the per-statement memory bound with OceanBase\'s memory-limit error', () => {
    const emu = createEmulator({ startTime: '2026-01-01T00:00:00Z' });
    const s = emu.session();
    for (const q of PIECES) s.execute(q);
    emu.advance('400d');
    s.execute('SET ob_query_timeout = 100000000');
    const p = 'oceanbase.CDB_OB_ARCHIVELOG_PIECE_FILES';
    expect(s.execute(`SELECT * FROM ${p} a, ${p} b, ${p} c LIMIT 100000000`)).toMatchObject({ errno: 4013 });
    expect(s.rows('SELECT 1 AS one')).toMatchObject({ rows: [[1n]] });
  }, 20_000);
});

/** SELECT 1 every 10 ms on `watchdog` while `during` runs: how many answers arrived before `during` ended. */
async function answersDuring(watchdog: mysql.Connection, during: () => Promise<void>): Promise<number> {
  let answered = 0;
  let running = true;
  const watching = (async () => {
    while (running) {
      await watchdog.query('SELECT 1');
      if (running) answered++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  await during();
  running = false;
  await watching;
  return answered;
}

/** The virtual now of a session's cluster, in microseconds. */
async function virtualNow(c: mysql.Connection): Promise<string> {
  const [[row]] = (await c.query("SELECT DATE_FORMAT(NOW(6), '%Y-%m-%d %H:%i:%s.%f') AS t")) as unknown as [[{ t: string }]];
  return row.t;
}

describe('wire: long statements do not stall other clients', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const connect = (port: number, user: string) => mysql.createConnection({ host: '127.0.0.1', port, user, password: '' });

  it('answers a watchdog in another cluster while a runaway ADVANCE TIME runs, which ends with 4012', async () => {
    server = await startServer({ port: 0, clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
    const busy = await connect(server.port, 'root@sys');
    const watchdog = await connect(server.port, 'root@sys#other');
    for (const q of PIECES) await busy.query(q);
    await busy.query('SET ob_query_timeout = 1500000');
    const answered = await answersDuring(watchdog, async () => {
      await expect(busy.query('ALTER EMULATOR ADVANCE TIME 36525 DAYS')).rejects.toMatchObject({ errno: 4012, message: expect.stringContaining('1500000(us)') });
    });
    // A server that did not yield would answer at most the one SELECT sent before the statement began.
    expect(answered).toBeGreaterThan(3);
    await busy.end();
    await watchdog.end();
  }, 20_000);

  it('KILL QUERY from another connection cancels a running ADVANCE TIME; a closed client cancels its own', async () => {
    server = await startServer({ port: 0, clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
    const busy = await connect(server.port, 'root@sys');
    const other = await connect(server.port, 'root@sys');
    for (const q of PIECES) await busy.query(q);
    // No timeout can end these statements: only the KILL or the closed client does.
    await busy.query('SET ob_query_timeout = 3216672000000000');
    const [[row]] = (await busy.query('SELECT connection_id() AS id')) as unknown as [[{ id: number }]];
    const before = await virtualNow(other);
    const advancing = busy.query('ALTER EMULATOR ADVANCE TIME 36525 DAYS');
    await new Promise((r) => setTimeout(r, 200));
    await other.query(`KILL QUERY ${row.id}`);
    await expect(advancing).rejects.toMatchObject({ errno: 4012 });
    // It stopped part of the way: virtual time moved, but not 100 years.
    const killedAt = await virtualNow(other);
    expect(killedAt > before).toBe(true);
    expect(killedAt < '2126-01-01').toBe(true);
    // The killed statement's connection stays usable.
    const [again] = await busy.query('SELECT 1 AS one');
    expect(again).toEqual([{ one: 1 }]);
    // Another tenant's connection is not this tenant's to kill.
    const t1 = await connect(server.port, 'root@mysql_tenant');
    await expect(t1.query(`KILL QUERY ${row.id}`)).rejects.toMatchObject({ errno: 1094 });
    await t1.end();
    // A client that goes away: its statement stops, and the server keeps answering.
    busy.query('ALTER EMULATOR ADVANCE TIME 36525 DAYS').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    busy.destroy();
    await new Promise((r) => setTimeout(r, 300));
    // Virtual time has stopped moving: the statement is no longer running.
    const stopped = await virtualNow(other);
    await new Promise((r) => setTimeout(r, 300));
    expect(await virtualNow(other)).toBe(stopped);
    expect(stopped < '2126-01-01').toBe(true);
    await other.end();
  }, 20_000);
});

describe('wire: --max-allowed-packet is @@max_allowed_packet', () => {
  it('shows the server\'s limit as the global, and string functions follow it', async () => {
    const server = await startServer({ port: 0, clock: 'manual', startTime: '2026-01-01T00:00:00Z', maxAllowedPacket: 1048576 });
    try {
      for (const cluster of ['', '#other']) {
        const c = await mysql.createConnection({ host: '127.0.0.1', port: server.port, user: `root${cluster}`, password: '' });
        const [rows] = await c.query("SELECT @@max_allowed_packet AS s, @@global.max_allowed_packet AS g, REPEAT('a', 1048577) IS NULL AS capped");
        expect(rows).toEqual([{ s: 1048576, g: 1048576, capped: 1 }]);
        await c.end();
      }
    } finally {
      await server.close();
    }
  });
});
