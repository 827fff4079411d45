/**
 * Issue 21 Build 4: what GUI tools, ORMs and drivers send around metadata, as their public sources show it, is
 * answered without an error (rows where the statement reads, OK where it sets). One list per client, so a client
 * that breaks names itself. The interop tests run the real Connector/J, SQLAlchemy, mariadb-dump and Adminer;
 * these are the texts of the clients CI does not install (DBeaver, DataGrip, Metabase, Grafana,
 * mysql-connector-python), plus the connect-time statements of SQLAlchemy's dialect.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type StatementResult } from '../../../src/index.js';

const VIEW = 'DBA_OB_BACKUP_JOBS';

const CLIENTS: Readonly<Record<string, readonly string[]>> = {
  // DBeaver's MySQL plug-in (MySQLDataSource, MySQLCatalog, MySQLTable, MySQLView, MySQLProcedure).
  DBeaver: [
    "SHOW VARIABLES LIKE 'lower_case_table_names'",
    'SELECT @@GLOBAL.character_set_server, @@GLOBAL.collation_server',
    'SHOW ENGINES',
    'SHOW CHARSET',
    'SHOW COLLATION',
    'SHOW PLUGINS',
    'SHOW DATABASES',
    'SELECT * FROM information_schema.SCHEMATA',
    'SHOW FULL TABLES FROM `oceanbase`',
    'SHOW TABLE STATUS FROM `oceanbase`',
    `SHOW TABLE STATUS FROM \`oceanbase\` LIKE '${VIEW}'`,
    `SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA='oceanbase' AND TABLE_NAME='${VIEW}' ORDER BY ORDINAL_POSITION`,
    `SHOW INDEX FROM \`${VIEW}\` FROM \`oceanbase\``,
    `SELECT * FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA='oceanbase' AND TABLE_NAME='${VIEW}'`,
    `SELECT kc.CONSTRAINT_NAME, kc.TABLE_NAME, kc.COLUMN_NAME, kc.ORDINAL_POSITION FROM information_schema.KEY_COLUMN_USAGE kc WHERE kc.TABLE_SCHEMA='oceanbase' AND kc.TABLE_NAME='${VIEW}' AND kc.REFERENCED_TABLE_NAME IS NOT NULL`,
    "SELECT * FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA='oceanbase'",
    `SHOW CREATE VIEW \`oceanbase\`.\`${VIEW}\``,
    `SELECT * FROM information_schema.VIEWS WHERE TABLE_SCHEMA='oceanbase' AND TABLE_NAME='${VIEW}'`,
    "SELECT * FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA='oceanbase'",
    "SHOW PROCEDURE STATUS WHERE Db = 'oceanbase'",
    "SHOW FUNCTION STATUS WHERE Db = 'oceanbase'",
    "SELECT * FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA='oceanbase' ORDER BY ROUTINE_NAME",
    "SELECT * FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA='oceanbase' ORDER BY SPECIFIC_NAME, ORDINAL_POSITION",
    'SHOW EVENTS FROM `oceanbase`',
    `SELECT * FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA='oceanbase' AND TABLE_NAME='${VIEW}' ORDER BY PARTITION_ORDINAL_POSITION`,
    'SHOW FULL PROCESSLIST',
    'SHOW GRANTS',
    'SHOW GLOBAL STATUS',
    "SHOW SESSION STATUS LIKE 'Uptime'",
    'SHOW GLOBAL VARIABLES',
    'SELECT CURRENT_USER()',
    'SET SESSION TRANSACTION READ ONLY',
    'SET SQL_SELECT_LIMIT=200',
    'SET SQL_SELECT_LIMIT=DEFAULT',
  ],
  // DataGrip's MySQL introspector.
  DataGrip: [
    'select version()',
    'select @@version_comment',
    'select @@lower_case_table_names',
    'select schema_name, default_character_set_name, default_collation_name from information_schema.schemata',
    "select table_name, table_type, table_comment, engine, table_collation, create_options from information_schema.tables where table_schema = 'oceanbase'",
    "select table_name, column_name, ordinal_position, column_default, is_nullable, data_type, character_maximum_length, numeric_precision, numeric_scale, column_type, column_key, extra, column_comment, generation_expression from information_schema.columns where table_schema = 'oceanbase' order by table_name, ordinal_position",
    "select table_name, view_definition, check_option, is_updatable, definer, security_type from information_schema.views where table_schema = 'oceanbase'",
    "select table_name, index_name, non_unique, seq_in_index, column_name, collation, index_type from information_schema.statistics where table_schema = 'oceanbase' order by table_name, index_name, seq_in_index",
    "select routine_name, routine_type, dtd_identifier, routine_definition from information_schema.routines where routine_schema = 'oceanbase'",
    "select trigger_name, event_manipulation, event_object_table, action_timing from information_schema.triggers where trigger_schema = 'oceanbase'",
    "select event_name, status from information_schema.events where event_schema = 'oceanbase'",
    'select grantee, privilege_type, is_grantable from information_schema.user_privileges',
    "select grantee, table_schema, privilege_type from information_schema.schema_privileges where table_schema = 'oceanbase'",
    "select grantee, table_name, privilege_type from information_schema.table_privileges where table_schema = 'oceanbase'",
    "select grantee, table_name, column_name, privilege_type from information_schema.column_privileges where table_schema = 'oceanbase'",
  ],
  // Metabase's MySQL driver (its sync reads JDBC metadata; these are its own statements).
  Metabase: [
    'SELECT @@GLOBAL.time_zone, @@system_time_zone',
    "SHOW VARIABLES LIKE 'time_zone'",
    'SELECT 1',
    `SELECT * FROM \`oceanbase\`.\`${VIEW}\` LIMIT 0`,
    "SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'oceanbase'",
  ],
  // Grafana's MySQL data source: its query editor's schema, table and column pickers.
  Grafana: [
    "SELECT DISTINCT TABLE_SCHEMA from information_schema.TABLES where TABLE_TYPE != 'SYSTEM VIEW' ORDER BY TABLE_SCHEMA",
    'SELECT table_name FROM information_schema.tables WHERE table_schema = (SELECT DATABASE()) ORDER BY table_name',
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'oceanbase' AND table_name = '${VIEW}' ORDER BY column_name`,
    'SELECT UNIX_TIMESTAMP(END_TIMESTAMP) AS time_sec, JOB_ID AS value FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY END_TIMESTAMP',
  ],
  // mysql-connector-python: what it sends on connect and for its cursors.
  'mysql-connector-python': [
    "SET NAMES 'utf8mb4' COLLATE 'utf8mb4_general_ci'",
    'SET @@session.autocommit = OFF',
    'SELECT @@session.transaction_isolation',
    'SELECT @@version',
    'SET @@session.autocommit = ON',
  ],
  // SQLAlchemy 1.4's MySQL dialect on connect and in has_table / get_indexes / get_pk_constraint.
  SQLAlchemy: [
    "SHOW VARIABLES LIKE 'sql_mode'",
    "SHOW VARIABLES LIKE 'lower_case_table_names'",
    "SHOW VARIABLES LIKE 'character_set%%'",
    'SELECT @@transaction_isolation',
    'SELECT DATABASE()',
    "SELECT CAST('test plain returns' AS CHAR(60)) AS anon_1",
    "SELECT CAST('test unicode returns' AS CHAR(60)) AS anon_1",
    `DESCRIBE \`oceanbase\`.\`${VIEW}\``,
    `SHOW CREATE TABLE \`oceanbase\`.\`${VIEW}\``,
    'ROLLBACK',
  ],
};

function outcome(result: StatementResult): string {
  if (isObError(result)) return `${result.errno} ${result.message}`;
  return result.kind === 'rows' ? `rows (${result.resultSet.columns.length} columns)` : 'OK';
}

describe('what browsing clients send is answered without an error', () => {
  for (const [client, statements] of Object.entries(CLIENTS)) {
    it(client, () => {
      const session = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ tenant: 'mysql_tenant', database: 'oceanbase' });
      const answers = statements.map((sql) => [sql, outcome(session.execute(sql))] as const);
      const failed = answers.filter(([, a]) => /^\d+ /.test(a));
      expect(failed).toEqual([]);
      // Reads answer with columns, writes of session state with OK.
      for (const [sql, a] of answers) expect(a, sql).toMatch(/^SET|^ROLLBACK/i.test(sql) ? /^OK$/ : /^rows \([1-9]\d* columns\)$/);
    });
  }
});

describe('information_schema shows a tenant only what it may see', () => {
  const count = (tenant: string, sql: string): string => {
    const r = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ tenant, database: 'oceanbase' }).rows(sql);
    return isObError(r) ? r.message : String(r.rows[0]?.[0]);
  };
  it('the CDB_* views are sys views: listed for sys, absent for a user tenant, in TABLES, COLUMNS and SHOW TABLES alike', () => {
    const tables = "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME LIKE 'CDB%'";
    const columns = "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_NAME LIKE 'CDB%'";
    expect(Number(count('sys', tables))).toBeGreaterThan(10);
    expect(Number(count('sys', columns))).toBeGreaterThan(100);
    expect([count('mysql_tenant', tables), count('mysql_tenant', columns)]).toEqual(['0', '0']);
    const shown = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ tenant: 'mysql_tenant', database: 'oceanbase' }).rows("SHOW TABLES FROM oceanbase LIKE 'CDB%'");
    expect(isObError(shown) ? shown.message : shown.rows).toEqual([]);
  });
});
