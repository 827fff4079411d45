/** Builds SHOW, SET, USE, DESCRIBE and transaction ASTs from the CST. */
import type { CstNode } from 'chevrotain';
import type { BackupVariableStatement, DescribeStatement, Expr, SessionStatement, SetTarget, ShowStatement, Statement } from './ast.js';
import { buildExpression, systemVariable, userVariableName } from './ast-expr.js';
import { buildTableName } from './ast-query.js';
import { has, identifierText, nameText, need, node, nodes, onlyToken, stringText, token, tokens } from './cst-util.js';
import type { BuildContext } from './cst-util.js';
import { buildTenantName } from './ast-backup.js';
import { buildShowBrowse, filterOf } from './ast-browse.js';
import { buildShowEmulator } from './ast-control.js';

type Scope = 'GLOBAL' | 'SESSION' | null;

function scopeOf(n: CstNode | undefined): Scope {
  if (n === undefined) return null;
  return has(n, 'GLOBAL') ? 'GLOBAL' : 'SESSION';
}

export function buildShow(n: CstNode, ctx: BuildContext): Statement {
  const filter = filterOf(node(n, 'showFilter'), ctx);
  if (has(n, 'DATABASES') || has(n, 'SCHEMAS')) return { kind: 'ShowDatabases', ...filter };
  const full = has(n, 'FULL');
  const tables = node(n, 'showTables');
  if (tables !== undefined) {
    const db = node(tables, 'database');
    return {
      kind: 'ShowTables',
      full,
      ...(db === undefined ? {} : { database: nameText(db) }),
      ...filterOf(node(tables, 'showFilter'), ctx),
    };
  }
  const columns = node(n, 'showColumns');
  if (columns !== undefined) {
    const table = buildTableName(need(columns, 'tableName'));
    const db = node(columns, 'database');
    const like = token(columns, 'StringLiteral');
    return {
      kind: 'ShowColumns',
      full,
      table: db === undefined ? table : { schema: nameText(db), name: table.name },
      ...(like === undefined ? {} : { like: stringText(like) }),
    };
  }
  if (has(n, 'PROCESSLIST')) return { kind: 'ShowProcesslist', full };
  const scope = scopeOf(node(n, 'scope'));
  if (has(n, 'VARIABLES')) return { kind: 'ShowVariables', scope, ...filter };
  if (has(n, 'STATUS')) return { kind: 'ShowStatus', scope, ...filter };
  if (has(n, 'PARAMETERS')) {
    const tenant = node(n, 'tenantClause');
    return { kind: 'ShowParameters', ...filter, ...(tenant === undefined ? {} : { tenant: buildTenantName(need(tenant, 'tenantName')) }) };
  }
  if (has(n, 'WARNINGS')) return { kind: 'ShowWarnings' };
  if (has(n, 'ERRORS')) return { kind: 'ShowErrors' };
  const browse = node(n, 'showBrowse');
  if (browse !== undefined) return buildShowBrowse(browse, ctx);
  if (has(n, 'TENANT')) return { kind: 'ShowTenant' };
  if (has(n, 'PREVIEW')) return { kind: 'ShowRestorePreview' };
  return buildShowEmulator(n);
}

function charsetText(n: CstNode): string {
  const t = onlyToken(n);
  return t.tokenType.name === 'SingleQuoted' || t.tokenType.name === 'DoubleQuoted' ? stringText(t) : identifierText(t);
}

function buildTarget(n: CstNode): SetTarget {
  const sys = token(n, 'SystemVariable');
  if (sys !== undefined) return systemVariable(sys);
  const user = token(n, 'UserVariable');
  if (user !== undefined) return { kind: 'UserVariable', name: userVariableName(user.image) };
  return { kind: 'SystemVariable', scope: scopeOf(node(n, 'scope')), name: nameText(need(n, 'Name')) };
}

function buildAssignment(n: CstNode, ctx: BuildContext): { target: SetTarget; value: Expr } {
  const target = buildTarget(n);
  const word = token(n, 'word');
  const value: Expr = word === undefined ? buildExpression(need(n, 'expression'), ctx) : { kind: 'ColumnRef', column: word.image };
  return { target, value };
}

function buildTransaction(n: CstNode): SessionStatement {
  let isolation: string | undefined;
  let readOnly: boolean | undefined;
  for (const c of nodes(n, 'transactionCharacteristic')) {
    const level = token(c, 'level');
    if (level !== undefined) {
      const word = level.image.toUpperCase();
      isolation = word === 'REPEATABLE' ? 'REPEATABLE READ' : word === 'SERIALIZABLE' ? word : `READ ${word}`;
    } else readOnly = token(c, 'access')?.image.toUpperCase() === 'ONLY';
  }
  return {
    kind: 'SetTransaction',
    scope: scopeOf(node(n, 'scope')),
    ...(isolation === undefined ? {} : { isolation }),
    ...(readOnly === undefined ? {} : { readOnly }),
  };
}

export function buildSet(n: CstNode, ctx: BuildContext): SessionStatement | BackupVariableStatement {
  if (has(n, 'NAMES')) {
    const collate = node(n, 'collate');
    return { kind: 'SetNames', charset: charsetText(need(n, 'charset')), ...(collate === undefined ? {} : { collate: charsetText(collate) }) };
  }
  if (has(n, 'CHARSET') || has(n, 'CHARACTER')) return { kind: 'SetCharset', charset: charsetText(need(n, 'charset')) };
  if (has(n, 'ENCRYPTION')) return { kind: 'SetEncryption', password: stringText(tokens(n, 'StringLiteral')[0] ?? onlyToken(n)) };
  if (has(n, 'DECRYPTION')) return { kind: 'SetDecryption', passwords: tokens(n, 'StringLiteral').map(stringText) };
  if (has(n, 'TRANSACTION')) return buildTransaction(n);
  return { kind: 'Set', assignments: nodes(n, 'setAssignment').map((a) => buildAssignment(a, ctx)) };
}

export function buildUse(n: CstNode): SessionStatement {
  return { kind: 'Use', database: nameText(need(n, 'Name')) };
}

export function buildKill(n: CstNode, ctx: BuildContext): SessionStatement {
  return { kind: 'Kill', query: has(n, 'QUERY'), id: buildExpression(need(n, 'expression'), ctx) };
}

export function buildDescribe(n: CstNode): DescribeStatement {
  const table = buildTableName(need(n, 'tableName'));
  const col = node(n, 'column');
  const str = token(n, 'StringLiteral');
  const column = col !== undefined ? nameText(col) : str !== undefined ? stringText(str) : undefined;
  return { kind: 'Describe', table, ...(column === undefined ? {} : { column }) };
}

export function buildTransactionStatement(n: CstNode): SessionStatement {
  const savepoint = token(n, 'savepoint');
  if (savepoint !== undefined) {
    const action = has(n, 'ROLLBACK') ? 'ROLLBACK TO' : has(n, 'RELEASE') ? 'RELEASE' : 'SAVEPOINT';
    return { kind: 'Savepoint', action, name: identifierText(savepoint) };
  }
  const action = has(n, 'COMMIT') ? 'COMMIT' : has(n, 'ROLLBACK') ? 'ROLLBACK' : 'BEGIN';
  return { kind: 'Transaction', action };
}
