/** Builds SELECT ASTs from the CST. */
import type { CstNode, IToken } from 'chevrotain';
import type { Expr, FromItem, OrderItem, QueryExpression, SelectItem, SelectStatement, TableName, UnionQuery, WithClause } from './ast.js';
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

function buildTableFactor(n: CstNode, ctx: BuildContext): FromItem {
  const sub = node(n, 'subquery');
  if (sub !== undefined) return { kind: 'Derived', query: buildQuery(sub, ctx), alias: nameText(need(n, 'alias')) };
  const table = buildTableName(n);
  const alias = node(n, 'alias');
  return alias === undefined ? { kind: 'Table', table } : { kind: 'Table', table, alias: nameText(alias) };
}

function buildTableRef(n: CstNode, ctx: BuildContext): FromItem {
  let left = buildTableFactor(need(n, 'tableFactor'), ctx);
  for (const j of nodes(n, 'joinClause')) {
    const join = has(j, 'LEFT') ? 'LEFT' : has(j, 'RIGHT') ? 'RIGHT' : has(j, 'CROSS') ? 'CROSS' : 'INNER';
    const right = buildTableFactor(need(j, 'tableFactor'), ctx);
    const on = node(j, 'expression');
    left = on === undefined ? { kind: 'Join', join, left, right } : { kind: 'Join', join, left, right, on: buildExpression(on, ctx) };
  }
  return left;
}

function limitValue(t: IToken, ctx: BuildContext): Expr {
  return t.tokenType.name === 'Question' ? { kind: 'Parameter', index: ctx.nextParameter++ } : { kind: 'NumberLiteral', text: t.image };
}

export function buildLimit(n: CstNode, ctx: BuildContext): NonNullable<SelectStatement['limit']> {
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
  const orderBy = buildOrderBy(n, ctx);
  const limitNode = node(n, 'limitClause');
  const limit = limitNode === undefined ? undefined : buildLimit(limitNode, ctx);
  const lock = node(n, 'lockClause');
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
    ...(lock === undefined ? {} : { lock: has(lock, 'UPDATE') ? ('UPDATE' as const) : ('SHARE' as const) }),
  };
}

function buildOrderBy(n: CstNode, ctx: BuildContext): OrderItem[] {
  return nodes(n, 'orderItem').map((o) => ({ expr: buildExpression(need(o, 'expression'), ctx), desc: has(o, 'DESC') }));
}

function buildWith(n: CstNode, ctx: BuildContext): WithClause {
  const ctes = nodes(n, 'commonTableExpr').map((c) => {
    const columns = nodes(c, 'column').map(nameText);
    const query = buildQuery(need(c, 'queryExpression'), ctx);
    const name = nameText(need(c, 'Name'));
    return columns.length === 0 ? { name, query } : { name, columns, query };
  });
  return { recursive: has(n, 'RECURSIVE'), ctes };
}

function buildTerm(n: CstNode, ctx: BuildContext): QueryExpression {
  const select = node(n, 'selectStatement');
  return select === undefined ? buildQuery(need(n, 'queryExpression'), ctx) : buildSelect(select, ctx);
}

/**
 * A `queryExpression` or `subquery` node: a plain SELECT stays a Select; a UNION takes the ORDER BY / LIMIT
 * written after its last SELECT (MySQL's reading of `SELECT … UNION SELECT … ORDER BY 1`) or after its last
 * parenthesized term.
 */
export function buildQuery(n: CstNode, ctx: BuildContext): QueryExpression {
  const withNode = node(n, 'withClause');
  const withClause = withNode === undefined ? undefined : buildWith(withNode, ctx);
  const first = node(n, 'selectStatement');
  const head = first === undefined ? buildTerm(need(n, 'queryTerm'), ctx) : buildSelect(first, ctx);
  const tails = nodes(n, 'unionTail');
  const outerOrder = buildOrderBy(n, ctx);
  const limitNode = node(n, 'limitClause');
  const outerLimit = limitNode === undefined ? undefined : buildLimit(limitNode, ctx);
  if (tails.length === 0 && outerOrder.length === 0 && outerLimit === undefined) {
    return withClause === undefined ? head : withQuery(head, withClause);
  }
  const terms: QueryExpression[] = [head, ...tails.map((t) => buildTerm(need(t, 'queryTerm'), ctx))];
  let orderBy: readonly OrderItem[] = outerOrder;
  let limit = outerLimit;
  const last = terms[terms.length - 1] as QueryExpression;
  const lastIsBare = tails.length > 0 && node(need(tails[tails.length - 1] as CstNode, 'queryTerm'), 'selectStatement') !== undefined;
  if (lastIsBare && last.kind === 'Select' && (last.orderBy.length > 0 || last.limit !== undefined)) {
    const { orderBy: o, limit: l, ...rest } = last;
    terms[terms.length - 1] = { ...rest, orderBy: [] };
    orderBy = o;
    limit = l;
  }
  const union: UnionQuery = {
    kind: 'Union',
    terms,
    all: tails.map((t) => has(t, 'ALL')),
    orderBy,
    ...(limit === undefined ? {} : { limit }),
    ...(withClause === undefined ? {} : { with: withClause }),
  };
  return union;
}

function withQuery(q: QueryExpression, w: WithClause): QueryExpression {
  return { ...q, with: w };
}

/** A keyword token's or name's spelling, for words kept as written. */
export function wordOf(n: CstNode): string {
  return identifierText(onlyToken(n));
}
