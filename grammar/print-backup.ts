/** Canonical SQL for the OceanBase backup, archive, restore, standby, tenant and resource statements. */
import type { BackupStatement } from './ast.js';
import { assertNever } from './ast.js';
import { printName, printString } from './print-expr.js';
import { printOptionValue, printOptions, printTenant, printUntil } from './print.js';

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

/** ALTER SYSTEM … statements, and the tenant and resource statements. */
export function printBackup(s: BackupStatement): string {
  const sys = 'ALTER SYSTEM';
  switch (s.kind) {
    case 'ArchiveLog':
      return `${sys} ${s.enable ? 'ARCHIVELOG' : 'NOARCHIVELOG'}${tenants(s.tenants)}${opt('DESCRIPTION =', s.description)}`;
    case 'BackupDatabase': {
      const target = s.tenantForm ? tenants(s.tenants) : ' DATABASE';
      const plus = s.plusArchivelog ? ' PLUS ARCHIVELOG' : '';
      return `${sys} BACKUP${s.incremental ? ' INCREMENTAL' : ''}${target}${opt('TO', s.dest)}${plus}${opt('DESCRIPTION =', s.description)}`;
    }
    case 'CancelBackup':
      return `${sys} CANCEL BACKUP${tenants(s.tenants)}`;
    case 'BackupManage':
      return `${sys} ${MANAGE[s.action]}${s.id === null ? '' : ` ${s.id}`}${copy(s.copy)}`;
    case 'BackupClean':
      return `${sys} ${CLEAN[s.action]}${s.id === null ? '' : ` ${s.id}`}${copy(s.copy)}${tenants(s.tenants)}${opt('DESCRIPTION =', s.description)}`;
    case 'DeletePolicy': {
      const window = opt('RECOVERY_WINDOW =', s.recoveryWindow);
      const redundancy = s.redundancy === null ? '' : ` REDUNDANCY = ${s.redundancy}`;
      const copies = s.backupCopies === null ? '' : ` BACKUP_COPIES = ${s.backupCopies}`;
      return `${sys} ${s.action} DELETE BACKUP POLICY = ${printString(s.name)}${window}${redundancy}${copies}${tenants(s.tenants)}`;
    }
    case 'BackupKey':
      return `${sys} BACKUP KEY${tenants(s.tenants)}${opt('TO', s.dest)}${opt('ENCRYPTED BY', s.encryptedBy)}`;
    case 'SetEncryption':
      return `SET ENCRYPTION ON IDENTIFIED BY ${printString(s.password)} ONLY`;
    case 'SetDecryption':
      return `SET DECRYPTION IDENTIFIED BY ${s.passwords.map(printString).join(', ')}`;
    case 'Restore': {
      const until = s.until === null ? '' : printUntil(s.until);
      return `${sys} RESTORE ${printName(s.tenant)}${opt('FROM', s.from)}${until} WITH ${printString(s.options)}${keyTail(s)}${opt('DESCRIPTION =', s.description)}`;
    }
    case 'RestorePreview':
      return `${sys} RESTORE FROM ${printString(s.from)}${s.until === null ? '' : printUntil(s.until)} PREVIEW`;
    case 'CancelRestore':
      return `${sys} CANCEL RESTORE ${printName(s.tenant)}`;
    case 'AddRestoreSource':
      return `${sys} ADD RESTORE SOURCE ${printString(s.uri)}`;
    case 'ClearRestoreSource':
      return `${sys} CLEAR RESTORE SOURCE`;
    case 'RecoverTable': {
      const to = s.tenant === null ? '' : ` TO ${printName(s.tenant)}`;
      const until = s.until === null ? '' : printUntil(s.until);
      const remap = s.remap.map((r) => ` REMAP ${r}`).join('');
      return `${sys} RECOVER TABLE ${s.tables.join(', ')}${to}${opt('FROM', s.from)}${until} WITH ${printString(s.options)}${keyTail(s)}${remap}${opt('DESCRIPTION =', s.description)}`;
    }
    case 'CancelRecoverTable':
      return `${sys} CANCEL RECOVER TABLE ${printName(s.tenant)}`;
    case 'AlterSystemSet':
      return `${sys} SET ${s.items
        .map((i) => {
          const where = i.server !== undefined ? ` SERVER = ${printString(i.server)}` : i.zone !== undefined ? ` ZONE = ${printTenant(i.zone)}` : '';
          const comment = i.comment === undefined ? '' : ` COMMENT ${printString(i.comment)}`;
          const scope = i.scope === undefined ? '' : ` SCOPE = ${i.scope}`;
          return `${printName(i.name)} = ${printOptionValue(i.value)}${comment}${scope}${where}${tenant(i.tenant ?? null)}`;
        })
        .join(', ')}`;
    case 'ActivateStandby':
      return `${sys} ACTIVATE STANDBY${tenant(s.tenant)}${s.verify ? ' VERIFY' : ''}`;
    case 'RecoverStandby': {
      const point = s.until !== null ? printUntil(s.until) : s.cancel ? ' CANCEL' : '';
      return `${sys} RECOVER STANDBY${tenant(s.tenant)}${point}`;
    }
    case 'Switchover':
      return `${sys} SWITCHOVER TO ${s.to}${tenant(s.tenant)}${s.verify ? ' VERIFY' : ''}`;
    case 'RunUpgradeJob':
      return `${sys} RUN UPGRADE JOB ${printString(s.job)}${tenant(s.tenant)}`;
    case 'CreateTenant': {
      const vars = s.variables.length === 0 ? '' : ` SET ${printOptions(s.variables)}`;
      const options = s.options.length === 0 ? '' : ` ${printOptions(s.options)}`;
      return `CREATE TENANT ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printName(s.name)}${options}${vars}`;
    }
    case 'DropTenant':
      return `DROP TENANT ${s.ifExists ? 'IF EXISTS ' : ''}${printName(s.name)}${s.force ? ' FORCE' : s.purge ? ' PURGE' : ''}`;
    case 'CreateResourceUnit':
    case 'CreateResourcePool': {
      const what = s.kind === 'CreateResourceUnit' ? 'UNIT' : 'POOL';
      const options = s.options.length === 0 ? '' : ` ${printOptions(s.options)}`;
      return `CREATE RESOURCE ${what} ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printName(s.name)}${options}`;
    }
    case 'DropResourceUnit':
    case 'DropResourcePool':
      return `DROP RESOURCE ${s.kind === 'DropResourceUnit' ? 'UNIT' : 'POOL'} ${s.ifExists ? 'IF EXISTS ' : ''}${printName(s.name)}`;
    default:
      return assertNever(s);
  }
}
