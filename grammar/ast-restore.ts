/** Builds the restore-family, standby, upgrade, tenant, resource and emulator-control ASTs from the CST. */
import type { CstNode, IToken } from 'chevrotain';
import type { ControlStatement, NamedOption, PersistStatement, RestoreStatement, TenantStatement, TimeUnit, Until } from './ast.js';
import { buildOptionValue, clauseString, isString, tenantOf } from './ast-backup.js';
import { buildFaultControl } from './ast-control.js';
import { has, identifierText, need, node, nodes, onlyToken, stringText, token, tokens } from './cst-util.js';

function untilPointOf(n: CstNode): Until {
  const time = token(n, 'time');
  if (time !== undefined) return { kind: 'UntilTime', time: stringText(time) };
  const scn = token(n, 'scn') as IToken;
  return { kind: 'UntilScn', scn: isString(scn) ? stringText(scn) : scn.image };
}

function untilOf(n: CstNode | undefined): Until | null {
  return n === undefined ? null : untilPointOf(need(n, 'untilPoint'));
}

function nameOf(n: CstNode): string {
  return identifierText(onlyToken(n));
}

/** The WITH tail shared by RESTORE and RECOVER TABLE. */
function withTail(n: CstNode): Pick<Extract<RestoreStatement, { kind: 'Restore' }>, 'options' | 'encryptedBy' | 'keyFrom'> {
  const w = need(n, 'restoreWith');
  const keyPath = token(w, 'keyPath');
  const keyEnc = node(w, 'keyEncryptedBy');
  return {
    options: stringText(token(w, 'options') as IToken),
    encryptedBy: clauseString(node(w, 'encryptedBy')),
    keyFrom: keyPath === undefined ? null : { path: stringText(keyPath), encryptedBy: clauseString(keyEnc) },
  };
}

function buildRestore(n: CstNode): RestoreStatement {
  const from = token(n, 'from');
  const until = untilOf(node(n, 'restoreUntil'));
  if (has(n, 'PREVIEW')) return { kind: 'RestorePreview', from: stringText(from as IToken), until };
  return {
    kind: 'Restore',
    tenant: nameOf(need(n, 'tenant')),
    from: from === undefined ? null : stringText(from),
    until,
    ...withTail(n),
    description: clauseString(node(n, 'description')),
  };
}

/** Token images joined without white space: `db.t`, `*.*`, `` `db`.`t` ``, `a.b:c.d` as written. */
function writtenText(n: CstNode): string {
  const parts: IToken[] = [];
  const walk = (x: CstNode): void => {
    for (const key in x.children) {
      for (const child of x.children[key] ?? []) {
        if ('image' in child) parts.push(child);
        else walk(child);
      }
    }
  };
  walk(n);
  parts.sort((a, b) => a.startOffset - b.startOffset);
  return parts.map((t) => t.image).join('');
}

function buildRecoverTable(n: CstNode): RestoreStatement {
  const { options, encryptedBy, keyFrom } = withTail(n);
  const from = token(n, 'from');
  return {
    kind: 'RecoverTable',
    tables: nodes(n, 'recoverTableName').map(writtenText),
    tenant: nameOf(need(n, 'tenant')),
    from: from === undefined ? null : stringText(from),
    until: untilOf(node(n, 'restoreUntil')),
    options,
    encryptedBy,
    keyFrom,
    remap: nodes(n, 'remapClause').flatMap((r) => {
      const what = (token(r, 'what') as IToken).image.toUpperCase();
      return nodes(r, 'remapItem').map((i) => `${what} ${writtenText(i)}`);
    }),
    description: clauseString(node(n, 'description')),
  };
}

function buildRecoverStandby(n: CstNode): RestoreStatement {
  const point = node(n, 'untilPoint');
  const until: Until | null = has(n, 'UNLIMITED') ? { kind: 'UntilUnlimited' } : point === undefined ? null : untilPointOf(point);
  return { kind: 'RecoverStandby', tenant: tenantOf(node(n, 'tenantClause')), until, cancel: has(n, 'CANCEL') };
}

export function buildAlterSystemRestore(n: CstNode): RestoreStatement | undefined {
  let c: CstNode | undefined;
  if ((c = node(n, 'restore'))) return buildRestore(c);
  if ((c = node(n, 'recover'))) {
    const table = node(c, 'recoverTable');
    return table !== undefined ? buildRecoverTable(table) : buildRecoverStandby(need(c, 'recoverStandby'));
  }
  if ((c = node(n, 'activateStandby'))) {
    return { kind: 'ActivateStandby', tenant: tenantOf(node(c, 'tenantClause')), verify: has(c, 'VERIFY') };
  }
  if ((c = node(n, 'switchover'))) {
    const to = (token(c, 'role') as IToken).image.toUpperCase() === 'PRIMARY' ? 'PRIMARY' : 'STANDBY';
    return { kind: 'Switchover', to, tenant: tenantOf(node(c, 'tenantClause')), verify: has(c, 'VERIFY') };
  }
  if ((c = node(n, 'runUpgradeJob'))) {
    return { kind: 'RunUpgradeJob', job: stringText(tokens(c, 'StringLiteral')[0] as IToken), tenant: tenantOf(node(c, 'tenantClause')) };
  }
  return undefined;
}

function options(n: CstNode): NamedOption[] {
  return nodes(need(n, 'optionList'), 'namedOption').map(named);
}

function named(n: CstNode): NamedOption {
  return { name: nameOf(need(n, 'Name')), value: buildOptionValue(need(n, 'optionValue')) };
}

export function buildCreate(n: CstNode): TenantStatement {
  const ifNotExists = has(n, 'ifNotExists');
  const name = nameOf(need(n, 'Name'));
  if (has(n, 'TENANT')) {
    return { kind: 'CreateTenant', ifNotExists, name, options: options(n), variables: nodes(n, 'tenantVariable').map(named) };
  }
  const unit = (token(n, 'what') as IToken).image.toUpperCase() === 'UNIT';
  return { kind: unit ? 'CreateResourceUnit' : 'CreateResourcePool', ifNotExists, name, options: options(n) };
}

export function buildDrop(n: CstNode): TenantStatement {
  const ifExists = has(n, 'ifExists');
  const name = nameOf(need(n, 'Name'));
  if (has(n, 'TENANT')) return { kind: 'DropTenant', ifExists, name, force: has(n, 'FORCE'), purge: has(n, 'PURGE') };
  const unit = (token(n, 'what') as IToken).image.toUpperCase() === 'UNIT';
  return { kind: unit ? 'DropResourceUnit' : 'DropResourcePool', ifExists, name };
}

export function buildAlterEmulator(n: CstNode): ControlStatement | PersistStatement {
  const fault = buildFaultControl(n);
  if (fault !== undefined) return fault;
  const snapshotName = token(n, 'snapshotName');
  if (snapshotName !== undefined) {
    const action = (token(n, 'snapshotAction') as IToken).image.toUpperCase() === 'SAVE' ? 'SAVE' : 'LOAD';
    return { kind: 'EmulatorSnapshot', action, name: stringText(snapshotName) };
  }
  if (has(n, 'ADVANCE')) {
    return { kind: 'EmulatorAdvanceTime', amount: (token(n, 'amount') as IToken).image, unit: (token(n, 'unit') as IToken).image.toUpperCase() as TimeUnit };
  }
  if (has(n, 'CLOCK')) {
    const mode = (token(n, 'mode') as IToken).image.toUpperCase() === 'MANUAL' ? 'MANUAL' : 'REALTIME';
    return { kind: 'EmulatorSetClock', mode, speed: token(n, 'speed')?.image ?? null };
  }
  if (has(n, 'RATE')) {
    return { kind: 'EmulatorSetWriteRate', mbPerSecond: (token(n, 'rate') as IToken).image, tenant: tenantOf(node(n, 'tenantClause')) };
  }
  if (has(n, 'MACROBLOCKS')) {
    return { kind: 'EmulatorWriteMacroblocks', count: (token(n, 'count') as IToken).image, tenant: tenantOf(node(n, 'tenantClause')) };
  }
  return { kind: 'EmulatorReset' };
}
