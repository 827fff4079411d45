/**
 * DBA_OB_TENANT_JOBS (sys): the rootservice jobs of __all_rootservice_job whose JOB_TYPE is a tenant job
 * (ob_inner_table_schema_def.py 21165: ALTER_TENANT_LOCALITY, ROLLBACK_ALTER_TENANT_LOCALITY,
 * SHRINK_RESOURCE_TENANT_UNIT_NUM, ALTER_TENANT_PRIMARY_ZONE, ALTER_RESOURCE_TENANT_UNIT_NUM and the UPGRADE_*
 * jobs) with a tenant. Columns: desc_sys_views_in_sys.result (oceanbase/oceanbase
 * c8ace58297bb2326ecab2048bd3f80b1dc997c16). A restore is not one of them: 4.2 records it in __all_restore_job
 * (CDB_OB_RESTORE_PROGRESS / _HISTORY), and backup, archive and clean jobs in their own tables. The emulator runs
 * none of these job types (no locality, primary zone or unit-number change, no upgrade), so the view is empty.
 */
import { T, col } from './columns.js';
import type { ViewDef } from './types.js';

export const DBA_OB_TENANT_JOBS: ViewDef = {
  name: 'DBA_OB_TENANT_JOBS',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('JOB_ID', T.bigint(), 'NO'),
    col('JOB_TYPE', T.varchar(128), 'NO'),
    col('JOB_STATUS', T.varchar(128), 'NO'),
    col('RESULT_CODE', T.bigint(), 'YES'),
    col('PROGRESS', T.bigint(), 'NO'),
    col('START_TIME', T.timestamp6(), 'YES'),
    col('MODIFY_TIME', T.timestamp6(), 'YES'),
    col('TENANT_ID', T.bigint(), 'YES'),
    col('SQL_TEXT', T.longtext(), 'YES'),
    col('EXTRA_INFO', T.varchar(512), 'YES'),
    col('RS_SVR_IP', T.varchar(46), 'NO'),
    col('RS_SVR_PORT', T.bigint(), 'NO'),
  ],
  rows: () => [],
};
