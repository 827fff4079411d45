/** Builds the data plane's ASTs (rules-data.ts): database and table DDL, INSERT / REPLACE / UPDATE / DELETE. */
import type { CstNode, IToken } from 'chevrotain';
import type {
  AlterSpec,
  Assignment,
  ColumnDefinition,
  DataStatement,
  DataType,
  Expr,
  OrderItem,
  TableConstraint,
  TableOption,
  ValueItem,
} from './ast.js';
import { buildExpression } from './ast-expr.js';
import { buildLimit, buildTableName } from './ast-query.js';
import { BuildError, has, identifierText, nameText, need, node, nodes, token, tokens, stringText } from './cst-util.js';
import type { BuildContext } from './cst-util.js';

export function buildCreateDatabase(n: CstNode): DataStatement {
  return { kind: 'CreateDatabase', ifNotExists: has(n, 'ifNotExists'), name: nameText(need(n, 'Name')) };
}

export function buildDropDatabase(n: CstNode): DataStatement {
  return { kind: 'DropDatabase', ifExists: has(n, 'ifExists'), name: nameText(need(n, 'Name')) };
}

export function buildCreateTable(n: CstNode, ctx: BuildContext): DataStatement {
  const table = buildTableName(need(n, 'tableName'));
  const like = node(n, 'like');
  const elements = nodes(n, 'tableElement');
  const columns = elements.flatMap((e) => {
    const c = node(e, 'columnDefinition');
    return c === undefined ? [] : [buildColumn(c, ctx)];
  });
  const constraints = elements.flatMap((e) => {
    const c = node(e, 'tableConstraint');
    return c === undefined ? [] : [buildConstraint(c)];
  });
  const options = nodes(n, 'tableOption').flatMap(buildTableOption);
  const query = node(n, 'queryExpression');
  return {
    kind: 'CreateTable',
    ifNotExists: has(n, 'ifNotExists'),
    table,
    columns,
    constraints,
    options,
    ...(like === undefined ? {} : { like: buildTableName(like) }),
    ...(query === undefined ? {} : { as: ctx.query(query, ctx) }),
  };
}

function buildTableOption(n: CstNode): TableOption[] {
  const engine = token(n, 'engine');
  if (engine !== undefined) return [{ name: 'ENGINE', value: identifierText(engine) }];
  const comment = token(n, 'comment');
  if (comment !== undefined) return [{ name: 'COMMENT', value: stringText(comment) }];
  const auto = token(n, 'autoIncrement');
  if (auto !== undefined) return [{ name: 'AUTO_INCREMENT', value: auto.image }];
  const charset = need(n, 'charsetOption');
  return [{ name: has(charset, 'COLLATE') ? 'COLLATE' : 'CHARSET', value: charsetValue(charset) }];
}

function charsetValue(n: CstNode): string {
  const t = token(n, 'value') as IToken;
  return t.tokenType.name === 'SingleQuoted' || t.tokenType.name === 'DoubleQuoted' ? stringText(t) : identifierText(t);
}

function buildDataType(n: CstNode): DataType {
  return {
    name: identifierText(token(n, 'type') as IToken).toUpperCase(),
    args: tokens(n, 'arg').map((t) => t.image),
    unsigned: has(n, 'UNSIGNED'),
    zerofill: has(n, 'ZEROFILL'),
  };
}

function buildColumn(n: CstNode, ctx: BuildContext): ColumnDefinition {
  let nullable: boolean | undefined;
  let defaultValue: Expr | undefined;
  let onUpdate: Expr | undefined;
  let comment: string | undefined;
  let autoIncrement = false;
  let primaryKey = false;
  let unique = false;
  for (const a of nodes(n, 'columnAttribute')) {
    if (has(a, 'NOT')) nullable = false;
    else if (has(a, 'nullable')) nullable = true;
    else if (has(a, 'defaultValue')) defaultValue = buildDefault(need(a, 'defaultValue'), ctx);
    else if (has(a, 'onUpdate')) onUpdate = buildDefault(need(a, 'onUpdate'), ctx);
    else if (has(a, 'AUTO_INCREMENT')) autoIncrement = true;
    else if (has(a, 'PRIMARY') || has(a, 'primaryKey')) primaryKey = true;
    else if (has(a, 'UNIQUE')) unique = true;
    else if (has(a, 'COMMENT')) comment = stringText(token(a, 'StringLiteral') as IToken);
  }
  return {
    name: nameText(need(n, 'Name')),
    type: buildDataType(need(n, 'dataType')),
    ...(nullable === undefined ? {} : { nullable }),
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    autoIncrement,
    primaryKey,
    unique,
    ...(comment === undefined ? {} : { comment }),
    ...(onUpdate === undefined ? {} : { onUpdate }),
  };
}

/** A default as the expression it stands for: `-1` is a Unary, CURRENT_TIMESTAMP(6) a FunctionCall with its fsp. */
function buildDefault(n: CstNode, ctx: BuildContext): Expr {
  const inner = node(n, 'expression');
  if (inner !== undefined) return buildExpression(inner, ctx);
  const fn = token(n, 'function');
  if (fn !== undefined) {
    const fsp = token(n, 'fsp');
    const args: Expr[] = fsp === undefined ? [] : [{ kind: 'NumberLiteral', text: fsp.image }];
    return { kind: 'FunctionCall', name: identifierText(fn), args, star: false, distinct: false };
  }
  const number = token(n, 'NumberLiteral');
  if (number !== undefined) {
    const literal: Expr = { kind: 'NumberLiteral', text: number.image };
    if (has(n, 'Minus')) return { kind: 'Unary', op: '-', operand: literal };
    if (has(n, 'Plus')) return { kind: 'Unary', op: '+', operand: literal };
    return literal;
  }
  const text = token(n, 'StringLiteral');
  if (text !== undefined) return { kind: 'StringLiteral', value: stringText(text) };
  if (has(n, 'TRUE') || has(n, 'FALSE')) return { kind: 'BoolLiteral', value: has(n, 'TRUE') };
  return { kind: 'NullLiteral' };
}

function buildConstraint(n: CstNode): TableConstraint {
  const columns = tokens(need(n, 'indexColumns'), 'column').map(identifierText);
  const named = token(n, 'index') ?? token(n, 'constraint');
  const name = named === undefined ? {} : { name: identifierText(named) };
  if (has(n, 'PRIMARY')) return { kind: 'PrimaryKey', columns };
  return { kind: has(n, 'UNIQUE') ? 'Unique' : 'Index', ...name, columns };
}

export function buildDropTable(n: CstNode): DataStatement {
  return { kind: 'DropTable', ifExists: has(n, 'ifExists'), tables: nodes(n, 'tableName').map(buildTableName) };
}

export function buildRename(n: CstNode): DataStatement {
  const to = nodes(n, 'to');
  return { kind: 'RenameTable', renames: nodes(n, 'from').map((f, i) => ({ from: buildTableName(f), to: buildTableName(to[i] as CstNode) })) };
}

export function buildTruncate(n: CstNode): DataStatement {
  return { kind: 'TruncateTable', table: buildTableName(need(n, 'tableName')) };
}

export function buildAlterTable(n: CstNode, ctx: BuildContext): DataStatement {
  return { kind: 'AlterTable', table: buildTableName(need(n, 'tableName')), specs: nodes(n, 'alterSpec').map((s) => buildAlterSpec(s, ctx)) };
}

function buildAlterSpec(n: CstNode, ctx: BuildContext): AlterSpec {
  const rename = node(n, 'rename');
  if (rename !== undefined) return { kind: 'RenameTable', to: buildTableName(rename) };
  if (has(n, 'ADD')) {
    const constraint = node(n, 'tableConstraint');
    if (constraint !== undefined) return { kind: 'AddConstraint', constraint: buildConstraint(constraint) };
    const column = buildColumn(need(n, 'columnDefinition'), ctx);
    const after = token(n, 'after');
    if (after !== undefined) return { kind: 'AddColumn', column, position: { after: identifierText(after) } };
    return has(n, 'FIRST') ? { kind: 'AddColumn', column, position: { first: true } } : { kind: 'AddColumn', column };
  }
  if (has(n, 'KEYS')) return { kind: 'Keys', enable: has(n, 'ENABLE') };
  if (has(n, 'PRIMARY')) return { kind: 'DropPrimaryKey' };
  const index = token(n, 'index');
  if (index !== undefined) return { kind: 'DropIndex', index: identifierText(index) };
  return { kind: 'DropColumn', column: identifierText(token(n, 'column') as IToken) };
}

function buildColumnName(n: CstNode): { readonly table?: string; readonly column: string } {
  const [a, b] = tokens(n, 'Name').map(identifierText);
  return b === undefined ? { column: a as string } : { table: a as string, column: b };
}

function buildValueItem(n: CstNode, ctx: BuildContext): ValueItem {
  const e = node(n, 'expression');
  return e === undefined ? undefined : buildExpression(e, ctx);
}

function buildAssignment(n: CstNode, ctx: BuildContext): Assignment {
  const column = buildColumnName(need(n, 'columnName'));
  const value = buildValueItem(need(n, 'valueItem'), ctx);
  return value === undefined ? { column } : { column, value };
}

export function buildInsert(n: CstNode, ctx: BuildContext): DataStatement {
  const table = buildTableName(need(n, 'tableName'));
  const columnList = has(n, 'LParen') ? nodes(n, 'columnName').map((c) => buildColumnName(c).column) : undefined;
  const query = node(n, 'queryExpression');
  const source: Extract<DataStatement, { kind: 'Insert' }>['source'] =
    query !== undefined
      ? { kind: 'Query', query: ctx.query(query, ctx) }
      : has(n, 'SET')
        ? { kind: 'Set', assignments: nodes(n, 'assignment').map((a) => buildAssignment(a, ctx)) }
        : { kind: 'Values', rows: nodes(n, 'valuesRow').map((r) => nodes(r, 'valueItem').map((v) => buildValueItem(v, ctx))) };
  return {
    kind: 'Insert',
    replace: has(n, 'REPLACE'),
    ignore: has(n, 'IGNORE'),
    table,
    ...(columnList === undefined ? {} : { columns: columnList }),
    source,
    onDuplicate: nodes(n, 'onDuplicate').map((a) => buildAssignment(a, ctx)),
  };
}

function orderOf(n: CstNode, ctx: BuildContext): OrderItem[] {
  return nodes(n, 'orderItem').map((o) => ({ expr: buildExpression(need(o, 'expression'), ctx), desc: has(o, 'DESC') }));
}

/** UPDATE and DELETE take `LIMIT n` only: MySQL has no offset there. */
function limitOf(n: CstNode, ctx: BuildContext): { limit?: Expr } {
  const l = node(n, 'limitClause');
  if (l === undefined) return {};
  const limit = buildLimit(l, ctx);
  if (limit.offset !== undefined) throw new BuildError((token(l, 'count') ?? token(l, 'offset') ?? token(l, 'LIMIT')) as IToken);
  return { limit: limit.count };
}

function whereOf(n: CstNode, ctx: BuildContext): { where?: Expr } {
  const w = node(n, 'where');
  return w === undefined ? {} : { where: buildExpression(w, ctx) };
}

function aliasOf(n: CstNode): { alias?: string } {
  const a = token(n, 'alias');
  return a === undefined ? {} : { alias: identifierText(a) };
}

export function buildUpdate(n: CstNode, ctx: BuildContext): DataStatement {
  const table = buildTableName(need(n, 'tableName'));
  const assignments = nodes(n, 'assignment').map((a) => buildAssignment(a, ctx));
  const where = whereOf(n, ctx);
  const orderBy = orderOf(n, ctx);
  return { kind: 'Update', ignore: has(n, 'IGNORE'), table, ...aliasOf(n), assignments, ...where, orderBy, ...limitOf(n, ctx) };
}

export function buildDelete(n: CstNode, ctx: BuildContext): DataStatement {
  const table = buildTableName(need(n, 'tableName'));
  const where = whereOf(n, ctx);
  const orderBy = orderOf(n, ctx);
  return { kind: 'Delete', ignore: has(n, 'IGNORE'), table, ...aliasOf(n), ...where, orderBy, ...limitOf(n, ctx) };
}
