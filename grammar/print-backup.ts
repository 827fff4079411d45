/** Canonical SQL for the OceanBase statements the engine answers: backup, archive, restore, standby, tenant, resource. */
import type { BackupStatement, BackupVariableStatement, RestoreStatement, TenantStatement } from './ast.js';
import { printName, printString } from './print-expr.js';
import { printOptionValue, printOptions, printTenant, printUntil, type PrinterTable } from './print-parts.js';

function tenants(list: readonly string[] | null): string {
  return list === null ? '' : ` TENANT = ${list.map(printTenant).join(', ')}`;
}

function tenant(name: string | null): string {
  return name === null ? '' : ` TENANT = ${printTenant(name)}`;
}

function opt(keyword: string, value: string | null): string {
  return value === null ? '' : ` ${keyword} ${printString(value)}`;
}

function copy(c: string | null): string {
  return c === null ? '' : ` COPY ${c}`;
}

const MANAGE = {
  SUSPEND_BACKUP: 'SUSPEND BACKUP',
  RESUME_BACKUP: 'RESUME BACKUP',
  VALIDATE_DATABASE: 'VALIDATE DATABASE',
  VALIDATE_BACKUPSET: 'VALIDATE BACKUPSET',
  CANCEL_VALIDATE: 'CANCEL VALIDATE',
  CANCEL_BACKUP_BACKUPSET: 'CANCEL BACKUP BACKUPSET',
  CANCEL_BACKUP_BACKUPPIECE: 'CANCEL BACKUP BACKUPPIECE',
  CANCEL_ALL_BACKUP_FORCE: 'CANCEL ALL BACKUP FORCE',
};

const CLEAN = {
  DELETE_BACKUP_SET: 'DELETE BACKUPSET',
  DELETE_BACKUP_PIECE: 'DELETE BACKUPPIECE',
  DELETE_OBSOLETE_BACKUP: 'DELETE OBSOLETE BACKUP',
  CANCEL_DELETE: 'CANCEL DELETE BACKUP',
};

function keyTail(s: { readonly encryptedBy?: string | null; readonly keyFrom?: { readonly path: string; readonly encryptedBy: string | null } | null }): string {
  const key = s.keyFrom ?? null;
  return `${opt('ENCRYPTED BY', s.encryptedBy ?? null)}${key === null ? '' : ` WITH KEY FROM ${printString(key.path)}${opt('ENCRYPTED BY', key.encryptedBy)}`}`;
}

const sys = 'ALTER SYSTEM';

export const BACKUP_PRINTERS: PrinterTable<BackupStatement['kind']> = {
  ArchiveLog: (s) => `${sys} ${s.enable ? 'ARCHIVELOG' : 'NOARCHIVELOG'}${tenants(s.tenants)}${opt('DESCRIPTION =', s.description)}`,
  BackupDatabase: (s) => {
    const target = s.tenantForm ? tenants(s.tenants) : ' DATABASE';
    const plus = s.plusArchivelog ? ' PLUS ARCHIVELOG' : '';
    return `${sys} BACKUP${s.incremental ? ' INCREMENTAL' : ''}${target}${opt('TO', s.dest)}${plus}${opt('DESCRIPTION =', s.description)}`;
  },
  CancelBackup: (s) => `${sys} CANCEL BACKUP${tenants(s.tenants)}`,
  BackupManage: (s) => `${sys} ${MANAGE[s.action]}${s.id === null ? '' : ` ${s.id}`}${copy(s.copy)}`,
  BackupClean: (s) => `${sys} ${CLEAN[s.action]}${s.id === null ? '' : ` ${s.id}`}${copy(s.copy)}${tenants(s.tenants)}${opt('DESCRIPTION =', s.description)}`,
  DeletePolicy: (s) => {
    const window = opt('RECOVERY_WINDOW =', s.recoveryWindow);
    const redundancy = s.redundancy === null ? '' : ` REDUNDANCY = ${s.redundancy}`;
    const copies = s.backupCopies === null ? '' : ` BACKUP_COPIES = ${s.backupCopies}`;
    return `${sys} ${s.action} DELETE BACKUP POLICY = ${printString(s.name)}${window}${redundancy}${copies}${tenants(s.tenants)}`;
  },
  BackupKey: (s) => `${sys} BACKUP KEY${tenants(s.tenants)}${opt('TO', s.dest)}${opt('ENCRYPTED BY', s.encryptedBy)}`,
  AlterSystemSet: (s) =>
    `${sys} SET ${s.items
      .map((i) => {
        const where = i.server !== undefined ? ` SERVER = ${printString(i.server)}` : i.zone !== undefined ? ` ZONE = ${printTenant(i.zone)}` : '';
        const comment = i.comment === undefined ? '' : ` COMMENT ${printString(i.comment)}`;
        const scope = i.scope === undefined ? '' : ` SCOPE = ${i.scope}`;
        return `${printName(i.name)} = ${printOptionValue(i.value)}${comment}${scope}${where}${tenant(i.tenant ?? null)}`;
      })
      .join(', ')}`,
};

export const BACKUP_VARIABLE_PRINTERS: PrinterTable<BackupVariableStatement['kind']> = {
  SetEncryption: (s) => `SET ENCRYPTION ON IDENTIFIED BY ${printString(s.password)} ONLY`,
  SetDecryption: (s) => `SET DECRYPTION IDENTIFIED BY ${s.passwords.map(printString).join(', ')}`,
  AddRestoreSource: (s) => `${sys} ADD RESTORE SOURCE ${printString(s.uri)}`,
  ClearRestoreSource: () => `${sys} CLEAR RESTORE SOURCE`,
};

export const RESTORE_PRINTERS: PrinterTable<RestoreStatement['kind']> = {
  Restore: (s) => {
    const until = s.until === null ? '' : printUntil(s.until);
    return `${sys} RESTORE ${printName(s.tenant)}${opt('FROM', s.from)}${until} WITH ${printString(s.options)}${keyTail(s)}${opt('DESCRIPTION =', s.description)}`;
  },
  RestorePreview: (s) => `${sys} RESTORE FROM ${printString(s.from)}${s.until === null ? '' : printUntil(s.until)} PREVIEW`,
  CancelRestore: (s) => `${sys} CANCEL RESTORE ${printName(s.tenant)}`,
  RecoverTable: (s) => {
    const to = s.tenant === null ? '' : ` TO ${printName(s.tenant)}`;
    const until = s.until === null ? '' : printUntil(s.until);
    const remap = s.remap.map((r) => ` REMAP ${r}`).join('');
    return `${sys} RECOVER TABLE ${s.tables.join(', ')}${to}${opt('FROM', s.from)}${until} WITH ${printString(s.options)}${keyTail(s)}${remap}${opt('DESCRIPTION =', s.description)}`;
  },
  CancelRecoverTable: (s) => `${sys} CANCEL RECOVER TABLE ${printName(s.tenant)}`,
  ActivateStandby: (s) => `${sys} ACTIVATE STANDBY${tenant(s.tenant)}${s.verify ? ' VERIFY' : ''}`,
  RecoverStandby: (s) => {
    const point = s.until !== null ? printUntil(s.until) : s.cancel ? ' CANCEL' : '';
    return `${sys} RECOVER STANDBY${tenant(s.tenant)}${point}`;
  },
  Switchover: (s) => `${sys} SWITCHOVER TO ${s.to}${tenant(s.tenant)}${s.verify ? ' VERIFY' : ''}`,
  RunUpgradeJob: (s) => `${sys} RUN UPGRADE JOB ${printString(s.job)}${tenant(s.tenant)}`,
};

function createResource(what: 'UNIT' | 'POOL', s: { readonly ifNotExists: boolean; readonly name: string; readonly options: Parameters<typeof printOptions>[0] }): string {
  const options = s.options.length === 0 ? '' : ` ${printOptions(s.options)}`;
  return `CREATE RESOURCE ${what} ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printName(s.name)}${options}`;
}

function dropResource(what: 'UNIT' | 'POOL', s: { readonly ifExists: boolean; readonly name: string }): string {
  return `DROP RESOURCE ${what} ${s.ifExists ? 'IF EXISTS ' : ''}${printName(s.name)}`;
}

export const TENANT_PRINTERS: PrinterTable<TenantStatement['kind']> = {
  CreateTenant: (s) => {
    const vars = s.variables.length === 0 ? '' : ` SET ${printOptions(s.variables)}`;
    const options = s.options.length === 0 ? '' : ` ${printOptions(s.options)}`;
    return `CREATE TENANT ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printName(s.name)}${options}${vars}`;
  },
  DropTenant: (s) => `DROP TENANT ${s.ifExists ? 'IF EXISTS ' : ''}${printName(s.name)}${s.force ? ' FORCE' : s.purge ? ' PURGE' : ''}`,
  CreateResourceUnit: (s) => createResource('UNIT', s),
  CreateResourcePool: (s) => createResource('POOL', s),
  DropResourceUnit: (s) => dropResource('UNIT', s),
  DropResourcePool: (s) => dropResource('POOL', s),
};
