/**
 * The one table of OceanBase errors, shared by every layer (statements.md §10).
 *
 * Operating errors (valid input, impossible request) are values of type ObError: the engine returns them, the
 * query layer returns them, the wire turns them into ERR packets. Broken invariants are programmer errors and
 * throw InvariantError, which nothing catches.
 *
 * How a client sees an error (ob_errno.def header): errno is the MySQL errno of the definition, or abs(OB code)
 * where the definition has -1; SQLSTATE from the definition; the message is the formatted M4 when the code path
 * passes arguments (LOG_USER_ERROR), otherwise the plain M3.
 */

export interface ObErrorDef {
  /** OceanBase's own code, negative (RESULT columns store it). */
  readonly code: number;
  /** The MySQL errno the client sees. */
  readonly errno: number;
  readonly sqlState: string;
  /** The message without arguments. */
  readonly m3: string;
  /** The printf-style format used with arguments; absent where OceanBase records none. */
  readonly m4?: string;
}

const PARSE_ERROR_TEXT =
  'You have an error in your SQL syntax; check the manual that corresponds to your OceanBase version for the right syntax to use';

/** Keep entries sorted by code. Each comment says when the emulator raises it. */
export const OB_ERRORS = {
  /** A HandshakeResponse the wire cannot read (not protocol 4.1, SSLRequest without TLS). MySQL's ER_HANDSHAKE_ERROR; no OceanBase definition found, so the code mirrors the errno. */
  OB_ERR_HANDSHAKE: { code: -1043, errno: 1043, sqlState: '08S01', m3: 'Bad handshake' },
  /** A command byte the wire does not serve (vitess's fallback, spec/wire.md §2). MySQL's ER_UNKNOWN_COM_ERROR; code mirrors the errno. */
  OB_ERR_UNKNOWN_COM: { code: -1047, errno: 1047, sqlState: '08S01', m3: 'Unknown command' },
  /** COM_PROCESS_KILL / KILL of a connection id the cluster does not have. MySQL's ER_NO_SUCH_THREAD; the OceanBase code is not checked here, so it mirrors the errno. */
  OB_UNKNOWN_CONNECTION: { code: -1094, errno: 1094, sqlState: 'HY000', m3: 'Unknown thread id', m4: 'Unknown thread id: %s' },
  /** A packet whose sequence id is not the expected one. MySQL's ER_NET_PACKETS_OUT_OF_ORDER; code mirrors the errno. */
  OB_ERR_NET_PACKETS_OUT_OF_ORDER: { code: -1156, errno: 1156, sqlState: '08S01', m3: 'Got packets out of order' },
  /** COM_STMT_EXECUTE / RESET / SEND_LONG_DATA naming no prepared statement. MySQL's ER_UNKNOWN_STMT_HANDLER; code mirrors the errno. */
  OB_ERR_UNKNOWN_STMT_HANDLER: {
    code: -1243,
    errno: 1243,
    sqlState: 'HY000',
    m3: 'Unknown prepared statement handler',
    m4: 'Unknown prepared statement handler (%.*s) given to %s',
  },
  /** A command payload that ends early or holds impossible values. MySQL's ER_MALFORMED_PACKET; code mirrors the errno. */
  OB_ERR_MALFORMED_PACKET: { code: -1835, errno: 1835, sqlState: 'HY000', m3: 'Malformed communication packet.' },
  /** Bad UNTIL SCN, lag_target, dest_state, encryption mode, s3_region on a non-s3 dest, log_restore_source. */
  OB_INVALID_ARGUMENT: { code: -4002, errno: 1210, sqlState: 'HY000', m3: 'Invalid argument', m4: 'Incorrect arguments to %s' },
  /** Most resolver rejections; DELETE BACKUPSET / BACKUPPIECE / OBSOLETE in 4.2; unsupported SQL in the evaluator. */
  OB_NOT_SUPPORTED: { code: -4007, errno: 1235, sqlState: '0A000', m3: 'Not supported feature or function', m4: '%s not supported' },
  /** An injected fault: a dest's I/O fails (ob_errno.def -4009; retried by backup and archive, see src/engine/faults). */
  OB_IO_ERROR: { code: -4009, errno: 4009, sqlState: 'HY000', m3: 'IO error' },
  /** A statement past ob_query_timeout, or killed by KILL QUERY / a closed client (ob_errno.def -4012). */
  OB_TIMEOUT: {
    code: -4012,
    errno: 4012,
    sqlState: 'HY000',
    m3: 'Timeout',
    m4: 'Timeout, query has reached the maximum query timeout: %d(us), maybe you should increase the variable ob_query_timeout to a larger value.',
  },
  /** A statement holding more rows than the per-statement memory bound (ob_errno.def -4013). */
  OB_ALLOCATE_MEMORY_FAILED: { code: -4013, errno: 4013, sqlState: 'HY001', m3: 'No memory or reach tenant memory limit' },
  /** The sys tenant inside a BACKUP / CANCEL / DELETE tenant list. */
  OB_ERR_UNEXPECTED: { code: -4016, errno: 4016, sqlState: 'HY000', m3: 'Internal error', m4: '%s' },
  /** DROP of a missing delete policy. */
  OB_ENTRY_NOT_EXIST: { code: -4018, errno: 4018, sqlState: 'HY000', m3: 'Entry not exist', m4: '%s' },
  /** Login with an unknown tenant or a wrong password. */
  OB_PASSWORD_WRONG: {
    code: -4043,
    errno: 1045,
    sqlState: '42000',
    m3: 'Access denied for user',
    m4: "Access denied for user '%s'@'%s' (using password: %s)",
  },
  /** RESULT of a canceled backup job (code believed -4072; statements.md §12). */
  OB_CANCELED: { code: -4072, errno: 4072, sqlState: 'HY000', m3: 'Operation canceled' },
  /** Asynchronous backup failure in upgrade mode; tenant role not as expected. */
  OB_STATE_NOT_MATCH: { code: -4109, errno: 4109, sqlState: 'HY000', m3: 'Server state or role not the same as expected' },
  /** Asynchronous backup failure when the cluster version changed. */
  OB_VERSION_NOT_MATCH: { code: -4143, errno: 4143, sqlState: '42000', m3: 'Version not match' },
  /** A parameter value that does not parse or is out of range (ObAdminSetConfig::verify_config; no user message). */
  OB_INVALID_CONFIG: { code: -4147, errno: 4147, sqlState: 'HY000', m3: 'Invalid config', m4: '%s' },
  /** BIGINT arithmetic overflow in the query evaluator (MySQL's ER_DATA_OUT_OF_RANGE). */
  OB_OPERATE_OVERFLOW: {
    code: -4157,
    errno: 1690,
    sqlState: '22003',
    m3: 'value is out of range',
    m4: "%s value is out of range in '%s'",
  },
  /** CANCEL RECOVER TABLE from a user tenant. */
  OB_OP_NOT_ALLOW: { code: -4179, errno: 4179, sqlState: 'HY000', m3: 'Operation not allowed now', m4: '%s not allowed' },
  /** A packet larger than the wire's max_allowed_packet (ob_errno.def -4254). */
  OB_ERR_NET_PACKET_TOO_LARGE: { code: -4254, errno: 1153, sqlState: '08S01', m3: "Got a packet bigger than 'max_allowed_packet' bytes" },
  /** An expression nested deeper than the evaluator's depth cap. */
  OB_STACK_OVERFLOW: { code: -4385, errno: 4385, sqlState: 'HY000', m3: 'stack overflow' },
  /**
   * An injected SERVER DOWN fault: ObBackupTaskScheduler::do_execute_ cannot send an LS task to a server that is not
   * alive (ob_backup_task_scheduler.cpp); ob_errno.def -4552.
   */
  OB_REBALANCE_TASK_CANT_EXEC: { code: -4552, errno: 4552, sqlState: 'HY000', m3: 'rebalance task can not execute' },
  /** DROP RESOURCE POOL of a pool granted to a tenant; CREATE TENANT / restore naming one (ObUnitManager::drop_resource_pool). */
  OB_RESOURCE_POOL_ALREADY_GRANTED: {
    code: -4626,
    errno: 4626,
    sqlState: 'HY000',
    m3: 'resource pool has already been granted to a tenant',
    m4: "resource pool '%s' has already been granted to a tenant",
  },
  /** DROP RESOURCE UNIT of a unit a pool uses (ObUnitManager::drop_unit_config). */
  OB_RESOURCE_UNIT_IS_REFERENCED: {
    code: -4634,
    errno: 4634,
    sqlState: 'HY000',
    m3: 'resource unit is referenced by resource pool',
    m4: "resource unit '%s' is referenced by some resource pool",
  },
  /** DROP RESOURCE UNIT of a missing unit. */
  OB_RESOURCE_UNIT_NOT_EXIST: { code: -4648, errno: 4648, sqlState: 'HY000', m3: 'resource unit not exist', m4: "resource unit '%s' not exist" },
  /** CREATE RESOURCE UNIT with a name in use. */
  OB_RESOURCE_UNIT_EXIST: { code: -4649, errno: 4649, sqlState: 'HY000', m3: 'resource unit already exist', m4: "resource unit '%s' already exist" },
  /** DROP RESOURCE POOL of a missing pool. */
  OB_RESOURCE_POOL_NOT_EXIST: { code: -4650, errno: 4650, sqlState: 'HY000', m3: 'resource pool not exist', m4: "resource pool '%s' not exist" },
  /** CREATE RESOURCE POOL with a name in use. */
  OB_RESOURCE_POOL_EXIST: { code: -4651, errno: 4651, sqlState: 'HY000', m3: 'resource pool already exist', m4: "resource pool '%s' exist" },
  /** Syntax errors (message built by parseErrorMessage). */
  OB_ERR_PARSE_SQL: { code: -5001, errno: 1064, sqlState: '42000', m3: 'Parse error', m4: "%s near '%s' at line %d" },
  /** An empty string where the resolver uses resolve_string (RESTORE uri, WITH option, DESCRIPTION, ENCRYPTED BY). */
  OB_ERR_PARSER_SYNTAX: { code: -5006, errno: 1149, sqlState: '42000', m3: PARSE_ERROR_TEXT },
  /** UNION of SELECTs with different column counts. */
  OB_ERR_COLUMN_SIZE: { code: -5007, errno: 1222, sqlState: '21000', m3: 'The used SELECT statements have a different number of columns' },
  /** A FROM / DESC / SHOW naming a table or view the session cannot see (`Table 'oceanbase.X' doesn't exist`). */
  OB_TABLE_NOT_EXIST: { code: -5019, errno: 1146, sqlState: '42S02', m3: "Table doesn't exist", m4: "Table '%s.%s' doesn't exist" },
  /** ADD DELETE BACKUP POLICY when the tenant already has one (inferred: the insert's duplicate key). */
  OB_ERR_PRIMARY_KEY_DUPLICATE: {
    code: -5024,
    errno: 1062,
    sqlState: '23000',
    m3: 'Duplicated primary key',
    m4: "Duplicate entry '%s' for key '%s'",
  },
  /** Defined, but the login check cannot trigger it (statements.md §9). */
  OB_ERR_USER_EMPTY: { code: -5034, errno: 5034, sqlState: '01007', m3: 'No user' },
  /** A user tenant using TENANT = in ARCHIVELOG or SET; unknown or all* names via resolve_tenant from a user tenant. */
  OB_ERR_NO_PRIVILEGE: {
    code: -5036,
    errno: 1227,
    sqlState: '42501',
    m3: 'Access denied',
    m4: 'Access denied; you need (at least one of) the %s privilege(s) for this operation',
  },
  /** A subquery used as a value or IN list with other than one column. */
  OB_ERR_INVALID_COLUMN_NUM: { code: -5042, errno: 1241, sqlState: '21000', m3: 'Invalid column number', m4: 'Operand should contain %s column(s)' },
  /** `@@x` or SET of a system variable that does not exist. */
  OB_ERR_SYS_VARIABLE_UNKNOWN: {
    code: -5044,
    errno: 1193,
    sqlState: 'HY000',
    m3: 'Unknown system variable',
    m4: "Unknown system variable '%s'",
  },
  /** A built-in function called with the wrong number of arguments. */
  OB_ERR_PARAM_SIZE: {
    code: -5054,
    errno: 1582,
    sqlState: '42000',
    m3: 'Incorrect parameter count',
    m4: "Incorrect parameter count in the call to native function '%s'",
  },
  /** A call to a function the evaluator does not know (`FUNCTION db.f does not exist`). */
  OB_ERR_FUNCTION_UNKNOWN: { code: -5055, errno: 1305, sqlState: '42000', m3: 'FUNCTION does not exist', m4: '%s %s does not exist' },
  /** COM_STMT_PREPARE of a statement with more than 65,535 placeholders or columns, which PREPARE_OK's 2-byte counts cannot carry (ob_sql.cpp, OB_MAX_PS_PARAM_COUNT). */
  OB_ERR_PS_TOO_MANY_PARAM: { code: -5080, errno: 1390, sqlState: '54000', m3: 'Prepared statement contains too many placeholders' },
  /** ALTER SYSTEM SET of an unknown parameter (code from ob_errno.h; errno and SQLSTATE inferred). */
  OB_ERR_SYS_CONFIG_UNKNOWN: { code: -5099, errno: 5099, sqlState: 'HY000', m3: 'System config unknown' },
  /** SET GLOBAL of a session-only system variable. */
  OB_ERR_LOCAL_VARIABLE: {
    code: -5100,
    errno: 1228,
    sqlState: 'HY000',
    m3: 'Local variable',
    m4: "Variable '%s' is a SESSION variable and can't be used with SET GLOBAL",
  },
  /** SET SESSION of a global-only system variable. */
  OB_ERR_GLOBAL_VARIABLE: {
    code: -5101,
    errno: 1229,
    sqlState: 'HY000',
    m3: 'Global variable',
    m4: "Variable '%s' is a GLOBAL variable and should be set with SET GLOBAL",
  },
  /** SET of a read-only system variable (version_comment, system_time_zone, …). */
  OB_ERR_VARIABLE_IS_READONLY: {
    code: -5102,
    errno: 1621,
    sqlState: 'HY000',
    m3: 'variable is read only',
    m4: "%s variable '%s' is read-only. Use SET %s to assign the value",
  },
  /** `@@session.x` read of a global-only variable (or the reverse). */
  OB_ERR_INCORRECT_GLOBAL_LOCAL_VAR: {
    code: -5103,
    errno: 1238,
    sqlState: 'HY000',
    m3: 'incorrect global or local variable',
    m4: "Variable '%s' is a %s variable",
  },
  /** An unqualified table name, SHOW TABLES or DESC with no current database. */
  /** SHOW GRANTS FOR a user the tenant does not have. */
  OB_ERR_NO_GRANT: { code: -5133, errno: 1141, sqlState: '42000', m3: 'There is no such grant defined', m4: "There is no such grant defined for user '%s' on host '%s'" },
  OB_ERR_NO_DB_SELECTED: { code: -5134, errno: 1046, sqlState: '3D000', m3: 'No database selected' },
  /** SET of a system variable to a value outside its domain. */
  OB_ERR_WRONG_VALUE_FOR_VAR: {
    code: -5145,
    errno: 1231,
    sqlState: '42000',
    m3: "Variable can't be set to the value",
    m4: "Variable '%s' can't be set to the value of '%s'",
  },
  /** SHOW TABLES FROM an unknown database. */
  /** A scalar subquery that gives more than one row. */
  OB_SUBQUERY_TOO_MANY_ROW: { code: -5153, errno: 1242, sqlState: '21000', m3: 'Subquery returns more than 1 row' },
  OB_ERR_BAD_DATABASE: { code: -5154, errno: 1049, sqlState: '42000', m3: 'Unknown database', m4: "Unknown database '%s'" },
  /** Restore into an existing tenant name. */
  OB_TENANT_EXIST: { code: -5156, errno: 5156, sqlState: 'HY000', m3: 'tenant already exist', m4: "tenant '%s' already exist" },
  OB_TENANT_NOT_EXIST: { code: -5157, errno: 5157, sqlState: 'HY000', m3: 'Unknown tenant', m4: "Unknown tenant '%s'" },
  /** An unknown tenant name in a TENANT list (from sys); an empty or too long tenant part at login. */
  OB_ERR_INVALID_TENANT_NAME: {
    code: -5160,
    errno: 5160,
    sqlState: 'HY000',
    m3: 'invalid tenant name specified in connection string',
  },
  /** An aggregate inside WHERE, GROUP BY or another aggregate. */
  OB_ERR_INVALID_GROUP_FUNC_USE: { code: -5176, errno: 1111, sqlState: 'HY000', m3: 'Invalid use of group function' },
  /** SET of a numeric system variable to a non-numeric value. */
  OB_ERR_WRONG_TYPE_FOR_VAR: {
    code: -5180,
    errno: 1232,
    sqlState: '42000',
    m3: 'Incorrect argument type to variable',
    m4: "Incorrect argument type to variable '%s'",
  },
  /** `SELECT *` with no FROM. */
  OB_ERR_NO_TABLES_USED: { code: -5185, errno: 1096, sqlState: 'HY000', m3: 'No tables used' },
  /** SET time_zone to something that is neither an offset nor a known zone name. */
  OB_ERR_UNKNOWN_TIME_ZONE: {
    code: -5192,
    errno: 1298,
    sqlState: 'HY000',
    m3: 'Unknown or incorrect time zone',
    m4: "Unknown or incorrect time zone: '%s'",
  },
  /** `SELECT t.*` naming no FROM item. */
  OB_ERR_BAD_TABLE: { code: -5201, errno: 1051, sqlState: '42S02', m3: 'Unknown table', m4: "Unknown table '%s'" },
  /** An unqualified column that more than one FROM item has. */
  OB_NON_UNIQ_ERROR: { code: -5207, errno: 1052, sqlState: '23000', m3: 'Column is ambiguous', m4: "Column '%s' in %s is ambiguous" },
  /** Two FROM items with the same name or alias. */
  OB_ERR_NONUNIQ_TABLE: { code: -5208, errno: 1066, sqlState: '42000', m3: 'Not unique table/alias', m4: "Not unique table/alias: '%s'" },
  /** An unknown column (`Unknown column 'x' in 'field list'`, `'where clause'`, `'order clause'`, …). */
  /** SHOW CREATE VIEW of something that is not a view. */
  OB_ERR_WRONG_OBJECT: { code: -5214, errno: 1347, sqlState: 'HY000', m3: 'Wrong object', m4: "'%s.%s' is not %s" },
  OB_ERR_BAD_FIELD_ERROR: { code: -5217, errno: 1054, sqlState: '42S22', m3: 'Unknown column', m4: "Unknown column '%s' in '%s'" },
  /** INSERT / UPDATE / DELETE / REPLACE / TRUNCATE on a view or inner table. */
  OB_ERR_NON_UPDATABLE_TABLE: {
    code: -5228,
    errno: 1288,
    sqlState: 'HY000',
    m3: 'The target table is not updatable',
    m4: 'The target table %s of the %s is not updatable',
  },
  /** A connection beyond serve --max-connections, refused in place of the greeting (ob_errno.def -5271, MySQL's ER_CON_COUNT_ERROR). */
  OB_ERR_CON_COUNT_ERROR: { code: -5271, errno: 1040, sqlState: '08004', m3: 'Too many connections' },
  /** ROLLBACK TO / RELEASE SAVEPOINT naming no savepoint of the open transaction (ob_errno.def -6242, ER_SP_DOES_NOT_EXIST). */
  OB_SAVEPOINT_NOT_EXIST: { code: -6242, errno: 1305, sqlState: '42000', m3: 'savepoint does not exist' },
  /** An injected fault: a file of the dest is missing (ob_errno.def -9011). */
  OB_BACKUP_FILE_NOT_EXIST: { code: -9011, errno: 9011, sqlState: 'HY000', m3: 'cannot find backup file' },
  /** A restore job for the same tenant name already exists. */
  OB_RESTORE_IN_PROGRESS: { code: -9014, errno: 9014, sqlState: 'HY000', m3: 'Another restore is in progress' },
  /** ARCHIVELOG on a tenant that is not NORMAL. */
  OB_CANNOT_START_LOG_ARCHIVE_BACKUP: { code: -9023, errno: 9023, sqlState: 'HY000', m3: 'cannot start log archive backup' },
  /** A malformed dest (statements.md §7). */
  OB_INVALID_BACKUP_DEST: { code: -9026, errno: 9026, sqlState: 'HY000', m3: 'backup destination is not valid', m4: '%s is not a valid uri' },
  /** A running backup job fails: archive INTERRUPTED. */
  OB_LOG_ARCHIVE_INTERRUPTED: { code: -9027, errno: 9027, sqlState: 'HY000', m3: 'ob log archive interrupted' },
  /** A running backup job fails: archive not DOING. */
  OB_LOG_ARCHIVE_NOT_RUNNING: { code: -9029, errno: 9029, sqlState: 'HY000', m3: 'log archive is not running' },
  OB_LOG_ARCHIVE_ALREADY_STOPPED: { code: -9034, errno: 9034, sqlState: 'HY000', m3: 'log archive already stopped' },
  /** A second BACKUP by the same initiator while a job exists; setting data_backup_dest while a job exists. */
  OB_BACKUP_IN_PROGRESS: { code: -9036, errno: 9036, sqlState: 'HY000', m3: 'Backup is in progress' },
  /** The preconditions of statements.md §3.2. */
  OB_BACKUP_CAN_NOT_START: { code: -9040, errno: 9040, sqlState: 'HY000', m3: 'backup can not start', m4: 'backup can not start, because %s' },
  OB_CANCEL_BACKUP_NOT_ALLOWED: { code: -9041, errno: 9041, sqlState: 'HY000', m3: 'cancel backup do not allow' },
  /** Clean-job conflicts. */
  OB_BACKUP_DELETE_DATA_IN_PROGRESS: { code: -9044, errno: 9044, sqlState: 'HY000', m3: 'delete backup data is in progress' },
  /** Restore with a missing or wrong decryption password. */
  OB_BACKUP_INVALID_PASSWORD: { code: -9047, errno: 9047, sqlState: 'HY000', m3: 'invalid password for backup' },
  OB_CANCEL_DELETE_BACKUP_NOT_ALLOWED: { code: -9053, errno: 9053, sqlState: 'HY000', m3: 'cancel delete backup do not allow' },
  /** Connectivity check failure. */
  OB_BACKUP_DEST_NOT_CONNECT: { code: -9070, errno: 9070, sqlState: 'HY000', m3: 'can not connect to backup destination' },
  OB_BACKUP_PERMISSION_DENIED: { code: -9071, errno: 9071, sqlState: 'HY000', m3: 'no I/O operation permission at the backup destination' },
  /** A non-empty directory without a format file; an empty one where a format file is required. */
  OB_BACKUP_FORMAT_FILE_NOT_EXIST: { code: -9080, errno: 9080, sqlState: 'HY000', m3: 'the format file does not exist under the destination' },
  /** The dest is already used for another purpose, tenant or cluster. */
  OB_BACKUP_FORMAT_FILE_NOT_MATCH: {
    code: -9081,
    errno: 9081,
    sqlState: 'HY000',
    m3: 'the content of the format file at the destination does not match',
  },
  OB_BACKUP_DEVICE_OUT_OF_SPACE: { code: -9082, errno: 9082, sqlState: 'HY000', m3: 'backup device out of space' },
  /** ARCHIVELOG twice (user tenant; sys swallows it). */
  OB_ALREADY_IN_ARCHIVE_MODE: { code: -9091, errno: 9091, sqlState: 'HY000', m3: 'Already in ARCHIVELOG mode' },
  /** NOARCHIVELOG when already off. */
  OB_ALREADY_IN_NOARCHIVE_MODE: { code: -9092, errno: 9092, sqlState: 'HY000', m3: 'Already in NOARCHIVELOG mode' },
  OB_CHECKSUM_TYPE_NOT_SUPPORTED: {
    code: -9113,
    errno: 9113,
    sqlState: 'HY000',
    m3: 'checksum type is not supported',
    m4: 'checksum type %s is not supported for the input destination',
  },
  // --- The data plane (issue 20, engine side): databases, tables, rows (ob_errno.def, checked). Not sorted into the
  // table above so that the SQL side's rows merge beside them without conflicts.
  /** A write to a standby or restoring tenant (ob_errno.def -4688; ObSql refuses write statements off a primary). */
  OB_STANDBY_READ_ONLY: { code: -4688, errno: 4688, sqlState: 'HY000', m3: 'standby tenant is read only' },
  /** CREATE TABLE / RENAME TABLE to a name in use (ob_errno.def -5020, ER_TABLE_EXISTS_ERROR). */
  OB_ERR_TABLE_EXIST: { code: -5020, errno: 1050, sqlState: '42S01', m3: 'Table already exists', m4: "Table '%s' already exists" },
  /** CREATE DATABASE of a name in use (ob_errno.def -5158, ER_DB_CREATE_EXISTS). */
  OB_DATABASE_EXIST: {
    code: -5158,
    errno: 1007,
    sqlState: 'HY000',
    m3: "Can't create database;database exists",
    m4: "Can't create database '%s'; database exists",
  },
  /** DDL on a system database (oceanbase, mysql, information_schema…): ob_errno.def -5170, ER_DBACCESS_DENIED_ERROR. */
  OB_ERR_NO_DB_PRIVILEGE: {
    code: -5170,
    errno: 1044,
    sqlState: '42000',
    m3: 'Access denied for user to database',
    m4: "Access denied for user '%s'@'%s' to database '%s'",
  },
  /** DROP DATABASE of a missing database (ob_errno.def -5166, ER_DB_DROP_EXISTS). */
  OB_ERR_DB_DROP_EXISTS: {
    code: -5166,
    errno: 1008,
    sqlState: 'HY000',
    m3: "Can't drop database;database doesn't exist",
    m4: "Can't drop database '%s'; database doesn't exist",
  },
  // --- The data plane (issue 20, SQL side): column values, table definitions and DML. MySQL errno, SQLSTATE and
  // message as MySQL 5.7 / OceanBase's MySQL mode give them; the OceanBase codes are from ob_errno.def as recalled,
  // not re-verified against the source (the client sees errno, SQLSTATE and message only).
  /** A number outside its column's range in strict mode (OB_DATA_OUT_OF_RANGE, ER_WARN_DATA_OUT_OF_RANGE). */
  OB_DATA_OUT_OF_RANGE: { code: -4019, errno: 1264, sqlState: '22003', m3: 'Out of range value for column', m4: "Out of range value for column '%s' at row %d" },
  /** A string longer than its column in strict mode (ER_DATA_TOO_LONG). */
  OB_ERR_DATA_TOO_LONG: { code: -5167, errno: 1406, sqlState: '22001', m3: 'Data too long for column', m4: "Data too long for column '%s' at row %d" },
  /** Text that is not a number for a numeric column in strict mode (ER_TRUNCATED_WRONG_VALUE_FOR_FIELD). */
  OB_ERR_TRUNCATED_WRONG_VALUE_FOR_FIELD: {
    code: -5150,
    errno: 1366,
    sqlState: 'HY000',
    m3: 'Incorrect value for column',
    m4: "Incorrect %s value: '%s' for column '%s' at row %d",
  },
  /** Text that is not a date or time for a temporal column in strict mode (ER_TRUNCATED_WRONG_VALUE). */
  OB_INVALID_DATE_VALUE: { code: -4219, errno: 1292, sqlState: '22007', m3: 'Incorrect datetime value', m4: "Incorrect %s value: '%s' for column '%s' at row %d" },
  /** An INSERT leaving out a NOT NULL column that has no default (ER_NO_DEFAULT_FOR_FIELD). */
  OB_ERR_NO_DEFAULT_FOR_FIELD: { code: -5236, errno: 1364, sqlState: 'HY000', m3: "Field doesn't have a default value", m4: "Field '%s' doesn't have a default value" },
  /** NULL written to a NOT NULL column (ER_BAD_NULL_ERROR). */
  OB_BAD_NULL_ERROR: { code: -5096, errno: 1048, sqlState: '23000', m3: 'Column cannot be null', m4: "Column '%s' cannot be null" },
  /** An INSERT row with more or fewer values than columns (ER_WRONG_VALUE_COUNT_ON_ROW). */
  OB_ERR_COULUMN_VALUE_NOT_MATCH: { code: -5135, errno: 1136, sqlState: '21S01', m3: "Column count doesn't match value count", m4: "Column count doesn't match value count at row %d" },
  /** A column named twice in an INSERT column list or an UPDATE's SET (ER_FIELD_SPECIFIED_TWICE). */
  OB_ERR_FIELD_SPECIFIED_TWICE: { code: -5058, errno: 1110, sqlState: '42000', m3: 'Column specified twice', m4: "Column '%s' specified twice" },
  /** CREATE TABLE / ADD COLUMN naming a column twice (ER_DUP_FIELDNAME). */
  OB_ERR_COLUMN_DUPLICATE: { code: -5060, errno: 1060, sqlState: '42S21', m3: 'Duplicate column name', m4: "Duplicate column name '%s'" },
  /** Two PRIMARY KEY definitions (ER_MULTIPLE_PRI_KEY). */
  OB_ERR_MULTIPLE_PRI_KEY: { code: -5061, errno: 1068, sqlState: '42000', m3: 'Multiple primary key defined' },
  /** An AUTO_INCREMENT column that is not a key, or two of them (ER_WRONG_AUTO_KEY). */
  OB_ERR_WRONG_AUTO_KEY: {
    code: -5066,
    errno: 1075,
    sqlState: '42000',
    m3: 'Incorrect table definition; there can be only one auto column and it must be defined as a key',
  },
  /** A DEFAULT its column cannot hold (ER_INVALID_DEFAULT). */
  OB_INVALID_DEFAULT: { code: -5063, errno: 1067, sqlState: '42000', m3: 'Invalid default value', m4: "Invalid default value for '%s'" },
  /** An index naming a column the table does not have (ER_KEY_COLUMN_DOES_NOT_EXITS). */
  OB_ERR_KEY_COLUMN_DOES_NOT_EXITS: { code: -5062, errno: 1072, sqlState: '42000', m3: "Key column doesn't exist in table", m4: "Key column '%s' doesn't exist in table" },
  /** Two indexes of one name (ER_DUP_KEYNAME). */
  OB_ERR_KEY_NAME_DUPLICATE: { code: -5065, errno: 1061, sqlState: '42000', m3: 'Duplicate key name', m4: "Duplicate key name '%s'" },
  /** ALTER TABLE DROP of a column or index the table does not have (ER_CANT_DROP_FIELD_OR_KEY). */
  OB_ERR_CANT_DROP_FIELD_OR_KEY: { code: -5081, errno: 1091, sqlState: '42000', m3: "Can't DROP; check that column/key exists", m4: "Can't DROP '%s'; check that column/key exists" },
  /** ALTER TABLE dropping every column (ER_CANT_REMOVE_ALL_FIELDS). */
  OB_CANT_REMOVE_ALL_FIELDS: { code: -5270, errno: 1090, sqlState: '42000', m3: "You can't delete all columns with ALTER TABLE; use DROP TABLE instead" },
  /** A CHAR / VARCHAR length past the type's maximum (ER_TOO_BIG_FIELDLENGTH). */
  OB_ERR_TOO_LONG_COLUMN_LENGTH: {
    code: -5086,
    errno: 1074,
    sqlState: '42000',
    m3: 'Column length too big',
    m4: "Column length too big for column '%s' (max = %d); use BLOB or TEXT instead",
  },
  /** DECIMAL(M, D) with M over 65 (ER_TOO_BIG_PRECISION). */
  OB_ERR_TOO_BIG_PRECISION: { code: -5089, errno: 1426, sqlState: '42000', m3: 'Too big precision', m4: "Too big precision %d specified for column '%s'. Maximum is %d." },
  /** DECIMAL(M, D) with D over 30 (ER_TOO_BIG_SCALE). */
  OB_ERR_TOO_BIG_SCALE: { code: -5088, errno: 1425, sqlState: '42000', m3: 'Too big scale', m4: "Too big scale %d specified for column '%s'. Maximum is %d." },
  /** DECIMAL(M, D) with M < D (ER_M_BIGGER_THAN_D). */
  OB_ERR_M_BIGGER_THAN_D: { code: -5090, errno: 1427, sqlState: '42000', m3: 'M must be >= D', m4: "For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column '%s')." },
  /** A datetime / timestamp fsp over 6 (ER_TOO_BIG_PRECISION for the fraction). */
  OB_ERR_TOO_BIG_DISPLAYWIDTH: { code: -5091, errno: 1439, sqlState: '42000', m3: 'Display width out of range', m4: "Display width out of range for column '%s' (max = %d)" },
} as const satisfies Record<string, ObErrorDef>;

export type ObErrorName = keyof typeof OB_ERRORS;

/** An operating error as a value: what the client will see. */
export interface ObError {
  readonly kind: 'ObError';
  readonly name: ObErrorName;
  /** OceanBase's negative code (what RESULT columns store). */
  readonly code: number;
  readonly errno: number;
  readonly sqlState: string;
  readonly message: string;
}

/** The error with its plain message (M3): the code path passes no arguments. */
export function obError(name: ObErrorName): ObError {
  const def: ObErrorDef = OB_ERRORS[name];
  return { kind: 'ObError', name, code: def.code, errno: def.errno, sqlState: def.sqlState, message: def.m3 };
}

/** The error with its M4 format filled in with `args`, as LOG_USER_ERROR does. */
export function obErrorWith(name: ObErrorName, ...args: readonly (string | number)[]): ObError {
  const def: ObErrorDef = OB_ERRORS[name];
  if (def.m4 === undefined) throw new InvariantError(`${name} has no message format`);
  return { ...obError(name), message: formatMessage(def.m4, args) };
}

/** Fills %s, %.*s and %d in order, as OceanBase's printf-style formats do. */
export function formatMessage(format: string, args: readonly (string | number)[]): string {
  let next = 0;
  return format.replace(/%(?:\.\*)?[sd]/g, () => {
    if (next >= args.length) throw new InvariantError(`too few arguments for "${format}"`);
    return String(args[next++]);
  });
}

/** OceanBase's 1064 text: `You have an error … near '<rest>' at line <n>`. */
export function parseErrorMessage(near: string, line: number): string {
  return formatMessage(OB_ERRORS.OB_ERR_PARSE_SQL.m4, [PARSE_ERROR_TEXT, near, line]);
}

export function isObError(x: unknown): x is ObError {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'ObError';
}

/** A broken invariant: a programmer error. Thrown, never caught, never sent to a client as if it were normal. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** Throws InvariantError unless `condition` holds. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
