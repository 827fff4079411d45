/** Builds SELECT and write-statement ASTs from the CST. */
import type { CstNode, IToken } from 'chevrotain';
import type { Expr, FromItem, OrderItem, SelectItem, SelectStatement, TableName, WriteStatement } from './ast.js';
import { buildExpression } from './ast-expr.js';
import { has, identifierText, nameText, need, needToken, node, nodes, onlyToken, sourceOf, stringText, token } from './cst-util.js';
import type { BuildContext } from './cst-util.js';

export function buildTableName(n: CstNode): TableName {
  const names = nodes(n, 'Name').map(nameText);
  const [a, b] = names;
  return b === undefined ? { name: a as string } : { schema: a as string, name: b };
}

function buildSelectItem(n: CstNode, ctx: BuildContext): SelectItem {
  const expr = node(n, 'expression');
  if (expr === undefined) {
    const table = node(n, 'table');
    return table === undefined ? { kind: 'Star' } : { kind: 'Star', table: nameText(table) };
  }
  const value = buildExpression(expr, ctx);
  const text = sourceOf(expr, ctx);
  const aliasNode = node(n, 'alias');
  if (aliasNode === undefined) return { kind: 'ExprItem', expr: value, text };
  const quoted = token(aliasNode, 'StringLiteral');
  const alias = quoted === undefined ? nameText(need(aliasNode, 'Name')) : stringText(quoted);
  return { kind: 'ExprItem', expr: value, alias, text };
}

function buildTableFactor(n: CstNode): FromItem {
  const table = buildTableName(n);
  const alias = node(n, 'alias');
  return alias === undefined ? { kind: 'Table', table } : { kind: 'Table', table, alias: nameText(alias) };
}

function buildTableRef(n: CstNode, ctx: BuildContext): FromItem {
  let left = buildTableFactor(need(n, 'tableFactor'));
  for (const j of nodes(n, 'joinClause')) {
    const join = has(j, 'LEFT') ? 'LEFT' : has(j, 'RIGHT') ? 'RIGHT' : has(j, 'CROSS') ? 'CROSS' : 'INNER';
    const right = buildTableFactor(need(j, 'tableFactor'));
    const on = node(j, 'expression');
    left = on === undefined ? { kind: 'Join', join, left, right } : { kind: 'Join', join, left, right, on: buildExpression(on, ctx) };
  }
  return left;
}

function limitValue(t: IToken, ctx: BuildContext): Expr {
  return t.tokenType.name === 'Question' ? { kind: 'Parameter', index: ctx.nextParameter++ } : { kind: 'NumberLiteral', text: t.image };
}

function buildLimit(n: CstNode, ctx: BuildContext): NonNullable<SelectStatement['limit']> {
  const first = limitValue(needToken(n, 'first'), ctx);
  const count = token(n, 'count');
  if (count !== undefined) return { count: limitValue(count, ctx), offset: first };
  const offset = token(n, 'offset');
  return offset === undefined ? { count: first } : { count: first, offset: limitValue(offset, ctx) };
}

export function buildSelect(n: CstNode, ctx: BuildContext): SelectStatement {
  const items = nodes(n, 'selectItem').map((x) => buildSelectItem(x, ctx));
  const from = nodes(n, 'tableRef').map((x) => buildTableRef(x, ctx));
  const whereNode = node(n, 'where');
  const where = whereNode === undefined ? undefined : buildExpression(whereNode, ctx);
  const groupBy = nodes(n, 'groupBy').map((x) => buildExpression(x, ctx));
  const havingNode = node(n, 'having');
  const having = havingNode === undefined ? undefined : buildExpression(havingNode, ctx);
  const orderBy: OrderItem[] = nodes(n, 'orderItem').map((o) => ({
    expr: buildExpression(need(o, 'expression'), ctx),
    desc: has(o, 'DESC'),
  }));
  const limitNode = node(n, 'limitClause');
  const limit = limitNode === undefined ? undefined : buildLimit(limitNode, ctx);
  return {
    kind: 'Select',
    distinct: has(n, 'DISTINCT'),
    items,
    from,
    ...(where === undefined ? {} : { where }),
    groupBy,
    ...(having === undefined ? {} : { having }),
    orderBy,
    ...(limit === undefined ? {} : { limit }),
  };
}

export function buildWrite(n: CstNode): WriteStatement {
  const verb = has(n, 'INSERT')
    ? 'INSERT'
    : has(n, 'REPLACE')
      ? 'REPLACE'
      : has(n, 'UPDATE')
        ? 'UPDATE'
        : has(n, 'DELETE')
          ? 'DELETE'
          : 'TRUNCATE';
  return { kind: 'Write', verb, table: buildTableName(need(n, 'tableName')) };
}

/** A keyword token's or name's spelling, for words kept as written. */
export function wordOf(n: CstNode): string {
  return identifierText(onlyToken(n));
}
