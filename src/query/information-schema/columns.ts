/**
 * The columns of information_schema's tables as OceanBase 4.2's MySQL mode DESCs them (tools/deploy/mysql_test/
 * test_suite/inner_table/r/mysql/desc_sys_views_in_mysql.result: SCHEMATA, TABLES, VIEWS, STATISTICS, COLLATIONS,
 * CHARACTER_SETS, PROCESSLIST, KEY_COLUMN_USAGE, ENGINES, ROUTINES, PLUGINS, GLOBAL_VARIABLES). The other tables
 * follow MySQL 5.7's definitions, which OceanBase's MySQL mode copies. Types DESC prints as `text` or `varbinary`
 * are declared `longtext` / `varchar` here: the evaluator has no separate TEXT or VARBINARY type.
 * Each list is one frozen array for the process's life: the plan cache keeps a plan while the columns are the same
 * array (plan-cache.ts).
 */
import type { ColumnDef, SqlType } from '../../result.js';

const v = (length: number): SqlType => ({ base: 'varchar', length });
const b = (width = 20, unsigned = false): SqlType => ({ base: 'bigint', width, unsigned });
const LT: SqlType = { base: 'longtext' };
const DT: SqlType = { base: 'datetime', fsp: 0 };

type Spec = readonly [name: string, type: SqlType, nullable?: boolean];

function cols(specs: readonly Spec[]): readonly ColumnDef[] {
  return Object.freeze(specs.map(([name, type, nullable]) => Object.freeze({ name, type, nullable: nullable === true })));
}

export const SCHEMATA = cols([
  ['CATALOG_NAME', v(3)],
  ['SCHEMA_NAME', v(128)],
  ['DEFAULT_CHARACTER_SET_NAME', v(128)],
  ['DEFAULT_COLLATION_NAME', v(128)],
  ['SQL_PATH', v(512)],
  ['DEFAULT_ENCRYPTION', v(2)],
]);

export const TABLES = cols([
  ['TABLE_CATALOG', v(512)],
  ['TABLE_SCHEMA', { base: 'char', length: 64 }],
  ['TABLE_NAME', { base: 'char', length: 64 }],
  ['TABLE_TYPE', v(64)],
  ['ENGINE', v(64)],
  ['VERSION', b(0, true)],
  ['ROW_FORMAT', v(10)],
  ['TABLE_ROWS', b(20, true)],
  ['AVG_ROW_LENGTH', b(21, true)],
  ['DATA_LENGTH', b(20, true)],
  ['MAX_DATA_LENGTH', b(0, true)],
  ['INDEX_LENGTH', b(21, true)],
  ['DATA_FREE', b(0, true)],
  ['AUTO_INCREMENT', b(0, true)],
  ['CREATE_TIME', DT],
  ['UPDATE_TIME', DT],
  ['CHECK_TIME', DT],
  ['TABLE_COLLATION', v(32)],
  ['CHECKSUM', b(0, true)],
  ['CREATE_OPTIONS', v(255)],
  ['TABLE_COMMENT', LT],
]);

export const COLUMNS = cols([
  ['TABLE_CATALOG', v(64)],
  ['TABLE_SCHEMA', v(128)],
  ['TABLE_NAME', v(256)],
  ['COLUMN_NAME', v(128)],
  ['ORDINAL_POSITION', b(20, true)],
  ['COLUMN_DEFAULT', LT, true],
  ['IS_NULLABLE', v(4)],
  ['DATA_TYPE', LT],
  ['CHARACTER_MAXIMUM_LENGTH', b(20, true), true],
  ['CHARACTER_OCTET_LENGTH', b(20, true), true],
  ['NUMERIC_PRECISION', b(20, true), true],
  ['NUMERIC_SCALE', b(20, true), true],
  ['DATETIME_PRECISION', b(20, true), true],
  ['CHARACTER_SET_NAME', v(128), true],
  ['COLLATION_NAME', v(128), true],
  ['COLUMN_TYPE', LT],
  ['COLUMN_KEY', v(3)],
  ['EXTRA', v(4096)],
  ['PRIVILEGES', v(200)],
  ['COLUMN_COMMENT', LT],
  ['GENERATION_EXPRESSION', LT],
  ['SRS_ID', b(10, true), true],
]);

export const VIEWS = cols([
  ['TABLE_CATALOG', v(64)],
  ['TABLE_SCHEMA', v(128)],
  ['TABLE_NAME', v(256)],
  ['VIEW_DEFINITION', LT],
  ['CHECK_OPTION', v(8)],
  ['IS_UPDATABLE', v(3)],
  ['DEFINER', v(288)],
  ['SECURITY_TYPE', v(7)],
  ['CHARACTER_SET_CLIENT', v(64)],
  ['COLLATION_CONNECTION', v(64)],
]);

export const STATISTICS = cols([
  ['TABLE_CATALOG', v(512)],
  ['TABLE_SCHEMA', v(128)],
  ['TABLE_NAME', v(256)],
  ['NON_UNIQUE', b()],
  ['INDEX_SCHEMA', v(128)],
  ['INDEX_NAME', v(256)],
  ['SEQ_IN_INDEX', b(20, true)],
  ['COLUMN_NAME', v(128)],
  ['COLLATION', v(1)],
  ['CARDINALITY', b(0)],
  ['SUB_PART', b()],
  ['PACKED', v(10)],
  ['NULLABLE', v(3)],
  ['INDEX_TYPE', v(16)],
  ['COMMENT', v(16)],
  ['INDEX_COMMENT', LT],
  ['IS_VISIBLE', v(3)],
  ['EXPRESSION', v(262144)],
]);

export const KEY_COLUMN_USAGE = cols([
  ['CONSTRAINT_CATALOG', v(3)],
  ['CONSTRAINT_SCHEMA', v(128)],
  ['CONSTRAINT_NAME', v(7)],
  ['TABLE_CATALOG', v(3)],
  ['TABLE_SCHEMA', v(128)],
  ['TABLE_NAME', v(256)],
  ['COLUMN_NAME', v(128)],
  ['ORDINAL_POSITION', b()],
  ['POSITION_IN_UNIQUE_CONSTRAINT', b(0, true)],
  ['REFERENCED_TABLE_SCHEMA', v(64)],
  ['REFERENCED_TABLE_NAME', v(64)],
  ['REFERENCED_COLUMN_NAME', v(64)],
]);

export const TABLE_CONSTRAINTS = cols([
  ['CONSTRAINT_CATALOG', v(64)],
  ['CONSTRAINT_SCHEMA', v(128)],
  ['CONSTRAINT_NAME', v(128)],
  ['TABLE_SCHEMA', v(128)],
  ['TABLE_NAME', v(256)],
  ['CONSTRAINT_TYPE', v(11)],
  ['ENFORCED', v(3)],
]);

export const REFERENTIAL_CONSTRAINTS = cols([
  ['CONSTRAINT_CATALOG', v(3)],
  ['CONSTRAINT_SCHEMA', v(128)],
  ['CONSTRAINT_NAME', v(128)],
  ['UNIQUE_CONSTRAINT_CATALOG', v(3)],
  ['UNIQUE_CONSTRAINT_SCHEMA', v(128)],
  ['UNIQUE_CONSTRAINT_NAME', v(128), true],
  ['MATCH_OPTION', v(64)],
  ['UPDATE_RULE', v(64)],
  ['DELETE_RULE', v(64)],
  ['TABLE_NAME', v(256)],
  ['REFERENCED_TABLE_NAME', v(256)],
]);

export const ROUTINES = cols([
  ['SPECIFIC_NAME', v(64)],
  ['ROUTINE_CATALOG', v(512)],
  ['ROUTINE_SCHEMA', v(64)],
  ['ROUTINE_NAME', v(64)],
  ['ROUTINE_TYPE', v(9)],
  ['DATA_TYPE', v(64)],
  ['CHARACTER_MAXIMUM_LENGTH', b()],
  ['CHARACTER_OCTET_LENGTH', b()],
  ['NUMERIC_PRECISION', b(20, true)],
  ['NUMERIC_SCALE', b()],
  ['DATETIME_PRECISION', b(20, true)],
  ['CHARACTER_SET_NAME', v(64)],
  ['COLLATION_NAME', v(64)],
  ['DTD_IDENTIFIER', LT],
  ['ROUTINE_BODY', v(8)],
  ['ROUTINE_DEFINITION', LT],
  ['EXTERNAL_NAME', LT],
  ['EXTERNAL_LANGUAGE', v(64)],
  ['PARAMETER_STYLE', v(8)],
  ['IS_DETERMINISTIC', v(3)],
  ['SQL_DATA_ACCESS', v(64)],
  ['SQL_PATH', v(64)],
  ['SECURITY_TYPE', v(7)],
  ['CREATED', DT, true],
  ['LAST_ALTERED', DT, true],
  ['SQL_MODE', LT],
  ['ROUTINE_COMMENT', LT],
  ['DEFINER', v(93)],
  ['CHARACTER_SET_CLIENT', v(32)],
  ['COLLATION_CONNECTION', v(32)],
  ['DATABASE_COLLATION', v(32)],
]);

export const PARAMETERS = cols([
  ['SPECIFIC_CATALOG', v(512)],
  ['SPECIFIC_SCHEMA', v(64)],
  ['SPECIFIC_NAME', v(64)],
  ['ORDINAL_POSITION', b()],
  ['PARAMETER_MODE', v(5), true],
  ['PARAMETER_NAME', v(64), true],
  ['DATA_TYPE', v(64)],
  ['CHARACTER_MAXIMUM_LENGTH', b(), true],
  ['CHARACTER_OCTET_LENGTH', b(), true],
  ['NUMERIC_PRECISION', b(20, true), true],
  ['NUMERIC_SCALE', b(), true],
  ['DATETIME_PRECISION', b(20, true), true],
  ['CHARACTER_SET_NAME', v(64), true],
  ['COLLATION_NAME', v(64), true],
  ['DTD_IDENTIFIER', LT],
  ['ROUTINE_TYPE', v(9)],
]);

export const TRIGGERS = cols([
  ['TRIGGER_CATALOG', v(512)],
  ['TRIGGER_SCHEMA', v(64)],
  ['TRIGGER_NAME', v(64)],
  ['EVENT_MANIPULATION', v(6)],
  ['EVENT_OBJECT_CATALOG', v(512)],
  ['EVENT_OBJECT_SCHEMA', v(64)],
  ['EVENT_OBJECT_TABLE', v(64)],
  ['ACTION_ORDER', b(4)],
  ['ACTION_CONDITION', LT, true],
  ['ACTION_STATEMENT', LT],
  ['ACTION_ORIENTATION', v(9)],
  ['ACTION_TIMING', v(6)],
  ['ACTION_REFERENCE_OLD_TABLE', v(64), true],
  ['ACTION_REFERENCE_NEW_TABLE', v(64), true],
  ['ACTION_REFERENCE_OLD_ROW', v(3)],
  ['ACTION_REFERENCE_NEW_ROW', v(3)],
  ['CREATED', DT, true],
  ['SQL_MODE', v(8192)],
  ['DEFINER', v(93)],
  ['CHARACTER_SET_CLIENT', v(32)],
  ['COLLATION_CONNECTION', v(32)],
  ['DATABASE_COLLATION', v(32)],
]);

export const EVENTS = cols([
  ['EVENT_CATALOG', v(64)],
  ['EVENT_SCHEMA', v(64)],
  ['EVENT_NAME', v(64)],
  ['DEFINER', v(93)],
  ['TIME_ZONE', v(64)],
  ['EVENT_BODY', v(8)],
  ['EVENT_DEFINITION', LT],
  ['EVENT_TYPE', v(9)],
  ['EXECUTE_AT', DT, true],
  ['INTERVAL_VALUE', v(256), true],
  ['INTERVAL_FIELD', v(18), true],
  ['SQL_MODE', v(8192)],
  ['STARTS', DT, true],
  ['ENDS', DT, true],
  ['STATUS', v(18)],
  ['ON_COMPLETION', v(12)],
  ['CREATED', DT],
  ['LAST_ALTERED', DT],
  ['LAST_EXECUTED', DT, true],
  ['EVENT_COMMENT', v(64)],
  ['ORIGINATOR', b(10)],
  ['CHARACTER_SET_CLIENT', v(32)],
  ['COLLATION_CONNECTION', v(32)],
  ['DATABASE_COLLATION', v(32)],
]);

export const PARTITIONS = cols([
  ['TABLE_CATALOG', v(512)],
  ['TABLE_SCHEMA', v(64)],
  ['TABLE_NAME', v(64)],
  ['PARTITION_NAME', v(64), true],
  ['SUBPARTITION_NAME', v(64), true],
  ['PARTITION_ORDINAL_POSITION', b(20, true), true],
  ['SUBPARTITION_ORDINAL_POSITION', b(20, true), true],
  ['PARTITION_METHOD', v(18), true],
  ['SUBPARTITION_METHOD', v(12), true],
  ['PARTITION_EXPRESSION', LT, true],
  ['SUBPARTITION_EXPRESSION', LT, true],
  ['PARTITION_DESCRIPTION', LT, true],
  ['TABLE_ROWS', b(20, true)],
  ['AVG_ROW_LENGTH', b(20, true)],
  ['DATA_LENGTH', b(20, true)],
  ['MAX_DATA_LENGTH', b(20, true), true],
  ['INDEX_LENGTH', b(20, true)],
  ['DATA_FREE', b(20, true)],
  ['CREATE_TIME', DT, true],
  ['UPDATE_TIME', DT, true],
  ['CHECK_TIME', DT, true],
  ['CHECKSUM', b(20, true), true],
  ['PARTITION_COMMENT', v(80)],
  ['NODEGROUP', v(12)],
  ['TABLESPACE_NAME', v(64), true],
]);

export const FILES = cols([
  ['FILE_ID', b(4)],
  ['FILE_NAME', v(4000), true],
  ['FILE_TYPE', v(20)],
  ['TABLESPACE_NAME', v(64), true],
  ['TABLE_CATALOG', v(64)],
  ['TABLE_SCHEMA', v(64), true],
  ['TABLE_NAME', v(64), true],
  ['LOGFILE_GROUP_NAME', v(64), true],
  ['LOGFILE_GROUP_NUMBER', b(4), true],
  ['ENGINE', v(64)],
  ['FULLTEXT_KEYS', v(64), true],
  ['DELETED_ROWS', b(4), true],
  ['UPDATE_COUNT', b(4), true],
  ['FREE_EXTENTS', b(4), true],
  ['TOTAL_EXTENTS', b(4), true],
  ['EXTENT_SIZE', b(4)],
  ['INITIAL_SIZE', b(21, true), true],
  ['MAXIMUM_SIZE', b(21, true), true],
  ['AUTOEXTEND_SIZE', b(21, true), true],
  ['CREATION_TIME', DT, true],
  ['LAST_UPDATE_TIME', DT, true],
  ['LAST_ACCESS_TIME', DT, true],
  ['RECOVER_TIME', b(4), true],
  ['TRANSACTION_COUNTER', b(4), true],
  ['VERSION', b(21, true), true],
  ['ROW_FORMAT', v(10), true],
  ['TABLE_ROWS', b(21, true), true],
  ['AVG_ROW_LENGTH', b(21, true), true],
  ['DATA_LENGTH', b(21, true), true],
  ['MAX_DATA_LENGTH', b(21, true), true],
  ['INDEX_LENGTH', b(21, true), true],
  ['DATA_FREE', b(21, true), true],
  ['CREATE_TIME', DT, true],
  ['UPDATE_TIME', DT, true],
  ['CHECK_TIME', DT, true],
  ['CHECKSUM', b(21, true), true],
  ['STATUS', v(20)],
  ['EXTRA', v(255), true],
]);

export const ENGINES = cols([
  ['ENGINE', v(64)],
  ['SUPPORT', v(8)],
  ['COMMENT', v(80)],
  ['TRANSACTIONS', v(3)],
  ['XA', v(3)],
  ['SAVEPOINTS', v(3)],
]);

export const CHARACTER_SETS = cols([
  ['CHARACTER_SET_NAME', v(128)],
  ['DEFAULT_COLLATE_NAME', v(128)],
  ['DESCRIPTION', v(64)],
  ['MAXLEN', b()],
]);

export const COLLATIONS = cols([
  ['COLLATION_NAME', v(128)],
  ['CHARACTER_SET_NAME', v(128)],
  ['ID', b()],
  ['IS_DEFAULT', v(4)],
  ['IS_COMPILED', v(4)],
  ['SORTLEN', b()],
]);

export const COLLATION_CHARACTER_SET_APPLICABILITY = cols([
  ['COLLATION_NAME', v(128)],
  ['CHARACTER_SET_NAME', v(128)],
]);

export const PROCESSLIST = cols([
  ['ID', b(20, true)],
  ['USER', v(32)],
  ['HOST', v(67), true],
  ['DB', v(128), true],
  ['COMMAND', v(4096)],
  ['TIME', b(21)],
  ['STATE', v(128), true],
  ['INFO', v(262143), true],
]);

export const VARIABLES = cols([
  ['VARIABLE_NAME', v(128)],
  ['VARIABLE_VALUE', v(65536), true],
]);

export const USER_PRIVILEGES = cols([
  ['GRANTEE', v(81)],
  ['TABLE_CATALOG', v(512)],
  ['PRIVILEGE_TYPE', v(64)],
  ['IS_GRANTABLE', v(3)],
]);

export const SCHEMA_PRIVILEGES = cols([
  ['GRANTEE', v(81)],
  ['TABLE_CATALOG', v(512)],
  ['TABLE_SCHEMA', v(64)],
  ['PRIVILEGE_TYPE', v(64)],
  ['IS_GRANTABLE', v(3)],
]);

export const TABLE_PRIVILEGES = cols([
  ['GRANTEE', v(292)],
  ['TABLE_CATALOG', v(512)],
  ['TABLE_SCHEMA', v(64)],
  ['TABLE_NAME', v(64)],
  ['PRIVILEGE_TYPE', v(64)],
  ['IS_GRANTABLE', v(3)],
]);

export const COLUMN_PRIVILEGES = cols([
  ['GRANTEE', v(81)],
  ['TABLE_CATALOG', v(512)],
  ['TABLE_SCHEMA', v(64)],
  ['TABLE_NAME', v(64)],
  ['COLUMN_NAME', v(64)],
  ['PRIVILEGE_TYPE', v(64)],
  ['IS_GRANTABLE', v(3)],
]);

export const PLUGINS = cols([
  ['PLUGIN_NAME', v(64)],
  ['PLUGIN', v(20)],
  ['PLUGIN_STATUS', v(10)],
  ['PLUGIN_TYPE', v(80)],
  ['PLUGIN_TYPE_VERSION', v(20)],
  ['PLUGIN_LIBRARY', v(64)],
  ['PLUGIN_LIBRARY_VERSION', v(20)],
  ['PLUGIN_AUTHOR', v(64)],
  ['PLUGIN_DESCRIPTION', v(200)],
  ['PLUGIN_LICENSE', v(80)],
  ['LOAD_OPTION', v(64)],
]);
