/**
 * Issue 21 "Must show": SQLAlchemy 1.4 (Debian's python3-sqlalchemy) over PyMySQL reflects the oceanbase schema:
 * get_table_names / get_view_names as SHOW FULL TABLES types them, get_columns of every view with the types DESC
 * shows (the dialect reads SHOW CREATE TABLE, sees a view, and falls back to DESCRIBE), then
 * Table(…, autoload_with=engine) and a select through the core that reads a finished backup's history.
 */
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { pythonWith, skipUnless } from './support/availability.js';
import { runFullBackup } from './support/backup.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { runOk } from './support/run.js';

const python = pythonWith('sqlalchemy, pymysql');
const SCRIPT = fileURLToPath(new URL('./clients/reflect.py', import.meta.url));

interface Reflected {
  readonly tables: string[];
  readonly views: string[];
  readonly columns: Record<string, { name: string; type: string }[]>;
  readonly history: string[][];
  readonly query: string;
}

describe.skipIf(skipUnless(python !== null, 'SQLAlchemy', 'python3-sqlalchemy python3-pymysql'))('SQLAlchemy 1.4 reflection', () => {
  const server = useInteropServer();

  it('lists the views, reflects each with DESC types and selects through an autoloaded Table', async () => {
    const cluster = 'sqlalchemy';
    const backup = await runFullBackup(server().port, cluster);
    expect(backup.history.length).toBe(1);

    const conn = await mysql.createConnection({ host: server().host, port: server().port, user: `root@mysql_tenant#${cluster}` });
    const full: { name: string; type: string }[] = [];
    const desc = new Map<string, { Field: string; Type: string }[]>();
    try {
      const [rows] = await conn.query({ sql: 'SHOW FULL TABLES FROM oceanbase', rowsAsArray: true });
      for (const [name, type] of rows as [string, string][]) full.push({ name, type });
      for (const { name, type } of full) {
        if (type === 'SYSTEM VIEW') desc.set(name, (await conn.query(`DESC oceanbase.\`${name}\``))[0] as { Field: string; Type: string }[]);
      }
    } finally {
      await conn.end();
    }

    const reflected = await withTap(server(), async (tap) => {
      const out = JSON.parse(await runOk(python ?? 'python3', [SCRIPT, String(tap.port), cluster], { timeoutMs: 60_000 })) as Reflected;
      // The dialect asked for each view's CREATE statement, then described it.
      expect(tap.queries()).toContain('SHOW CREATE TABLE `oceanbase`.`DBA_OB_BACKUP_JOBS`');
      expect(tap.queries()).toContain('DESCRIBE `oceanbase`.`DBA_OB_BACKUP_JOBS`');
      return out;
    });

    // SQLAlchemy sorts nothing: both lists come in SHOW FULL TABLES order, split by type.
    expect(reflected.tables).toEqual(full.filter((t) => t.type === 'BASE TABLE').map((t) => t.name));
    expect(reflected.views).toEqual(full.filter((t) => t.type === 'SYSTEM VIEW' || t.type === 'VIEW').map((t) => t.name));
    expect(reflected.views).toContain('DBA_OB_BACKUP_JOBS');
    expect(reflected.views.length).toBe(desc.size);
    for (const view of reflected.views) {
      // SQLAlchemy compiles DECIMAL(24, 2) where DESC prints decimal(24,2).
      const columns = (reflected.columns[view] ?? []).map((c) => ({ name: c.name, type: c.type.replace(/, /g, ',') }));
      expect(columns, view).toEqual((desc.get(view) ?? []).map((d) => ({ name: d.Field, type: d.Type.toUpperCase() })));
    }
    expect(reflected.columns.DBA_OB_BACKUP_SET_FILES?.length).toBeGreaterThan(20);

    expect(reflected.query).toMatch(/^SELECT oceanbase\.`DBA_OB_BACKUP_JOB_HISTORY`\.`JOB_ID`, /);
    expect(reflected.history).toEqual(backup.history);
    expect(server().warnings()).toEqual([]);
  });
});
