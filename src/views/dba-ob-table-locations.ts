/**
 * DBA_OB_TABLE_LOCATIONS / CDB_OB_TABLE_LOCATIONS: each tablet of the tenant, its LS and the server holding it.
 * Columns: desc_sys_views_in_sys.result (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16); values as
 * the view definition (ob_inner_table_schema_def.py, 21320) gives them for non-partitioned tables: PARTITION_NAME
 * and SUBPARTITION_NAME are the string 'NULL' (the definition selects the literal), INDEX_NAME and DATA_TABLE_ID
 * NULL (not an index; DATA_TABLE_ID 0 shows NULL), OBJECT_ID the table id, DUPLICATE_SCOPE NONE, no tablegroup.
 * One server holds every replica as LEADER of type FULL.
 *
 * The tablets: every tenant's inner tables live on LS 1; four of them stand for all (the core table and the
 * schema tables a tool might name, with their real ids; a real tenant has hundreds). On a user tenant's user LS
 * 1001: its own tables (the data plane's, with their real table and tablet ids, from OceanBase's first user ids),
 * and the tablets of the synthetic background workload (TenantData.tabletCount of them, whose macroblocks backups
 * copy) as tables sim_workload_1 … N of database `test` (`SYS` for Oracle tenants). Those are the emulator's own
 * names and ids, from 1,000,001 (tables) and 1,200,001 (tablets), so they never meet a table a user creates.
 */
import { userTables } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { isUserTenant } from './log-streams.js';
import { tenantOf } from './read.js';
import { twins } from './twins.js';
import type { Row, ViewContext } from './types.js';
import { int } from './values.js';

const COLUMNS = [
  col('DATABASE_NAME', T.varchar(128), 'NO'),
  col('TABLE_NAME', T.varchar(256), 'NO'),
  col('TABLE_ID', T.bigint(), 'NO'),
  col('TABLE_TYPE', T.varchar(13), 'NO'),
  col('PARTITION_NAME', T.varchar(64), 'NO'),
  col('SUBPARTITION_NAME', T.varchar(64), 'NO'),
  col('INDEX_NAME', T.varchar(256), 'NO'),
  col('DATA_TABLE_ID', T.bigint(), 'NO'),
  col('TABLET_ID', T.bigint(), 'NO'),
  col('LS_ID', T.bigint(), 'NO'),
  col('ZONE', T.varchar(128), 'NO'),
  col('SVR_IP', T.varchar(46), 'NO'),
  col('SVR_PORT', T.bigint(), 'NO'),
  col('ROLE', T.varchar(8), 'NO'),
  col('REPLICA_TYPE', T.varchar(18), 'NO'),
  col('DUPLICATE_SCOPE', T.varchar(7), 'NO'),
  col('OBJECT_ID', T.bigint(), 'NO'),
  col('TABLEGROUP_NAME', T.varchar(128), 'NO'),
  col('TABLEGROUP_ID', T.bigint(), 'NO'),
  col('SHARDING', T.varchar(10), 'NO'),
];

/** Inner tables (ob_inner_table_schema_def.py ids; an inner table's tablet id is its table id). */
const INNER_TABLES: readonly (readonly [string, number])[] = [
  ['__all_core_table', 1],
  ['__all_table', 3],
  ['__all_column', 4],
  ['__all_ddl_operation', 5],
];

/** The synthetic workload's ids: above any a test's own tables reach (theirs count up from 500001 and 200001). */
const FIRST_WORKLOAD_TABLE_ID = 1_000_001;
const FIRST_WORKLOAD_TABLET_ID = 1_200_001;

function location(database: string, table: string, tableId: number, type: string, tabletId: number, lsId: number): Row {
  return [
    database,
    table,
    int(tableId),
    type,
    'NULL',
    'NULL',
    null,
    null,
    int(tabletId),
    int(lsId),
    SERVER.zone,
    SERVER.ip,
    int(SERVER.rpcPort),
    'LEADER',
    'FULL',
    'NONE',
    int(tableId),
    null,
    null,
    null,
  ];
}

function locationRows(ctx: ViewContext, tenantId: number): Row[] {
  const t = tenantOf(ctx, tenantId);
  if (t === undefined) return [];
  const rows = INNER_TABLES.map(([name, id]) => location('oceanbase', name, id, 'SYSTEM TABLE', id, 1));
  if (!isUserTenant(t)) return rows;
  for (const u of userTables(ctx.state, tenantId)) rows.push(location(u.database, u.schema.name, u.tableId, 'USER TABLE', u.tabletId, 1001));
  const database = t.compatibilityMode === 'ORACLE' ? 'SYS' : 'test';
  const tablets = t.backup?.data.tabletCount ?? 0;
  for (let i = 0; i < tablets; i++) {
    rows.push(location(database, `sim_workload_${i + 1}`, FIRST_WORKLOAD_TABLE_ID + i, 'USER TABLE', FIRST_WORKLOAD_TABLET_ID + i, 1001));
  }
  return rows;
}

export const [DBA_OB_TABLE_LOCATIONS, CDB_OB_TABLE_LOCATIONS] = twins({
  suffix: 'OB_TABLE_LOCATIONS',
  columns: COLUMNS,
  rowsOf: locationRows,
});
