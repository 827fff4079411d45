/**
 * Builds expression ASTs from the CST. Operators at one level arrive in source order and are folded here by
 * MySQL's precedence (all binary operators are left-associative), so the grammar stays a short chain of rules.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { BinaryOp, Expr, UnaryOp } from './ast.js';
import {
  BuildError,
  has,
  identifierText,
  nameText,
  need,
  needToken,
  node,
  nodes,
  onlyToken,
  stringText,
  token,
  tokens,
} from './cst-util.js';
import type { BuildContext } from './cst-util.js';

const LOGICAL: Record<string, [BinaryOp, number]> = {
  OR: ['OR', 1],
  '||': ['OR', 1],
  XOR: ['XOR', 2],
  AND: ['AND', 3],
  '&&': ['AND', 3],
};

const ARITH: Record<string, [BinaryOp, number]> = {
  '|': ['|', 1],
  '&': ['&', 2],
  '<<': ['<<', 3],
  '>>': ['>>', 3],
  '+': ['+', 4],
  '-': ['-', 4],
  '*': ['*', 5],
  '/': ['/', 5],
  DIV: ['DIV', 5],
  '%': ['%', 5],
  MOD: ['%', 5],
  '^': ['^', 6],
};

const COMPARISON: Record<string, BinaryOp> = {
  '=': '=',
  '<=>': '<=>',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** Precedence climbing over `operands[0] ops[0] operands[1] …`. */
function fold(operands: Expr[], ops: IToken[], table: Record<string, [BinaryOp, number]>): Expr {
  let pos = 0;
  const climb = (minPrec: number): Expr => {
    let left = operands[pos] as Expr;
    while (pos < ops.length) {
      const entry = table[(ops[pos] as IToken).image.toUpperCase()];
      if (entry === undefined) throw new BuildError(ops[pos] as IToken);
      const [op, prec] = entry;
      if (prec < minPrec) break;
      pos += 1;
      const right = climb(prec + 1);
      left = { kind: 'Binary', op, left, right };
    }
    return left;
  };
  return climb(0);
}

export function buildExpression(n: CstNode, ctx: BuildContext): Expr {
  const operands = nodes(n, 'notExpr').map((x) => buildNotExpr(x, ctx));
  const ops = tokens(n, 'LogicalOperator');
  return ops.length === 0 ? (operands[0] as Expr) : fold(operands, ops, LOGICAL);
}

function buildNotExpr(n: CstNode, ctx: BuildContext): Expr {
  let e = buildPredicate(need(n, 'predicate'), ctx);
  for (let k = tokens(n, 'NOT').length; k > 0; k--) e = { kind: 'Unary', op: 'NOT', operand: e };
  return e;
}

function buildPredicate(n: CstNode, ctx: BuildContext): Expr {
  let e = buildBitExpr(need(n, 'bitExpr'), ctx);
  for (const tail of nodes(n, 'predicateTail')) e = applyTail(e, tail, ctx);
  return e;
}

function applyTail(e: Expr, t: CstNode, ctx: BuildContext): Expr {
  const not = has(t, 'NOT');
  const cmp = token(t, 'ComparisonOperator');
  if (cmp !== undefined) {
    const op = COMPARISON[cmp.image] ?? '=';
    return { kind: 'Binary', op, left: e, right: buildBitExpr(need(t, 'bitExpr'), ctx) };
  }
  if (has(t, 'IS')) {
    if (has(t, 'NULL')) return { kind: 'IsNull', expr: e, not };
    if (has(t, 'UNKNOWN')) return { kind: 'IsNull', expr: e, not };
    return { kind: 'IsBool', expr: e, value: has(t, 'TRUE'), not };
  }
  if (has(t, 'IN')) return { kind: 'In', expr: e, list: nodes(t, 'expression').map((x) => buildExpression(x, ctx)), not };
  if (has(t, 'LIKE')) {
    const pattern = buildBitExpr(need(t, 'pattern'), ctx);
    const esc = node(t, 'escape');
    return esc === undefined
      ? { kind: 'Like', expr: e, pattern, not }
      : { kind: 'Like', expr: e, pattern, escape: buildBitExpr(esc, ctx), not };
  }
  const low = buildBitExpr(need(t, 'low'), ctx);
  return { kind: 'Between', expr: e, low, high: buildBitExpr(need(t, 'high'), ctx), not };
}

export function buildBitExpr(n: CstNode, ctx: BuildContext): Expr {
  const operands = nodes(n, 'operand').map((x) => buildOperand(x, ctx));
  const ops = tokens(n, 'ArithOperator');
  return ops.length === 0 ? (operands[0] as Expr) : fold(operands, ops, ARITH);
}

function buildOperand(n: CstNode, ctx: BuildContext): Expr {
  let e = buildPrimary(need(n, 'primary'), ctx);
  const prefix = tokens(n, 'PrefixOperator');
  for (let k = prefix.length - 1; k >= 0; k--) {
    e = { kind: 'Unary', op: (prefix[k] as IToken).image as UnaryOp, operand: e };
  }
  return e;
}

function buildPrimary(n: CstNode, ctx: BuildContext): Expr {
  const sub = node(n, 'expression');
  if (sub !== undefined) return buildExpression(sub, ctx);
  const fn = node(n, 'functionCall');
  if (fn !== undefined) return buildFunctionCall(fn, ctx);
  const col = node(n, 'columnRef');
  if (col !== undefined) return buildColumnRef(col);
  const caseNode = node(n, 'caseExpr');
  if (caseNode !== undefined) return buildCase(caseNode, ctx);
  const cast = node(n, 'castExpr');
  if (cast !== undefined) return buildCast(cast, ctx);
  const interval = node(n, 'intervalExpr');
  if (interval !== undefined) {
    return { kind: 'Interval', value: buildExpression(need(interval, 'expression'), ctx), unit: nameText(need(interval, 'unit')).toUpperCase() };
  }
  return buildLiteral(onlyToken(n), ctx);
}

function buildLiteral(t: IToken, ctx: BuildContext): Expr {
  switch (t.tokenType.name) {
    case 'SingleQuoted':
    case 'DoubleQuoted':
      return { kind: 'StringLiteral', value: stringText(t) };
    case 'IntegerLiteral':
    case 'DecimalLiteral':
      return { kind: 'NumberLiteral', text: t.image };
    case 'NULL':
      return { kind: 'NullLiteral' };
    case 'TRUE':
      return { kind: 'BoolLiteral', value: true };
    case 'FALSE':
      return { kind: 'BoolLiteral', value: false };
    case 'Question':
      return { kind: 'Parameter', index: ctx.nextParameter++ };
    case 'SystemVariable':
      return systemVariable(t);
    case 'UserVariable':
      return { kind: 'UserVariable', name: userVariableName(t.image) };
    default:
      throw new BuildError(t);
  }
}

/** `@@x`, `@@session.x`, `@@local.x` (a session scope), `@@global.x`. */
export function systemVariable(t: IToken): { kind: 'SystemVariable'; scope: 'GLOBAL' | 'SESSION' | null; name: string } {
  const body = t.image.slice(2);
  const dot = body.charCodeAt(0) === 96 ? -1 : body.indexOf('.');
  if (dot < 0) return { kind: 'SystemVariable', scope: null, name: unquoteName(body) };
  const scopeWord = body.slice(0, dot).toUpperCase();
  const name = unquoteName(body.slice(dot + 1));
  if (scopeWord === 'GLOBAL') return { kind: 'SystemVariable', scope: 'GLOBAL', name };
  if (scopeWord === 'SESSION' || scopeWord === 'LOCAL') return { kind: 'SystemVariable', scope: 'SESSION', name };
  throw new BuildError(t);
}

function unquoteName(s: string): string {
  return s.charCodeAt(0) === 96 ? s.slice(1, -1).replace(/``/g, '`') : s;
}

/** `@name`, `@'name'`, `@"name"`, @`name`. */
export function userVariableName(image: string): string {
  const body = image.slice(1);
  const q = body.charAt(0);
  if (q === "'" || q === '"') return stringText({ image: body } as IToken);
  return unquoteName(body);
}

function buildFunctionCall(n: CstNode, ctx: BuildContext): Expr {
  const nameNode = need(n, 'functionName');
  const name = identifierText(onlyToken(nameNode));
  const args = nodes(n, 'expression').map((x) => buildExpression(x, ctx));
  const second = args[1];
  // CONVERT(x, type) is a cast; CONVERT(x USING cs) is not in the dialect.
  if (has(nameNode, 'CONVERT') && args.length === 2 && second?.kind === 'ColumnRef' && second.table === undefined) {
    return { kind: 'Cast', expr: args[0] as Expr, type: second.column.toUpperCase(), args: [] };
  }
  return { kind: 'FunctionCall', name, args, star: has(n, 'Star'), distinct: has(n, 'DISTINCT') };
}

export function buildColumnRef(n: CstNode): Expr {
  const names = nodes(n, 'Name');
  const parts = names.map(nameText);
  if (parts.length > 3) throw new BuildError(tokens(n, 'Dot')[2] ?? needToken(n, 'Dot'));
  const [a, b, c] = parts;
  if (c !== undefined) return { kind: 'ColumnRef', schema: a as string, table: b as string, column: c };
  if (b !== undefined) return { kind: 'ColumnRef', table: a as string, column: b };
  return { kind: 'ColumnRef', column: a as string };
}

function buildCase(n: CstNode, ctx: BuildContext): Expr {
  const operandNode = node(n, 'operand');
  const operand = operandNode === undefined ? undefined : buildExpression(operandNode, ctx);
  const whens = nodes(n, 'caseWhen').map((w) => ({
    when: buildExpression(need(w, 'when'), ctx),
    then: buildExpression(need(w, 'then'), ctx),
  }));
  if (whens.length === 0) throw new BuildError(needToken(n, 'END'));
  const elseNode = node(n, 'else');
  const elseExpr = elseNode === undefined ? undefined : buildExpression(elseNode, ctx);
  return {
    kind: 'Case',
    ...(operand === undefined ? {} : { operand }),
    whens,
    ...(elseExpr === undefined ? {} : { else: elseExpr }),
  };
}

function buildCast(n: CstNode, ctx: BuildContext): Expr {
  const typeNode = need(n, 'castType');
  const type = identifierText(onlyToken(typeNode)).toUpperCase();
  const args = tokens(typeNode, 'IntegerLiteral').map((t) => t.image);
  return { kind: 'Cast', expr: buildExpression(need(n, 'expression'), ctx), type, args };
}
