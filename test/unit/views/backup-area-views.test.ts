/**
 * The views tools read around backups and restores (issue 16, item 3).
 *
 * 1. obdiag's gather scenes for the backup area (oceanbase/obdiag 1d2b1be47c697b7cb9733c9e144048b735246b75,
 *    plugins/gather/tasks/observer/backup.yaml, backup_clean.yaml, log_archive.yaml, recovery.yaml): the `sql:`
 *    steps of each scene's `[4.0.0.0, *]` block, as obdiag sends them (#{tenant_id} is filled with each user
 *    tenant), each must answer with a result set.
 * 2. DESC of each view added for it equals the source's DESC block: desc_sys_views_in_sys.result under
 *    tools/deploy/mysql_test/test_suite/inner_table/r/mysql/ of oceanbase/oceanbase at
 *    c8ace58297bb2326ecab2048bd3f80b1dc997c16 (the oldest commit holding the file, 4.2-era master), except
 *    GV$OB_PARAMETERS, whose DEFAULT_VALUE / ISDEFAULT came with 4.2.2: the same file at
 *    c51018527616b6da76674108d20bad8a7bff6431.
 *    The same file's blocks settle the types and Null flags of DBA_OB_CLUSTER_EVENT_HISTORY and the
 *    BACKUP_DELETE_JOBS / _TASKS views (item 6).
 * 3. What the rows say, against the rest of the emulator's views.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError } from '../../../src/index.js';
import type { EmulatorSession } from '../../../src/index.js';
import { typeText } from '../../../src/result.js';
import { viewDef } from '../../../src/views/index.js';

const SCENES: Record<string, readonly string[]> = {
  backup: [
    'show variables like \'version_comment\';',
    'SELECT * FROM oceanbase.DBA_OB_ZONES ORDER BY ZONE;',
    'SELECT * FROM oceanbase.DBA_OB_SERVERS ORDER BY ZONE;',
    'SELECT SVR_IP,SVR_PORT,ZONE,SQL_PORT,CPU_CAPACITY,CPU_CAPACITY_MAX,CPU_ASSIGNED,CPU_ASSIGNED_MAX, concat(ROUND(MEM_CAPACITY/1024/1024/1024,0), \'G\') as MEM_CAPACITY, concat(ROUND(MEM_ASSIGNED/1024/1024/1024,0), \'G\') as MEM_ASSIGNED, concat(ROUND(LOG_DISK_CAPACITY/1024/1024/1024,0), \'G\') as LOG_DISK_CAPACITY, concat(ROUND(LOG_DISK_ASSIGNED/1024/1024/1024,0), \'G\') as LOG_DISK_ASSIGNED, concat(ROUND(LOG_DISK_IN_USE/1024/1024/1024,0), \'G\') as LOG_DISK_IN_USE, concat(ROUND(DATA_DISK_CAPACITY/1024/1024/1024,0), \'G\') as DATA_DISK_CAPACITY,concat(ROUND(DATA_DISK_IN_USE/1024/1024/1024,0), \'G\') as DATA_DISK_IN_USE,concat(ROUND(MEMORY_LIMIT/1024/1024/1024,0), \'G\') as MEMORY_LIMIT FROM oceanbase.GV$OB_SERVERS;',
    'SELECT * FROM oceanbase.DBA_OB_UNIT_CONFIGS;',
    'SELECT * FROM oceanbase.DBA_OB_RESOURCE_POOLS;',
    'SELECT * FROM oceanbase.DBA_OB_TENANTS;',
    'SELECT c.TENANT_ID, e.TENANT_NAME, concat(c.NAME, \': \', d.NAME) `pool:conf`,concat(c.UNIT_COUNT, \' unit: \', d.min_cpu, \'C/\', ROUND(d.MEMORY_SIZE/1024/1024/1024,0), \'G\') unit_info FROM oceanbase.DBA_OB_RESOURCE_POOLS c, oceanbase.DBA_OB_UNIT_CONFIGS d, oceanbase.DBA_OB_TENANTS e WHERE c.UNIT_CONFIG_ID=d.UNIT_CONFIG_ID AND c.TENANT_ID=e.TENANT_ID AND c.TENANT_ID>1000 ORDER BY c.TENANT_ID;',
    'SELECT a.TENANT_NAME,a.TENANT_ID,b.SVR_IP FROM oceanbase.DBA_OB_TENANTS a, oceanbase.GV$OB_UNITS b WHERE a.TENANT_ID=b.TENANT_ID;',
    'show parameters like \'%syslog_level%\';',
    'show parameters like \'%syslog_io_bandwidth_limit%\';',
    'show parameters like \'%backup%\';',
    'show parameters like \'%ha_low_thread_score%\';',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_PARAMETER where tenant_id = #{tenant_id}',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_JOBS where tenant_id = #{tenant_id};',
    'SELECT * FROM oceanbase.DBA_OB_ROOTSERVICE_EVENT_HISTORY WHERE module=\'backup_data\' AND event =\'start_backup_data\';',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_TASKS where tenant_id = #{tenant_id};',
    'SELECT * FROM oceanbase.__all_virtual_backup_schedule_task where tenant_id = #{tenant_id}',
    'SELECT * from oceanbase.CDB_OB_BACKUP_JOB_HISTORY where STATUS = \'FAILED\' and tenant_id = #{tenant_id};',
  ],
  backup_clean: [
    'show variables like \'version_comment\';',
    'SELECT * FROM oceanbase.DBA_OB_ZONES ORDER BY ZONE;',
    'SELECT * FROM oceanbase.DBA_OB_SERVERS ORDER BY ZONE;',
    'SELECT SVR_IP,SVR_PORT,ZONE,SQL_PORT,CPU_CAPACITY,CPU_CAPACITY_MAX,CPU_ASSIGNED,CPU_ASSIGNED_MAX, concat(ROUND(MEM_CAPACITY/1024/1024/1024,0), \'G\') as MEM_CAPACITY, concat(ROUND(MEM_ASSIGNED/1024/1024/1024,0), \'G\') as MEM_ASSIGNED, concat(ROUND(LOG_DISK_CAPACITY/1024/1024/1024,0), \'G\') as LOG_DISK_CAPACITY, concat(ROUND(LOG_DISK_ASSIGNED/1024/1024/1024,0), \'G\') as LOG_DISK_ASSIGNED, concat(ROUND(LOG_DISK_IN_USE/1024/1024/1024,0), \'G\') as LOG_DISK_IN_USE, concat(ROUND(DATA_DISK_CAPACITY/1024/1024/1024,0), \'G\') as DATA_DISK_CAPACITY,concat(ROUND(DATA_DISK_IN_USE/1024/1024/1024,0), \'G\') as DATA_DISK_IN_USE,concat(ROUND(MEMORY_LIMIT/1024/1024/1024,0), \'G\') as MEMORY_LIMIT FROM oceanbase.GV$OB_SERVERS;',
    'SELECT * FROM oceanbase.DBA_OB_UNIT_CONFIGS;',
    'SELECT * FROM oceanbase.DBA_OB_RESOURCE_POOLS;',
    'SELECT * FROM oceanbase.DBA_OB_TENANTS;',
    'SELECT c.TENANT_ID, e.TENANT_NAME, concat(c.NAME, \': \', d.NAME) `pool:conf`,concat(c.UNIT_COUNT, \' unit: \', d.min_cpu, \'C/\', ROUND(d.MEMORY_SIZE/1024/1024/1024,0), \'G\') unit_info FROM oceanbase.DBA_OB_RESOURCE_POOLS c, oceanbase.DBA_OB_UNIT_CONFIGS d, oceanbase.DBA_OB_TENANTS e WHERE c.UNIT_CONFIG_ID=d.UNIT_CONFIG_ID AND c.TENANT_ID=e.TENANT_ID AND c.TENANT_ID>1000 ORDER BY c.TENANT_ID;',
    'SELECT a.TENANT_NAME,a.TENANT_ID,b.SVR_IP FROM oceanbase.DBA_OB_TENANTS a, oceanbase.GV$OB_UNITS b WHERE a.TENANT_ID=b.TENANT_ID;',
    'show parameters like \'%syslog_level%\';',
    'show parameters like \'%syslog_io_bandwidth_limit%\';',
    'show parameters like \'%backup%\';',
    'select * from oceanbase.CDB_OB_BACKUP_JOB_HISTORY where tenant_id=#{tenant_id}',
    'SELECT * FROM oceanbase.DBA_OB_ROOTSERVICE_EVENT_HISTORY WHERE module=\'backup_data\' AND event =\'start_backup_data\';',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_TASKS where tenant_id=#{tenant_id};',
    'SELECT * FROM oceanbase.__all_virtual_backup_schedule_task where tenant_id=#{tenant_id}',
    'SELECT * from oceanbase.CDB_OB_BACKUP_JOB_HISTORY where STATUS = \'FAILED\' and tenant_id=#{tenant_id};',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_DELETE_POLICY where tenant_id=#{tenant_id};',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_DELETE_JOBS where tenant_id=#{tenant_id}',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_DELETE_TASKS where tenant_id=#{tenant_id}',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_DELETE_TASK_HISTORY where tenant_id=#{tenant_id}',
    'SELECT * FROM oceanbase.CDB_OB_BACKUP_DELETE_JOB_HISTORY where tenant_id=#{tenant_id}',
  ],
  log_archive: [
    'show variables like \'version_comment\';',
    'SELECT * FROM oceanbase.DBA_OB_ZONES ORDER BY ZONE;',
    'SELECT * FROM oceanbase.DBA_OB_SERVERS ORDER BY ZONE;',
    'SELECT SVR_IP,SVR_PORT,ZONE,SQL_PORT,CPU_CAPACITY,CPU_CAPACITY_MAX,CPU_ASSIGNED,CPU_ASSIGNED_MAX, concat(ROUND(MEM_CAPACITY/1024/1024/1024,0), \'G\') as MEM_CAPACITY, concat(ROUND(MEM_ASSIGNED/1024/1024/1024,0), \'G\') as MEM_ASSIGNED, concat(ROUND(LOG_DISK_CAPACITY/1024/1024/1024,0), \'G\') as LOG_DISK_CAPACITY, concat(ROUND(LOG_DISK_ASSIGNED/1024/1024/1024,0), \'G\') as LOG_DISK_ASSIGNED, concat(ROUND(LOG_DISK_IN_USE/1024/1024/1024,0), \'G\') as LOG_DISK_IN_USE, concat(ROUND(DATA_DISK_CAPACITY/1024/1024/1024,0), \'G\') as DATA_DISK_CAPACITY,concat(ROUND(DATA_DISK_IN_USE/1024/1024/1024,0), \'G\') as DATA_DISK_IN_USE,concat(ROUND(MEMORY_LIMIT/1024/1024/1024,0), \'G\') as MEMORY_LIMIT FROM oceanbase.GV$OB_SERVERS;',
    'SELECT * FROM oceanbase.DBA_OB_UNIT_CONFIGS;',
    'SELECT * FROM oceanbase.DBA_OB_RESOURCE_POOLS;',
    'SELECT * FROM oceanbase.DBA_OB_TENANTS;',
    'SELECT c.TENANT_ID, e.TENANT_NAME, concat(c.NAME, \': \', d.NAME) `pool:conf`,concat(c.UNIT_COUNT, \' unit: \', d.min_cpu, \'C/\', ROUND(d.MEMORY_SIZE/1024/1024/1024,0), \'G\') unit_info FROM oceanbase.DBA_OB_RESOURCE_POOLS c, oceanbase.DBA_OB_UNIT_CONFIGS d, oceanbase.DBA_OB_TENANTS e WHERE c.UNIT_CONFIG_ID=d.UNIT_CONFIG_ID AND c.TENANT_ID=e.TENANT_ID AND c.TENANT_ID>1000 ORDER BY c.TENANT_ID;',
    'SELECT a.TENANT_NAME,a.TENANT_ID,b.SVR_IP FROM oceanbase.DBA_OB_TENANTS a, oceanbase.GV$OB_UNITS b WHERE a.TENANT_ID=b.TENANT_ID;',
    'show parameters like \'%syslog_level%\';',
    'show parameters like \'%syslog_io_bandwidth_limit%\';',
    'show parameters like \'%backup%\';',
    'SHOW PARAMETERS LIKE \'log_archive_concurrency\';',
    'SELECT * FROM oceanbase.CDB_OB_ARCHIVE_DEST;',
    'SELECT * FROM oceanbase.CDB_OB_ARCHIVELOG_SUMMARY limit 20',
    'SELECT * FROM oceanbase.CDB_OB_ARCHIVELOG limit 20',
    'SELECT * FROM oceanbase.CDB_OB_ARCHIVELOG_PIECE_FILES limit 20',
    'select svr_ip, svr_port, ls_id, count(*) from oceanbase.CDB_OB_TABLE_LOCATIONS group by svr_ip, svr_port, ls_id;',
  ],
  recovery: [
    'show variables like \'version_comment\';',
    'SELECT * FROM oceanbase.DBA_OB_ZONES ORDER BY ZONE;',
    'SELECT * FROM oceanbase.DBA_OB_SERVERS ORDER BY ZONE;',
    'SELECT SVR_IP,SVR_PORT,ZONE,SQL_PORT,CPU_CAPACITY,CPU_CAPACITY_MAX,CPU_ASSIGNED,CPU_ASSIGNED_MAX, concat(ROUND(MEM_CAPACITY/1024/1024/1024,0), \'G\') as MEM_CAPACITY, concat(ROUND(MEM_ASSIGNED/1024/1024/1024,0), \'G\') as MEM_ASSIGNED, concat(ROUND(LOG_DISK_CAPACITY/1024/1024/1024,0), \'G\') as LOG_DISK_CAPACITY, concat(ROUND(LOG_DISK_ASSIGNED/1024/1024/1024,0), \'G\') as LOG_DISK_ASSIGNED, concat(ROUND(LOG_DISK_IN_USE/1024/1024/1024,0), \'G\') as LOG_DISK_IN_USE, concat(ROUND(DATA_DISK_CAPACITY/1024/1024/1024,0), \'G\') as DATA_DISK_CAPACITY,concat(ROUND(DATA_DISK_IN_USE/1024/1024/1024,0), \'G\') as DATA_DISK_IN_USE,concat(ROUND(MEMORY_LIMIT/1024/1024/1024,0), \'G\') as MEMORY_LIMIT FROM oceanbase.GV$OB_SERVERS;',
    'SELECT * FROM oceanbase.DBA_OB_UNIT_CONFIGS;',
    'SELECT * FROM oceanbase.DBA_OB_RESOURCE_POOLS;',
    'SELECT * FROM oceanbase.DBA_OB_TENANTS;',
    'SELECT c.TENANT_ID, e.TENANT_NAME, concat(c.NAME, \': \', d.NAME) `pool:conf`,concat(c.UNIT_COUNT, \' unit: \', d.min_cpu, \'C/\', ROUND(d.MEMORY_SIZE/1024/1024/1024,0), \'G\') unit_info FROM oceanbase.DBA_OB_RESOURCE_POOLS c, oceanbase.DBA_OB_UNIT_CONFIGS d, oceanbase.DBA_OB_TENANTS e WHERE c.UNIT_CONFIG_ID=d.UNIT_CONFIG_ID AND c.TENANT_ID=e.TENANT_ID AND c.TENANT_ID>1000 ORDER BY c.TENANT_ID;',
    'SELECT a.TENANT_NAME,a.TENANT_ID,b.SVR_IP FROM oceanbase.DBA_OB_TENANTS a, oceanbase.GV$OB_UNITS b WHERE a.TENANT_ID=b.TENANT_ID;',
    'show parameters like \'%syslog_level%\';',
    'show parameters like \'%syslog_io_bandwidth_limit%\';',
    'SELECT * FROM oceanbase.CDB_OB_RESTORE_PROGRESS limit 20;',
    'SELECT * FROM oceanbase.CDB_OB_RESTORE_HISTORY limit 20;',
    'select svr_ip, svr_port, ls_id, count(*) from oceanbase.CDB_OB_TABLE_LOCATIONS group by svr_ip, svr_port, ls_id;',
  ],
};

const SOURCE_DESC: Record<string, string> = {
  'DBA_OB_LS': `
    LS_ID | bigint(20) | NO
    STATUS | varchar(100) | NO
    PRIMARY_ZONE | longtext | YES
    UNIT_GROUP_ID | bigint(20) | NO
    LS_GROUP_ID | bigint(20) | NO
    CREATE_SCN | bigint(20) unsigned | NO
    DROP_SCN | bigint(20) unsigned | NO
    SYNC_SCN | bigint(20) unsigned | NO
    READABLE_SCN | bigint(20) unsigned | NO
    FLAG | varchar(2048) | NO
  `,
  'CDB_OB_LS': `
    TENANT_ID | bigint(20) | NO
    LS_ID | bigint(20) | NO
    STATUS | varchar(100) | NO
    PRIMARY_ZONE | longtext | YES
    UNIT_GROUP_ID | bigint(20) | NO
    LS_GROUP_ID | bigint(20) | NO
    CREATE_SCN | bigint(20) unsigned | NO
    DROP_SCN | bigint(20) unsigned | NO
    SYNC_SCN | bigint(20) unsigned | NO
    READABLE_SCN | bigint(20) unsigned | NO
    FLAG | varchar(2048) | NO
  `,
  'DBA_OB_TABLE_LOCATIONS': `
    DATABASE_NAME | varchar(128) | NO
    TABLE_NAME | varchar(256) | NO
    TABLE_ID | bigint(20) | NO
    TABLE_TYPE | varchar(13) | NO
    PARTITION_NAME | varchar(64) | NO
    SUBPARTITION_NAME | varchar(64) | NO
    INDEX_NAME | varchar(256) | NO
    DATA_TABLE_ID | bigint(20) | NO
    TABLET_ID | bigint(20) | NO
    LS_ID | bigint(20) | NO
    ZONE | varchar(128) | NO
    SVR_IP | varchar(46) | NO
    SVR_PORT | bigint(20) | NO
    ROLE | varchar(8) | NO
    REPLICA_TYPE | varchar(18) | NO
    DUPLICATE_SCOPE | varchar(7) | NO
    OBJECT_ID | bigint(20) | NO
    TABLEGROUP_NAME | varchar(128) | NO
    TABLEGROUP_ID | bigint(20) | NO
    SHARDING | varchar(10) | NO
  `,
  'CDB_OB_TABLE_LOCATIONS': `
    TENANT_ID | bigint(20) | NO
    DATABASE_NAME | varchar(128) | NO
    TABLE_NAME | varchar(256) | NO
    TABLE_ID | bigint(20) | NO
    TABLE_TYPE | varchar(13) | NO
    PARTITION_NAME | varchar(64) | NO
    SUBPARTITION_NAME | varchar(64) | NO
    INDEX_NAME | varchar(256) | NO
    DATA_TABLE_ID | bigint(20) | NO
    TABLET_ID | bigint(20) | NO
    LS_ID | bigint(20) | NO
    ZONE | varchar(128) | NO
    SVR_IP | varchar(46) | NO
    SVR_PORT | bigint(20) | NO
    ROLE | varchar(8) | NO
    REPLICA_TYPE | varchar(18) | NO
    DUPLICATE_SCOPE | varchar(7) | NO
    OBJECT_ID | bigint(20) | NO
    TABLEGROUP_NAME | varchar(128) | NO
    TABLEGROUP_ID | bigint(20) | NO
    SHARDING | varchar(10) | NO
  `,
  'GV$OB_LOG_STAT': `
    TENANT_ID | bigint(20) | NO
    LS_ID | bigint(20) | NO
    SVR_IP | varchar(46) | NO
    SVR_PORT | bigint(20) | NO
    ROLE | varchar(32) | NO
    PROPOSAL_ID | bigint(20) | NO
    CONFIG_VERSION | varchar(128) | NO
    ACCESS_MODE | varchar(32) | NO
    PAXOS_MEMBER_LIST | varchar(1024) | NO
    PAXOS_REPLICA_NUM | bigint(20) | NO
    IN_SYNC | varchar(3) | NO
    BASE_LSN | bigint(20) unsigned | NO
    BEGIN_LSN | bigint(20) unsigned | NO
    BEGIN_SCN | bigint(20) unsigned | NO
    END_LSN | bigint(20) unsigned | NO
    END_SCN | bigint(20) unsigned | NO
    MAX_LSN | bigint(20) unsigned | NO
    MAX_SCN | bigint(20) unsigned | NO
    ARBITRATION_MEMBER | varchar(128) | NO
    DEGRADED_LIST | varchar(1024) | NO
    LEARNER_LIST | longtext | NO
  `,
  'V$OB_LOG_STAT': `
    TENANT_ID | bigint(20) | NO
    LS_ID | bigint(20) | NO
    SVR_IP | varchar(46) | NO
    SVR_PORT | bigint(20) | NO
    ROLE | varchar(32) | NO
    PROPOSAL_ID | bigint(20) | NO
    CONFIG_VERSION | varchar(128) | NO
    ACCESS_MODE | varchar(32) | NO
    PAXOS_MEMBER_LIST | varchar(1024) | NO
    PAXOS_REPLICA_NUM | bigint(20) | NO
    IN_SYNC | varchar(3) | NO
    BASE_LSN | bigint(20) unsigned | NO
    BEGIN_LSN | bigint(20) unsigned | NO
    BEGIN_SCN | bigint(20) unsigned | NO
    END_LSN | bigint(20) unsigned | NO
    END_SCN | bigint(20) unsigned | NO
    MAX_LSN | bigint(20) unsigned | NO
    MAX_SCN | bigint(20) unsigned | NO
    ARBITRATION_MEMBER | varchar(128) | NO
    DEGRADED_LIST | varchar(1024) | NO
    LEARNER_LIST | longtext | NO
  `,
  'DBA_OB_SERVER_EVENT_HISTORY': `
    TIMESTAMP | timestamp(6) | NO
    SVR_IP | varchar(46) | NO
    SVR_PORT | bigint(20) | NO
    MODULE | varchar(64) | NO
    EVENT | varchar(64) | NO
    NAME1 | varchar(256) | YES
    VALUE1 | varchar(512) | YES
    NAME2 | varchar(256) | YES
    VALUE2 | longtext | YES
    NAME3 | varchar(256) | YES
    VALUE3 | varchar(512) | YES
    NAME4 | varchar(256) | YES
    VALUE4 | varchar(512) | YES
    NAME5 | varchar(256) | YES
    VALUE5 | varchar(512) | YES
    NAME6 | varchar(256) | YES
    VALUE6 | varchar(512) | YES
    EXTRA_INFO | varchar(512) | YES
  `,
  'DBA_OB_UNITS': `
    UNIT_ID | bigint(20) | NO
    TENANT_ID | bigint(20) | NO
    STATUS | varchar(128) | NO
    RESOURCE_POOL_ID | bigint(20) | NO
    UNIT_GROUP_ID | bigint(20) | NO
    CREATE_TIME | timestamp(6) | YES
    MODIFY_TIME | timestamp(6) | YES
    ZONE | varchar(128) | NO
    SVR_IP | varchar(46) | NO
    SVR_PORT | bigint(20) | NO
    MIGRATE_FROM_SVR_IP | varchar(46) | NO
    MIGRATE_FROM_SVR_PORT | bigint(20) | NO
    MANUAL_MIGRATE | varchar(3) | NO
    UNIT_CONFIG_ID | bigint(20) | NO
    MAX_CPU | double | NO
    MIN_CPU | double | NO
    MEMORY_SIZE | bigint(20) | NO
    LOG_DISK_SIZE | bigint(20) | NO
    MAX_IOPS | bigint(20) | NO
    MIN_IOPS | bigint(20) | NO
    IOPS_WEIGHT | bigint(20) | NO
  `,
  'DBA_OB_TENANT_JOBS': `
    JOB_ID | bigint(20) | NO
    JOB_TYPE | varchar(128) | NO
    JOB_STATUS | varchar(128) | NO
    RESULT_CODE | bigint(20) | YES
    PROGRESS | bigint(20) | NO
    START_TIME | timestamp(6) | YES
    MODIFY_TIME | timestamp(6) | YES
    TENANT_ID | bigint(20) | YES
    SQL_TEXT | longtext | YES
    EXTRA_INFO | varchar(512) | YES
    RS_SVR_IP | varchar(46) | NO
    RS_SVR_PORT | bigint(20) | NO
  `,
  'CDB_OB_FREEZE_INFO': `
    TENANT_ID | bigint(20) | NO
    FROZEN_SCN | bigint(20) unsigned | NO
    CLUSTER_VERSION | bigint(20) | NO
    SCHEMA_VERSION | bigint(20) | NO
    GMT_CREATE | timestamp(6) | NO
    GMT_MODIFIED | timestamp(6) | NO
  `,
  'DBA_OB_FREEZE_INFO': `
    FROZEN_SCN | bigint(20) unsigned | NO
    CLUSTER_VERSION | bigint(20) | NO
    SCHEMA_VERSION | bigint(20) | NO
    GMT_CREATE | timestamp(6) | YES
    GMT_MODIFIED | timestamp(6) | YES
  `,
  'DBA_OB_CLUSTER_EVENT_HISTORY': `
    TIMESTAMP | timestamp(6) | NO
    MODULE | varchar(256) | NO
    EVENT | varchar(256) | NO
    NAME1 | varchar(256) | NO
    VALUE1 | text | NO
    NAME2 | varchar(256) | NO
    VALUE2 | text | NO
    NAME3 | varchar(256) | NO
    VALUE3 | text | NO
    NAME4 | varchar(256) | NO
    VALUE4 | text | NO
    NAME5 | varchar(256) | NO
    VALUE5 | text | NO
    NAME6 | varchar(256) | NO
    VALUE6 | text | NO
    EXTRA_INFO | text | NO
  `,
  'DBA_OB_BACKUP_DELETE_JOBS': `
    JOB_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    INITIATOR_TENANT_ID | bigint(20) | NO
    INITIATOR_JOB_ID | bigint(20) | NO
    EXECUTOR_TENANT_ID | varchar(65536) | NO
    TYPE | varchar(64) | NO
    PARAMETER | timestamp(6) | NO
    JOB_LEVEL | varchar(64) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(64) | NO
    TASK_COUNT | bigint(20) | YES
    SUCCESS_TASK_COUNT | bigint(20) | YES
    RESULT | bigint(20) | NO
    COMMENT | varchar(4096) | YES
  `,
  'DBA_OB_BACKUP_DELETE_JOB_HISTORY': `
    JOB_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    INITIATOR_TENANT_ID | bigint(20) | NO
    INITIATOR_JOB_ID | bigint(20) | NO
    EXECUTOR_TENANT_ID | varchar(65536) | NO
    TYPE | varchar(64) | NO
    PARAMETER | timestamp(6) | NO
    JOB_LEVEL | varchar(64) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(64) | NO
    TASK_COUNT | bigint(20) | YES
    SUCCESS_TASK_COUNT | bigint(20) | YES
    RESULT | bigint(20) | NO
    COMMENT | varchar(4096) | YES
  `,
  'DBA_OB_BACKUP_DELETE_TASKS': `
    TASK_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    JOB_ID | bigint(20) | NO
    TASK_TYPE | varchar(64) | NO
    ID | bigint(20) | NO
    ROUND_ID | bigint(20) | NO
    DEST_ID | bigint(20) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(64) | NO
    TOTAL_LS_COUNT | bigint(20) | YES
    FINISH_LS_COUNT | bigint(20) | YES
    RESULT | bigint(20) | YES
    COMMENT | varchar(4096) | YES
    PATH | varchar(1024) | NO
  `,
  'DBA_OB_BACKUP_DELETE_TASK_HISTORY': `
    TASK_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    JOB_ID | bigint(20) | NO
    TASK_TYPE | varchar(64) | NO
    ID | bigint(20) | NO
    ROUND_ID | bigint(20) | NO
    DEST_ID | bigint(20) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(64) | NO
    TOTAL_LS_COUNT | bigint(20) | YES
    FINISH_LS_COUNT | bigint(20) | YES
    RESULT | bigint(20) | YES
    COMMENT | varchar(4096) | YES
    PATH | varchar(1024) | NO
  `,
  'GV$OB_PARAMETERS': `
    SVR_IP | varchar(46) | NO
    SVR_PORT | bigint(20) | NO
    ZONE | varchar(128) | NO
    SCOPE | varchar(64) | NO
    TENANT_ID | bigint(20) | YES
    NAME | varchar(128) | NO
    DATA_TYPE | varchar(128) | YES
    VALUE | varchar(65536) | NO
    INFO | varchar(4096) | NO
    SECTION | varchar(128) | NO
    EDIT_LEVEL | varchar(128) | NO
    DEFAULT_VALUE | varchar(65536) | NO
    ISDEFAULT | varchar(3) | NO
  `,
};

function rows(s: EmulatorSession, q: string): unknown[][] {
  const rs = s.rows(q);
  if (isObError(rs)) throw new Error(`${q}: ${rs.message}`);
  return rs.rows.map((r) => [...r]);
}

describe('obdiag backup-area gather scenes, 4.x steps', () => {
  for (const [scene, steps] of Object.entries(SCENES)) {
    it(`${scene}: every step answers with a result set, for every user tenant`, () => {
      const e = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 });
      const sys = e.session({ tenant: 'sys' });
      const tenants = rows(sys, 'SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_TYPE = \'USER\'').map((r) => String(r[0]));
      expect(tenants).toEqual(['1002', '1004']);
      for (const step of steps) {
        for (const tenant of step.includes('#{tenant_id}') ? tenants : ['']) {
          const sql = step.replaceAll('#{tenant_id}', tenant);
          const r = sys.execute(sql);
          expect(isObError(r) ? `${sql}: ${r.errno} ${r.message}` : r.kind, sql).toBe('rows');
        }
      }
    });
  }

  it('DBA_OB_TABLE_LOCATIONS lists a user\'s own tables with their ids, apart from the synthetic workload\'s tablets', () => {
    const t = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 }).session({ tenant: 'mysql_tenant' });
    for (const sql of ['CREATE DATABASE app', 'CREATE TABLE app.t1 (id INT PRIMARY KEY)', 'CREATE TABLE test.t1 (id INT PRIMARY KEY)']) expect(t.execute(sql).kind).toBe('ok');
    const own = rows(t, "SELECT DATABASE_NAME, TABLE_NAME, TABLE_ID, TABLET_ID, LS_ID FROM oceanbase.DBA_OB_TABLE_LOCATIONS WHERE TABLE_NAME = 't1' ORDER BY TABLE_ID");
    expect(own).toEqual([
      ['app', 't1', 500003n, 200001n, 1001n],
      ['test', 't1', 500004n, 200002n, 1001n],
    ]);
    const ids = rows(t, "SELECT COUNT(*), COUNT(DISTINCT TABLET_ID) FROM oceanbase.DBA_OB_TABLE_LOCATIONS WHERE LS_ID = 1001");
    expect(ids[0]![0]).toBe(ids[0]![1]);
    expect(Number(rows(t, "SELECT COUNT(*) FROM oceanbase.DBA_OB_TABLE_LOCATIONS WHERE TABLE_NAME LIKE 'sim_workload_%'")[0]![0])).toBeGreaterThan(0);
  });

  it('CDB_OB_TABLE_LOCATIONS grouped by server and LS: LS 1 and every user tenant\'s user LS', () => {
    const sys = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42, tenants: [{ name: 't1' }, { name: 't2' }] }).session({ tenant: 'sys' });
    const grouped = rows(sys, 'select svr_ip, svr_port, ls_id, count(*) from oceanbase.CDB_OB_TABLE_LOCATIONS group by svr_ip, svr_port, ls_id order by ls_id');
    expect(grouped.map((r) => r.slice(0, 3))).toEqual([
      ['127.0.0.1', 2882n, 1n],
      ['127.0.0.1', 2882n, 1001n],
    ]);
    const perTenant = rows(sys, 'select tenant_id, count(*) from oceanbase.CDB_OB_TABLE_LOCATIONS where ls_id = 1001 group by tenant_id order by tenant_id');
    expect(perTenant.map((r) => r[0])).toEqual([1002n, 1004n]);
    for (const r of perTenant) expect(Number(r[1])).toBeGreaterThan(0);
    const userTablets = Number(grouped[1]![3]);
    expect(userTablets).toBe(perTenant.reduce((n, r) => n + Number(r[1]), 0));
  });
});

describe('DESC of the new views equals the source DESC', () => {
  for (const [name, text] of Object.entries(SOURCE_DESC)) {
    it(name, () => {
      const def = viewDef(name);
      expect(def, name).toBeDefined();
      const got = def!.columns.map((c) => `${c.name} | ${typeText(c.type)} | ${c.nullable ? 'YES' : 'NO'}`);
      expect(got).toEqual(text.trim().split('\n').map((l) => l.trim()));
    });
  }
});

describe('what the new views say', () => {
  const start = () => createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 });

  it('DBA_OB_LS: LS 1 and the user LS; SCNs NULL for sys and meta, SYNC_SCN the tenant\'s own', () => {
    const e = start();
    e.advance('1h');
    const t1 = e.session({ tenant: 'mysql_tenant' });
    const ls = rows(t1, 'SELECT LS_ID, STATUS, CREATE_SCN IS NULL, SYNC_SCN FROM oceanbase.DBA_OB_LS ORDER BY LS_ID');
    const sync = rows(t1, 'SELECT SYNC_SCN FROM oceanbase.DBA_OB_TENANTS')[0]![0];
    expect(ls).toEqual([
      [1n, 'NORMAL', 1n, sync],
      [1001n, 'NORMAL', 0n, sync],
    ]);
    const sys = e.session({ tenant: 'sys' });
    expect(rows(sys, 'SELECT TENANT_ID, LS_ID, SYNC_SCN FROM oceanbase.CDB_OB_LS WHERE TENANT_ID IN (1, 1001) ORDER BY TENANT_ID')).toEqual([
      [1n, 1n, null],
      [1001n, 1n, null],
    ]);
    // The user LS group runs on the tenant's unit.
    const ls1001 = rows(sys, 'SELECT UNIT_GROUP_ID, LS_GROUP_ID FROM oceanbase.CDB_OB_LS WHERE TENANT_ID = 1002 AND LS_ID = 1001');
    const unit = rows(sys, 'SELECT UNIT_ID FROM oceanbase.GV$OB_UNITS WHERE TENANT_ID = 1002')[0]![0];
    expect(ls1001).toEqual([[unit, 1001n]]);
    expect(unit).not.toBe(0n);
  });

  it('GV$OB_LOG_STAT: one leader replica per LS, the log growing with virtual time to the tenant\'s sync SCN', () => {
    const e = start();
    const sys = e.session({ tenant: 'sys' });
    const q = 'SELECT END_LSN, END_SCN FROM oceanbase.GV$OB_LOG_STAT WHERE TENANT_ID = 1002 AND LS_ID = 1001';
    const [before] = rows(sys, q);
    e.advance('10m');
    const [after] = rows(sys, q);
    expect(BigInt(after![0] as bigint) > BigInt(before![0] as bigint)).toBe(true);
    expect(after![1]).toEqual(rows(sys, 'SELECT SYNC_SCN FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_ID = 1002')[0]![0]);
    expect(rows(sys, 'SELECT DISTINCT ROLE, PAXOS_REPLICA_NUM, ACCESS_MODE FROM oceanbase.GV$OB_LOG_STAT')).toEqual([['LEADER', 1n, 'APPEND']]);
    const t1 = e.session({ tenant: 'mysql_tenant' });
    expect(rows(t1, 'SELECT DISTINCT TENANT_ID FROM oceanbase.V$OB_LOG_STAT')).toEqual([[1002n]]);
  });

  it('CDB_OB_FREEZE_INFO: the initial freeze info, then one major freeze a day at 02:00 (+08:00)', () => {
    const e = start();
    e.advance('3d');
    const sys = e.session({ tenant: 'sys' });
    const got = rows(sys, 'SELECT FROZEN_SCN, time_to_usec(GMT_CREATE) FROM oceanbase.CDB_OB_FREEZE_INFO WHERE TENANT_ID = 1002 ORDER BY FROZEN_SCN');
    // Start 2024-01-31 11:20 +08:00; freezes at 02:00 +08:00 (18:00 UTC the day before) on Feb 1, 2 and 3.
    const utc = (iso: string) => BigInt(Date.parse(iso)) * 1000n;
    const at = ['2024-01-31T18:00:00Z', '2024-02-01T18:00:00Z', '2024-02-02T18:00:00Z'].map(utc);
    expect(got).toEqual([[1n, utc('2024-01-31T03:20:00Z')], ...at.map((us) => [us * 1000n, us])]);
    expect(rows(sys, 'SELECT COUNT(*) FROM oceanbase.CDB_OB_FREEZE_INFO WHERE TENANT_ID = 1001')).toEqual([[0n]]);
  });

  it('__all_zone and __all_server: the columns obdiag and ob-operator read', () => {
    const sys = start().session({ tenant: 'sys' });
    expect(rows(sys, "SELECT value, info FROM oceanbase.__all_zone WHERE zone = 'zone1' AND name = 'status'")).toEqual([[2n, 'ACTIVE']]);
    expect(rows(sys, "SELECT info FROM oceanbase.__all_zone WHERE zone = '' AND name = 'cluster'")).toEqual([['obcluster']]);
    const server = rows(sys, 'select svr_ip,zone,with_rootserver,status,block_migrate_in_time,start_service_time,stop_time,build_version from oceanbase.__all_server order by zone');
    expect(server.length).toBe(1);
    expect(server[0]!.slice(0, 5)).toEqual(['127.0.0.1', 'zone1', 1n, 'ACTIVE', 0n]);
  });

  it('DBA_OB_TENANT_JOBS exists and is empty: 4.2 records restores in __all_restore_job, not as tenant jobs', () => {
    const sys = start().session({ tenant: 'sys' });
    expect(rows(sys, 'SELECT * FROM oceanbase.DBA_OB_TENANT_JOBS')).toEqual([]);
    const t1 = start().session({ tenant: 'mysql_tenant' });
    expect(isObError(t1.rows('SELECT * FROM oceanbase.DBA_OB_TENANT_JOBS'))).toBe(true);
  });
});
