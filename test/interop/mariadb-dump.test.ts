/**
 * Issue 21 "Must show": `mariadb-dump --no-data [--single-transaction] oceanbase` (Debian's 10.11 client) exits 0
 * and its CREATE VIEW statements name every view SHOW FULL TABLES lists. The dump walks what dump tools send around
 * metadata: versioned comments, SET SQL_QUOTE_SHOW_CREATE, INFORMATION_SCHEMA.FILES with IN (SELECT …), SHOW TABLE
 * STATUS, SHOW CREATE TABLE / VIEW, LOCK TABLES … READ (plain) or START TRANSACTION WITH CONSISTENT SNAPSHOT,
 * SAVEPOINT and ROLLBACK TO SAVEPOINT around each table (--single-transaction). The dump then loads into a real
 * MariaDB, whose information_schema shows the same views with DESC's column names.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mariadbAvailable, startMariaDb, type MariaDb } from '../diff/mariadb-server.js';
import { probe, skipUnless } from './support/availability.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { run } from './support/run.js';

const skip = skipUnless(probe('mariadb-dump', ['--version']) && mariadbAvailable(), 'mariadb-dump', 'mariadb-client mariadb-server');

describe.skipIf(skip)('mariadb-dump --no-data oceanbase', () => {
  const server = useInteropServer();
  let mariadb: MariaDb | undefined;
  let views: string[] = [];
  let desc = new Map<string, string[]>();

  beforeAll(async () => {
    const conn = await mysql.createConnection({ host: server().host, port: server().port, user: 'root@mysql_tenant#dump-check' });
    try {
      const [rows] = await conn.query({ sql: 'SHOW FULL TABLES FROM oceanbase', rowsAsArray: true });
      views = (rows as [string, string][]).filter(([, type]) => type === 'SYSTEM VIEW').map(([name]) => name);
      desc = new Map();
      for (const view of views) {
        desc.set(view, ((await conn.query(`DESC oceanbase.\`${view}\``))[0] as { Field: string }[]).map((d) => d.Field));
      }
    } finally {
      await conn.end();
    }
    mariadb = await startMariaDb();
  }, 60_000);

  afterAll(async () => {
    await mariadb?.stop();
  });

  for (const [options, cluster] of [
    [['--single-transaction'], 'dump-consistent'],
    [[], 'dump-locking'],
  ] as const) {
    it(`${['--no-data', ...options].join(' ')}: exits 0, a CREATE VIEW per view, and loads into MariaDB`, async () => {
      const result = await withTap(server(), async (tap) => {
        const dumped = await run(
          'mariadb-dump',
          ['-h127.0.0.1', `-P${tap.port}`, `-uroot@mysql_tenant#${cluster}`, '--no-data', ...options, 'oceanbase'],
          { timeoutMs: 60_000 },
        );
        const queries = tap.queries();
        if (options.length > 0) {
          expect(queries).toContain('START TRANSACTION /*!40100 WITH CONSISTENT SNAPSHOT */');
          expect(queries).toContain('SAVEPOINT sp');
          expect(queries.filter((q) => q === 'ROLLBACK TO SAVEPOINT sp').length).toBeGreaterThanOrEqual(views.length);
        } else {
          expect(queries.some((q) => /^LOCK TABLES `DBA_OB_BACKUP_JOBS` READ \/\*!32311 LOCAL \*\//.test(q) || /^LOCK TABLES .*`DBA_OB_BACKUP_JOBS` READ/.test(q))).toBe(true);
        }
        expect(queries.some((q) => /INFORMATION_SCHEMA\.FILES/i.test(q) && /IN \(SELECT/i.test(q))).toBe(true);
        return dumped;
      });
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      // Each view is created twice: a stand-in of NULL columns first (so views may refer to views), then for real.
      const created = [...result.stdout.matchAll(/^\/\*!50001 CREATE VIEW `([^`]+)`/gm)].map((m) => m[1]);
      expect(created).toEqual([...views, ...views]);
      const final = [...result.stdout.matchAll(/^-- Final view structure for view `([^`]+)`\n(?:.*\n)*?\/\*!50001 CREATE VIEW `([^`]+)` AS select /gm)];
      expect(final.map((m) => [m[1], m[2]])).toEqual(views.map((v) => [v, v]));
      expect(views).toContain('DBA_OB_BACKUP_JOB_HISTORY');

      // The dump is SQL a MySQL server accepts: loaded into MariaDB, every view is there with DESC's columns.
      const target = mariadb!.connection;
      const schema = `ob_${cluster.replace(/-/g, '_')}`;
      await target.query(`CREATE DATABASE ${schema}; USE ${schema}`);
      await target.query(result.stdout);
      const [rows] = await target.query({
        sql: 'SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION',
        values: [schema],
        rowsAsArray: true,
      });
      const loaded = new Map<string, string[]>();
      for (const [table, column] of rows as [string, string][]) loaded.set(table, [...(loaded.get(table) ?? []), column]);
      for (const view of views) expect(loaded.get(view), view).toEqual(desc.get(view));
      expect(server().warnings()).toEqual([]);
    }, 90_000);
  }
});
