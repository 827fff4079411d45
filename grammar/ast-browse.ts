/** Builds the ASTs of rules-browse.ts: the SHOW family browsing clients send, and LOCK / UNLOCK TABLES. */
import type { CstNode } from 'chevrotain';
import type { Expr, SessionStatement, ShowBrowseStatement } from './ast.js';
import { buildExpression } from './ast-expr.js';
import { buildTableName } from './ast-query.js';
import { has, nameText, need, node, nodes, stringText, token } from './cst-util.js';
import type { BuildContext } from './cst-util.js';

export function filterOf(n: CstNode | undefined, ctx: BuildContext): { like?: string; where?: Expr } {
  if (n === undefined) return {};
  const like = token(n, 'StringLiteral');
  if (like !== undefined) return { like: stringText(like) };
  return { where: buildExpression(need(n, 'expression'), ctx) };
}

function databaseOf(n: CstNode | undefined): { database?: string } {
  const db = n === undefined ? undefined : node(n, 'database');
  return db === undefined ? {} : { database: nameText(db) };
}

export function buildShowBrowse(n: CstNode, ctx: BuildContext): ShowBrowseStatement {
  const filter = filterOf(node(n, 'showFilter'), ctx);
  if (has(n, 'TABLE')) return { kind: 'ShowTableStatus', ...databaseOf(node(n, 'showFrom')), ...filter };
  if (has(n, 'INDEX') || has(n, 'INDEXES') || has(n, 'KEYS')) {
    const table = buildTableName(need(n, 'tableName'));
    const db = databaseOf(node(n, 'showFrom')).database;
    const where = node(n, 'expression');
    return {
      kind: 'ShowIndex',
      table: db === undefined ? table : { schema: db, name: table.name },
      ...(where === undefined ? {} : { where: buildExpression(where, ctx) }),
    };
  }
  const create = node(n, 'showCreate');
  if (create !== undefined) return buildShowCreate(create);
  if (has(n, 'GRANTS')) {
    const spec = node(n, 'userSpec');
    return spec === undefined ? { kind: 'ShowGrants' } : { kind: 'ShowGrants', user: userText(spec) };
  }
  if (has(n, 'ENGINES')) return { kind: 'ShowEngines' };
  if (has(n, 'CHARACTER') || has(n, 'CHARSET')) return { kind: 'ShowCharset', ...filter };
  if (has(n, 'COLLATION')) return { kind: 'ShowCollation', ...filter };
  if (has(n, 'PROCEDURE')) return { kind: 'ShowRoutineStatus', routine: 'PROCEDURE', ...filter };
  if (has(n, 'FUNCTION')) return { kind: 'ShowRoutineStatus', routine: 'FUNCTION', ...filter };
  if (has(n, 'TRIGGERS') || has(n, 'EVENTS')) {
    const last = nodes(n, 'showFilter').at(-1);
    return { kind: has(n, 'TRIGGERS') ? 'ShowTriggers' : 'ShowEvents', ...databaseOf(node(n, 'showFrom')), ...filterOf(last, ctx) };
  }
  if (has(n, 'PLUGINS')) return { kind: 'ShowPlugins' };
  return { kind: 'ShowMasterStatus' };
}

function buildShowCreate(n: CstNode): ShowBrowseStatement {
  if (has(n, 'TABLE')) return { kind: 'ShowCreateTable', table: buildTableName(need(n, 'tableName')) };
  if (has(n, 'VIEW')) return { kind: 'ShowCreateView', table: buildTableName(need(n, 'tableName')) };
  return { kind: 'ShowCreateDatabase', database: nameText(need(n, 'database')), ifNotExists: has(n, 'EXISTS') };
}

/** `'root'@'%'`, `root@'%'`, `root`, `CURRENT_USER()`, as written but without the empty parentheses. */
function userText(n: CstNode): string {
  const quoted = token(n, 'StringLiteral');
  const name = quoted === undefined ? nameText(need(n, 'Name')) : stringText(quoted);
  const host = token(n, 'host');
  if (host === undefined) return name;
  const h = host.image.slice(1);
  return `${name}@${h.startsWith("'") || h.startsWith('"') ? stringText({ ...host, image: h }) : h.replace(/^`|`$/g, '')}`;
}

export function buildLockStatement(n: CstNode): SessionStatement {
  if (has(n, 'UNLOCK')) return { kind: 'UnlockTables' };
  const tables = nodes(n, 'lockItem').map((item) => {
    const alias = node(item, 'alias');
    return { table: buildTableName(need(item, 'tableName')), ...(alias === undefined ? {} : { alias: nameText(alias) }), write: has(item, 'WRITE') };
  });
  return { kind: 'LockTables', tables };
}
