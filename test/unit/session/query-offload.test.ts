/**
 * Long SELECTs go on in a query worker (src/session/query-offload.ts, issue 18): over the wire, a SELECT still
 * running after its hand-off time is answered by a worker over a copy of the tables it reads, with exactly the
 * answer the session's own thread gives (compared with the embedded API, which never hands off), while other
 * clients are answered; ob_query_timeout, KILL QUERY and a closed client end it. Nothing here asserts how fast:
 * the watchdog's latency is a figure of `npm run bench:query` (bench/stall.ts). It runs the built server (dist/),
 * as a user does: the worker is a compiled module beside the session's.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The built server (npm test builds first): the worker is a compiled module, which vitest's sources are not.
import { createEmulator, startServer, type EmulatorSession, type RunningServer } from '../../../dist/src/index.js';
import { offloadSettings, offloadStats } from '../../../dist/src/session/query-offload.js';
import { textOf } from '../../../dist/src/query/index.js';
import { scaleOf } from '../../../dist/src/query/types.js';

const START = '2026-01-01T00:00:00Z';
const SETUP = [
  "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/a'",
  "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/d'",
  'ALTER SYSTEM ARCHIVELOG',
  'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
  'ALTER SYSTEM BACKUP DATABASE',
  'ALTER EMULATOR ADVANCE TIME 1 HOURS',
  'ALTER EMULATOR WRITE 30 MACROBLOCKS',
  'ALTER SYSTEM BACKUP INCREMENTAL DATABASE',
  'ALTER EMULATOR ADVANCE TIME 2 DAYS',
];
const VARIABLES = "SET @since = CAST('2026-01-01 08:00:00' AS DATETIME), @scale = 2.50";
const P = 'oceanbase.GV$OB_PARAMETERS';
/** Each steps well over the 4,096 rows between two looks at the budget, with decimals, times, NULLs and strings. */
const QUERIES = [
  `SELECT COUNT(*), COUNT(DISTINCT x.SCOPE) FROM ${P} x, ${P} y WHERE x.NAME = y.NAME AND x.VALUE = y.VALUE`,
  `SELECT j.JOB_ID, j.START_TIMESTAMP, j.END_TIMESTAMP, COUNT(*) FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY j, ${P} p, ${P} p2 GROUP BY j.JOB_ID, j.START_TIMESTAMP, j.END_TIMESTAMP ORDER BY j.JOB_ID`,
  `SELECT s.BACKUP_SET_ID, s.MACRO_BLOCK_COUNT * @scale, s.START_REPLAY_SCN, COUNT(*) FROM oceanbase.DBA_OB_BACKUP_SET_FILES s, ${P} p, ${P} p2 WHERE s.START_TIMESTAMP >= @since GROUP BY 1, 2, 3 ORDER BY 1`,
  `SELECT p.NAME, p.SECTION FROM ${P} p WHERE (SELECT COUNT(*) FROM ${P} q WHERE q.NAME <= p.NAME AND q.SECTION = p.SECTION) = 3 ORDER BY p.NAME`,
  `SELECT COUNT(*) FROM information_schema.COLUMNS c, ${P} p WHERE c.TABLE_NAME = 'DBA_OB_BACKUP_JOBS'`,
  `SELECT t.TABLE_NAME FROM ${P} p JOIN information_schema.TABLES t ON t.TABLE_NAME = 'DBA_OB_TENANTS' GROUP BY t.TABLE_NAME UNION ALL SELECT 'x'`,
  `SELECT MAX(a.START_SCN_DISPLAY), MIN(a.CHECKPOINT_SCN), MAX(a.INPUT_BYTES) FROM oceanbase.DBA_OB_ARCHIVELOG_PIECE_FILES a, ${P} p, ${P} q WHERE q.NAME = 'open_cursors'`,
];

/** A result as text in the session time zone, comparable across the wire and the embedded API. */
function embeddedText(session: EmulatorSession, sql: string): (string | null)[][] | number {
  const r = session.execute(sql);
  if (r.kind === 'ObError') return r.errno;
  if (r.kind !== 'rows') throw new Error(`${sql}: not rows`);
  const columns = r.resultSet.columns;
  return r.resultSet.rows.map((row) => row.map((v, i) => (v === null ? null : textOf(v, scaleOf(columns[i]!.type), '+08:00'))));
}

describe('a SELECT that runs long goes on in a query worker', () => {
  let server: RunningServer;
  let embedded: EmulatorSession;
  const saved = offloadSettings.handOffAfterMs;
  const connect = (user = 'root@mysql_tenant') => mysql.createConnection({ host: '127.0.0.1', port: server.port, user, password: '' });

  beforeAll(async () => {
    // Every SELECT past its first 4,096 rows goes to a worker.
    offloadSettings.handOffAfterMs = 0;
    server = await startServer({ port: 0, clock: 'manual', startTime: START });
    embedded = createEmulator({ clock: 'manual', startTime: START }).session({ tenant: 'mysql_tenant' });
    const c = await connect();
    for (const sql of [...SETUP, VARIABLES]) {
      await c.query(sql);
      expect(embedded.execute(sql).kind, sql).toBe('ok');
    }
    await c.end();
  }, 30_000);

  afterAll(async () => {
    offloadSettings.handOffAfterMs = saved;
    await server?.close();
  });

  it('answers exactly as the session thread does, for text and prepared statements', async () => {
    const c = await connect();
    await c.query(VARIABLES);
    const before = offloadStats().handedOff;
    for (const sql of QUERIES) {
      const n = offloadStats().handedOff;
      const [rows] = await c.query({ sql, rowsAsArray: true, typeCast: (field, _next) => field.string() });
      expect(rows, sql).toEqual(embeddedText(embedded, sql));
      expect(offloadStats().handedOff - n, sql).toBe(1);
    }
    // A prepared statement with parameters goes the same way.
    const sql = `SELECT COUNT(*) FROM ${P} x, ${P} y WHERE x.NAME = y.NAME AND x.DATA_TYPE = ? AND x.SCOPE <> ?`;
    const [prepared] = await c.execute({ sql, rowsAsArray: true }, ['INT', 'none']);
    expect(String((prepared as unknown[][])[0]![0])).toBe(String(embeddedText(embedded, sql.replace('?', "'INT'").replace('?', "'none'"))[0 as never]![0]));
    expect(offloadStats().handedOff - before).toBe(QUERIES.length + 1);
    await c.end();
  }, 60_000);

  it('answers other clients meanwhile; ob_query_timeout, KILL QUERY and a closed client end it', async () => {
    const busy = await connect();
    const other = await connect('root@sys#another');
    await busy.query('SET ob_query_timeout = 1500000');
    const cartesian = `SELECT COUNT(*) FROM ${P} a, ${P} b, ${P} c`;
    let answered = 0;
    const timedOut = busy.query(cartesian).catch((e: { errno: number; message: string }) => e);
    // While the worker runs, the other cluster's client is answered, again and again.
    while (offloadStats().busy === 0) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 5; i++) {
      await other.query('SELECT 1');
      answered++;
    }
    expect(offloadStats().busy).toBe(1);
    expect(answered).toBe(5);
    await expect(timedOut).resolves.toMatchObject({ errno: 4012, message: expect.stringContaining('1500000(us)') });
    // KILL QUERY ends it before any timeout could.
    await busy.query('SET ob_query_timeout = 3216672000000000');
    const [[row]] = (await busy.query('SELECT connection_id() AS id')) as unknown as [[{ id: number }]];
    const killed = busy.query(cartesian).catch((e: { errno: number }) => e);
    while (offloadStats().busy === 0) await new Promise((r) => setTimeout(r, 5));
    const killer = await connect();
    await killer.query(`KILL QUERY ${row.id}`);
    await expect(killed).resolves.toMatchObject({ errno: 4012 });
    const [again] = await busy.query('SELECT 1 AS one');
    expect(again).toEqual([{ one: 1 }]);
    // A client that goes away: its worker is ended, and the pool serves the next SELECT.
    busy.query(cartesian).catch(() => undefined);
    while (offloadStats().busy === 0) await new Promise((r) => setTimeout(r, 5));
    busy.destroy();
    while (offloadStats().busy > 0) await new Promise((r) => setTimeout(r, 5));
    const [rows] = await killer.query({ sql: QUERIES[0]!, rowsAsArray: true, typeCast: (field, _next) => field.string() });
    expect(rows).toEqual(embeddedText(embedded, QUERIES[0]!));
    await other.end();
    await killer.end();
  }, 60_000);
});
