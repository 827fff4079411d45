/**
 * DBA_OB_BACKUP_STORAGE_INFO and DBA_OB_BACKUP_STORAGE_INFO_HISTORY with their CDB_ twins (views.md §4.5). Unlike
 * the other backup views, the DBA form already has TENANT_ID, so the CDB form has the same nine columns.
 */
import type { StorageInfo } from '../engine/index.js';
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { int, timestamp } from './values.js';

const COLUMNS = [
  col('TENANT_ID', T.bigint(), 'NO'),
  col('PATH', T.varchar(1024), 'NO'),
  col('ENDPOINT', T.varchar(256), 'NO'),
  col('DEST_ID', T.bigint(), 'YES'),
  col('DEST_TYPE', T.varchar(64), 'YES'),
  col('AUTHORIZATION', T.varchar(1024), 'NO'),
  col('EXTENSION', T.varchar(512), 'NO'),
  col('CHECK_FILE_NAME', T.varchar(256), 'YES'),
  col('LAST_CHECK_TIMESTAMP', T.timestamp6(), 'YES'),
];

function storageRow(s: StorageInfo): Row {
  return [
    int(s.tenantId),
    s.path,
    s.endpoint,
    int(s.destId),
    s.destType,
    s.authorization,
    s.extension,
    s.checkFileName,
    timestamp(s.lastCheckUs),
  ];
}

export const [DBA_OB_BACKUP_STORAGE_INFO, CDB_OB_BACKUP_STORAGE_INFO] = twins({
  suffix: 'OB_BACKUP_STORAGE_INFO',
  columns: COLUMNS,
  tenantIdIncluded: true,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.storageInfo ?? []).map(storageRow),
});

export const [DBA_OB_BACKUP_STORAGE_INFO_HISTORY, CDB_OB_BACKUP_STORAGE_INFO_HISTORY] = twins({
  suffix: 'OB_BACKUP_STORAGE_INFO_HISTORY',
  columns: COLUMNS,
  tenantIdIncluded: true,
  rowsOf: (ctx, tenantId) => (backupOf(ctx, tenantId)?.storageInfoHistory ?? []).map(storageRow),
});
