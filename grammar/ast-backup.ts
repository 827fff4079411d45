/** Builds the ALTER SYSTEM backup, archive, clean, policy and parameter ASTs from the CST. */
import type { CstNode, IToken } from 'chevrotain';
import type { BackupStatement, BackupVariableStatement, OptionValue, RestoreStatement } from './ast.js';

/** What ALTER SYSTEM's backup branches build: CANCEL and ADD / CLEAR also spell restore statements. */
type AlterSystemBuilt = BackupStatement | BackupVariableStatement | RestoreStatement;
import { identifierText, has, need, node, nodes, onlyToken, stringText, token, tokens } from './cst-util.js';

/** A tenant name: an identifier keeps its spelling, a string gives its value, ALL stays `ALL` as written. */
export function buildTenantName(n: CstNode): string {
  const t = onlyToken(n);
  return isString(t) ? stringText(t) : identifierText(t);
}

export function isString(t: IToken): boolean {
  return t.tokenType.name === 'SingleQuoted' || t.tokenType.name === 'DoubleQuoted';
}

export function tenantListOf(n: CstNode | undefined): string[] | null {
  return n === undefined ? null : nodes(n, 'tenantName').map(buildTenantName);
}

export function tenantOf(n: CstNode | undefined): string | null {
  return n === undefined ? null : buildTenantName(need(n, 'tenantName'));
}

/** The string of a clause rule (`description`, `backupTo`, `encryptedBy`), or null without the clause. */
export function clauseString(n: CstNode | undefined): string | null {
  if (n === undefined) return null;
  const t = token(n, 'StringLiteral');
  return t === undefined ? null : stringText(t);
}

export function buildOptionValue(n: CstNode): OptionValue {
  const list = node(n, 'LParen');
  if (list !== undefined || has(n, 'LParen')) return { kind: 'ListValue', items: nodes(n, 'optionValue').map(buildOptionValue) };
  const num = token(n, 'NumberLiteral');
  if (num !== undefined) return { kind: 'NumberValue', text: has(n, 'Minus') ? `-${num.image}` : num.image };
  const t = onlyToken(n);
  if (isString(t)) return { kind: 'StringValue', value: stringText(t) };
  return { kind: 'WordValue', word: identifierText(t) };
}

function buildArchiveLog(n: CstNode): BackupStatement {
  return {
    kind: 'ArchiveLog',
    enable: has(n, 'ARCHIVELOG'),
    tenants: tenantListOf(node(n, 'tenantList')),
    description: clauseString(node(n, 'description')),
  };
}

function buildBackup(n: CstNode): BackupStatement {
  if (has(n, 'KEY')) {
    return {
      kind: 'BackupKey',
      tenants: tenantListOf(node(n, 'tenantList')),
      dest: clauseString(node(n, 'backupTo')),
      encryptedBy: clauseString(node(n, 'encryptedBy')),
    };
  }
  const tenantForm = !has(n, 'DATABASE');
  return {
    kind: 'BackupDatabase',
    incremental: has(n, 'INCREMENTAL'),
    tenantForm,
    tenants: tenantListOf(node(n, 'tenantList')),
    dest: clauseString(node(n, 'backupTo')),
    plusArchivelog: has(n, 'PLUS'),
    description: clauseString(node(n, 'description')),
  };
}

function copyOf(n: CstNode): string | null {
  const c = node(n, 'copyId');
  return c === undefined ? null : (token(c, 'IntegerLiteral')?.image ?? null);
}

function buildCancel(n: CstNode): AlterSystemBuilt {
  if (has(n, 'RESTORE')) return { kind: 'CancelRestore', tenant: identifierText(onlyToken(need(n, 'tenant'))) };
  if (has(n, 'RECOVER')) return { kind: 'CancelRecoverTable', tenant: identifierText(onlyToken(need(n, 'tenant'))) };
  if (has(n, 'DELETE')) {
    return {
      kind: 'BackupClean',
      action: 'CANCEL_DELETE',
      id: null,
      copy: null,
      tenants: tenantListOf(node(n, 'tenantList')),
      description: clauseString(node(n, 'description')),
    };
  }
  const manage = (action: Extract<BackupStatement, { kind: 'BackupManage' }>['action'], id: string | null = null): BackupStatement => ({
    kind: 'BackupManage',
    action,
    id,
    copy: copyOf(n),
  });
  if (has(n, 'VALIDATE')) return manage('CANCEL_VALIDATE', token(n, 'IntegerLiteral')?.image ?? null);
  if (has(n, 'ALL')) return manage('CANCEL_ALL_BACKUP_FORCE');
  if (has(n, 'BACKUPSET')) return manage('CANCEL_BACKUP_BACKUPSET');
  if (has(n, 'BACKUPPIECE')) return manage('CANCEL_BACKUP_BACKUPPIECE');
  return { kind: 'CancelBackup', tenants: tenantListOf(node(n, 'tenantList')) };
}

function buildDelete(n: CstNode): BackupStatement {
  const action = has(n, 'OBSOLETE') ? 'DELETE_OBSOLETE_BACKUP' : has(n, 'BACKUPSET') ? 'DELETE_BACKUP_SET' : 'DELETE_BACKUP_PIECE';
  return {
    kind: 'BackupClean',
    action,
    id: token(n, 'IntegerLiteral')?.image ?? null,
    copy: copyOf(n),
    tenants: tenantListOf(node(n, 'tenantList')),
    description: clauseString(node(n, 'description')),
  };
}

function policyNameOf(n: CstNode): string {
  return stringText(tokens(need(n, 'policyName'), 'StringLiteral')[0] as IToken);
}

function buildAdd(n: CstNode): AlterSystemBuilt {
  const uri = token(n, 'uri');
  if (uri !== undefined) return { kind: 'AddRestoreSource', uri: stringText(uri) };
  const window = token(n, 'recoveryWindow');
  return {
    kind: 'DeletePolicy',
    action: 'ADD',
    name: policyNameOf(n),
    recoveryWindow: window === undefined ? null : stringText(window),
    redundancy: token(n, 'redundancy')?.image ?? null,
    backupCopies: token(n, 'backupCopies')?.image ?? null,
    tenants: tenantListOf(node(n, 'tenantList')),
  };
}

function buildDropPolicy(n: CstNode): BackupStatement {
  return {
    kind: 'DeletePolicy',
    action: 'DROP',
    name: policyNameOf(n),
    recoveryWindow: null,
    redundancy: null,
    backupCopies: null,
    tenants: tenantListOf(node(n, 'tenantList')),
  };
}

function buildParameters(n: CstNode): BackupStatement {
  const items = nodes(n, 'parameterItem').map((p) => {
    const comment = token(p, 'comment');
    const scope = token(p, 'scope');
    const server = token(p, 'server');
    const zone = node(p, 'zone');
    const tenant = node(p, 'tenantClause');
    return {
      name: identifierText(onlyToken(need(p, 'Name'))),
      value: buildOptionValue(need(p, 'optionValue')),
      ...(comment === undefined ? {} : { comment: stringText(comment) }),
      ...(scope === undefined ? {} : { scope: scope.image.toUpperCase() as 'MEMORY' | 'SPFILE' | 'BOTH' }),
      ...(server === undefined ? {} : { server: stringText(server) }),
      ...(zone === undefined ? {} : { zone: buildTenantName(zone) }),
      ...(tenant === undefined ? {} : { tenant: buildTenantName(need(tenant, 'tenantName')) }),
    };
  });
  return { kind: 'AlterSystemSet', items };
}

/** Dispatches on the one ALTER SYSTEM sub-rule of `alterStatement`, except the restore family (ast-restore). */
export function buildAlterSystemBackup(n: CstNode): AlterSystemBuilt | undefined {
  const pick = (name: string): CstNode | undefined => node(n, name);
  let c: CstNode | undefined;
  if ((c = pick('archiveLog'))) return buildArchiveLog(c);
  if ((c = pick('backup'))) return buildBackup(c);
  if ((c = pick('cancel'))) return buildCancel(c);
  if ((c = pick('suspendResume'))) {
    return { kind: 'BackupManage', action: has(c, 'SUSPEND') ? 'SUSPEND_BACKUP' : 'RESUME_BACKUP', id: null, copy: null };
  }
  if ((c = pick('validate'))) {
    const id = token(c, 'IntegerLiteral')?.image ?? null;
    return { kind: 'BackupManage', action: has(c, 'DATABASE') ? 'VALIDATE_DATABASE' : 'VALIDATE_BACKUPSET', id, copy: copyOf(c) };
  }
  if ((c = pick('deleteBackup'))) return buildDelete(c);
  if ((c = pick('addStatement'))) return buildAdd(c);
  if ((c = pick('dropPolicy'))) return buildDropPolicy(c);
  if (pick('clearRestoreSource')) return { kind: 'ClearRestoreSource' };
  if ((c = pick('setParameters'))) return buildParameters(c);
  return undefined;
}
