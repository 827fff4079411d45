/**
 * Issue 21 "Must show": MariaDB Connector/J 2.7.6's DatabaseMetaData, what DBeaver and DataGrip read before showing
 * a tree: catalogs, schemas, tables with the views typed as system views, every column of DBA_OB_BACKUP_JOBS with
 * its JDBC type, primary keys, index info and procedures, all without error. The driver answers each call with a
 * query on information_schema (getColumns' uses CONVERT(…, UNSIGNED INTEGER) and LOCATE).
 */
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_J_JAR, haveConnectorJ, skipUnless } from './support/availability.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { runOk } from './support/run.js';

const SOURCE = fileURLToPath(new URL('./clients/Metadata.java', import.meta.url));

/** java.sql.Types of the DESC types the views use (the JDBC 4.2 constants), as Connector/J maps MySQL types. */
const JDBC_TYPES: Readonly<Record<string, number>> = { bigint: -5, varchar: 12, timestamp: 93, datetime: 93, decimal: 3, longtext: -1, double: 8 };

type Row = Readonly<Record<string, string>>;

/** The program's output by call: each row as label → value, or the error the call threw. */
function parse(out: string): Map<string, { rows: Row[]; count?: number; error?: string }> {
  const calls = new Map<string, { rows: Row[]; count?: number; error?: string }>();
  for (const line of out.trimEnd().split('\n')) {
    const [call = '', ...fields] = line.split('\t');
    const entry = calls.get(call) ?? { rows: [] };
    calls.set(call, entry);
    if (fields[0] === 'rows') entry.count = Number(fields[1]);
    else if (fields[0] === 'error') entry.error = fields.slice(1).join('\t');
    else entry.rows.push(Object.fromEntries(fields.map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)])));
  }
  return calls;
}

describe.skipIf(skipUnless(haveConnectorJ(), 'MariaDB Connector/J', 'libmariadb-java default-jre-headless'))('MariaDB Connector/J 2.7.6 DatabaseMetaData', () => {
  const server = useInteropServer({ warm: true });

  it('getCatalogs, getSchemas, getTables, getColumns, getPrimaryKeys, getIndexInfo, getProcedures return without error', async () => {
    const conn = await mysql.createConnection({ host: server().host, port: server().port, user: 'root@mysql_tenant#jdbc-meta-check' });
    let databases: string[];
    let desc: { Field: string; Type: string; Null: string }[];
    try {
      databases = ((await conn.query('SHOW DATABASES'))[0] as { Database: string }[]).map((r) => r.Database);
      desc = (await conn.query('DESC oceanbase.DBA_OB_BACKUP_JOBS'))[0] as typeof desc;
    } finally {
      await conn.end();
    }
    const out = await withTap(server(), async (tap) => {
      const printed = await runOk('java', ['-cp', CONNECTOR_J_JAR, SOURCE, String(tap.port), 'jdbc-meta'], { timeoutMs: 60_000 });
      // The driver's own metadata queries reached the server (no client-side shortcut answered them).
      expect(tap.queries().filter((q) => /FROM INFORMATION_SCHEMA\.(SCHEMATA|TABLES|COLUMNS|STATISTICS|ROUTINES)/i.test(q)).length).toBeGreaterThanOrEqual(6);
      return printed;
    });
    const calls = parse(out);
    for (const [call, entry] of calls) expect(entry.error, call).toBeUndefined();
    for (const call of ['getCatalogs', 'getSchemas', 'getTables', 'getColumns', 'getPrimaryKeys', 'getIndexInfo', 'getProcedures']) {
      expect(calls.get(call)?.count, call).toBeTypeOf('number');
    }

    expect(calls.get('getCatalogs')?.rows.map((r) => r.TABLE_CAT)).toEqual([...databases].sort());
    expect(databases).toContain('oceanbase');

    // Every DBA_OB_* view is a system view; asking for the view types finds the backup views.
    const tables = calls.get('getTables')?.rows ?? [];
    const views = tables.filter((r) => r.TABLE_NAME?.startsWith('DBA_OB_'));
    expect(views.length).toBeGreaterThan(20);
    expect(new Set(views.map((r) => r.TABLE_TYPE))).toEqual(new Set(['SYSTEM VIEW']));
    const ofViewTypes = (calls.get('getTablesOfViewTypes')?.rows ?? []).map((r) => r.TABLE_NAME);
    expect(ofViewTypes).toContain('DBA_OB_BACKUP_JOBS');
    expect(ofViewTypes).toContain('DBA_OB_BACKUP_JOB_HISTORY');

    // getColumns: DESC's columns in order, each with the JDBC type of its DESC type and DESC's nullability.
    const columns = calls.get('getColumns')?.rows ?? [];
    expect(columns.map((c) => c.COLUMN_NAME)).toEqual(desc.map((d) => d.Field));
    for (const [i, d] of desc.entries()) {
      const base = d.Type.replace(/\(.*$/, '');
      expect(JDBC_TYPES[base], d.Type).toBeTypeOf('number');
      expect({ column: d.Field, type: Number(columns[i]?.DATA_TYPE), nullable: columns[i]?.IS_NULLABLE }).toEqual({
        column: d.Field,
        type: JDBC_TYPES[base],
        nullable: d.Null,
      });
      expect(columns[i]?.TYPE_NAME).toBe(base.toUpperCase());
    }

    // Views have no keys, indexes or routines: empty, not an error.
    expect(calls.get('getPrimaryKeys')?.count).toBe(0);
    expect(calls.get('getIndexInfo')?.count).toBe(0);
    expect(calls.get('getProcedures')?.count).toBe(0);
    expect(server().warnings()).toEqual([]);
  });
});
