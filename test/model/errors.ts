/**
 * The errors the model predicts, as the client sees them (statements.md §10.2): name, errno and message. Written
 * out from the spec rather than imported, so the model stays independent of the code under test.
 */

export interface ExpectedError {
  readonly name: string;
  readonly errno: number;
  readonly message: string;
}

const e = (name: string, errno: number, message: string): ExpectedError => ({ name, errno, message });

export const NO_TENANT_MEETS =
  'backup can not start, because no tenant meets the backup condition, \uFFFCplease check the tenant status, log archive status, backup data dest, and backup status for each tenant';

export const E = {
  notSupported: (what?: string) => e('OB_NOT_SUPPORTED', 1235, what === undefined ? 'Not supported feature or function' : `${what} not supported`),
  invalidArgument: () => e('OB_INVALID_ARGUMENT', 1210, 'Invalid argument'),
  internal: () => e('OB_ERR_UNEXPECTED', 4016, 'Internal error'),
  entryNotExist: () => e('OB_ENTRY_NOT_EXIST', 4018, 'Entry not exist'),
  invalidConfig: () => e('OB_INVALID_CONFIG', 4147, 'Invalid config'),
  opNotAllow: (what: string) => e('OB_OP_NOT_ALLOW', 4179, `${what} not allowed`),
  duplicateKey: () => e('OB_ERR_PRIMARY_KEY_DUPLICATE', 1062, 'Duplicated primary key'),
  parserSyntax: () =>
    e('OB_ERR_PARSER_SYNTAX', 1149, 'You have an error in your SQL syntax; check the manual that corresponds to your OceanBase version for the right syntax to use'),
  noPrivilege: () => e('OB_ERR_NO_PRIVILEGE', 1227, 'Access denied'),
  tenantExist: (name: string) => e('OB_TENANT_EXIST', 5156, `tenant '${name}' already exist`),
  invalidTenantName: () => e('OB_ERR_INVALID_TENANT_NAME', 5160, 'invalid tenant name specified in connection string'),
  invalidBackupDest: () => e('OB_INVALID_BACKUP_DEST', 9026, 'backup destination is not valid'),
  backupInProgress: () => e('OB_BACKUP_IN_PROGRESS', 9036, 'Backup is in progress'),
  cannotStart: (because?: string) => e('OB_BACKUP_CAN_NOT_START', 9040, because === undefined ? 'backup can not start' : `backup can not start, because ${because}`),
  noTenantMeets: () => e('OB_BACKUP_CAN_NOT_START', 9040, NO_TENANT_MEETS),
  formatNotMatch: () => e('OB_BACKUP_FORMAT_FILE_NOT_MATCH', 9081, 'the content of the format file at the destination does not match'),
  alreadyArchive: () => e('OB_ALREADY_IN_ARCHIVE_MODE', 9091, 'Already in ARCHIVELOG mode'),
  alreadyNoArchive: () => e('OB_ALREADY_IN_NOARCHIVE_MODE', 9092, 'Already in NOARCHIVELOG mode'),
} as const;
