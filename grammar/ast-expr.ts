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

/** Precedence of comparisons and of IS, IN, LIKE and BETWEEN; NOT (4) negates them, AND (3) joins NOTs. */
const PREDICATE_PRECEDENCE = 5;

/**
 * One `exprTail`: a binary operator with its right operand (and that operand's NOTs), or a predicate applied to
 * what precedes it. Every part is built when the step is, so `?` parameters are numbered in source order.
 */
interface Step {
  readonly prec: number;
  readonly op: BinaryOp | null;
  readonly nots: number;
  readonly right: Expr | null;
  readonly predicate: ((e: Expr) => Expr) | null;
}

function buildStep(t: CstNode, ctx: BuildContext): Step {
  const c = t.children;
  const logical = c.LogicalOperator?.[0] as IToken | undefined;
  if (logical !== undefined) {
    const entry = LOGICAL[logical.image.toUpperCase()];
    if (entry === undefined) throw new BuildError(logical);
    const nots = c.NOT?.length ?? 0;
    return { prec: entry[1], op: entry[0], nots, right: buildBitExpr(need(t, 'bitExpr'), ctx), predicate: null };
  }
  const cmp = c.ComparisonOperator?.[0] as IToken | undefined;
  if (cmp !== undefined) {
    const op = COMPARISON[cmp.image] ?? '=';
    return { prec: PREDICATE_PRECEDENCE, op, nots: 0, right: buildBitExpr(need(t, 'bitExpr'), ctx), predicate: null };
  }
  return { prec: PREDICATE_PRECEDENCE, op: null, nots: 0, right: null, predicate: buildPredicate(t, ctx) };
}

function buildPredicate(t: CstNode, ctx: BuildContext): (e: Expr) => Expr {
  const not = has(t, 'NOT');
  if (has(t, 'IS')) {
    if (has(t, 'NULL') || has(t, 'UNKNOWN')) return (e) => ({ kind: 'IsNull', expr: e, not });
    const value = has(t, 'TRUE');
    return (e) => ({ kind: 'IsBool', expr: e, value, not });
  }
  if (has(t, 'IN')) {
    const sub = node(t, 'subquery');
    if (sub !== undefined) {
      const query = ctx.query(sub, ctx);
      return (e) => ({ kind: 'InSubquery', expr: e, query, not });
    }
    const list = nodes(t, 'expression').map((x) => buildExpression(x, ctx));
    return (e) => ({ kind: 'In', expr: e, list, not });
  }
  if (has(t, 'LIKE')) {
    const pattern = buildBitExpr(need(t, 'pattern'), ctx);
    const esc = node(t, 'escape');
    if (esc === undefined) return (e) => ({ kind: 'Like', expr: e, pattern, not });
    const escape = buildBitExpr(esc, ctx);
    return (e) => ({ kind: 'Like', expr: e, pattern, escape, not });
  }
  const low = buildBitExpr(need(t, 'low'), ctx);
  const high = buildBitExpr(need(t, 'high'), ctx);
  return (e) => ({ kind: 'Between', expr: e, low, high, not });
}

/** Precedence climbing over the first operand and the steps; NOT covers what binds tighter than it. */
function foldSteps(first: Expr, firstNots: number, steps: readonly Step[]): Expr {
  let pos = 0;
  const climbFrom = (start: Expr, minPrec: number): Expr => {
    let left = start;
    while (pos < steps.length) {
      const step = steps[pos] as Step;
      if (step.prec < minPrec) break;
      pos += 1;
      if (step.predicate !== null) left = step.predicate(left);
      else left = { kind: 'Binary', op: step.op as BinaryOp, left, right: climbFrom(negated(step.right as Expr, step.nots), step.prec + 1) };
    }
    return left;
  };
  const negated = (operand: Expr, nots: number): Expr => {
    if (nots === 0) return operand;
    let e = climbFrom(operand, PREDICATE_PRECEDENCE);
    for (let k = 0; k < nots; k++) e = { kind: 'Unary', op: 'NOT', operand: e };
    return e;
  };
  return climbFrom(negated(first, firstNots), 0);
}

export function buildExpression(n: CstNode, ctx: BuildContext): Expr {
  const c = n.children;
  const first = buildBitExpr(need(n, 'bitExpr'), ctx);
  const nots = c.NOT?.length ?? 0;
  const tails = c.exprTail as CstNode[] | undefined;
  if (tails === undefined && nots === 0) return first;
  const steps = tails === undefined ? [] : tails.map((t) => buildStep(t, ctx));
  return foldSteps(first, nots, steps);
}

/** Operands with their prefix operators: the prefixes of operand i lie between arithmetic operators i-1 and i. */
export function buildBitExpr(n: CstNode, ctx: BuildContext): Expr {
  const c = n.children;
  const primaries = c.primary as CstNode[];
  const ops = c.ArithOperator as IToken[] | undefined;
  const prefixes = c.PrefixOperator as IToken[] | undefined;
  if (ops === undefined && prefixes === undefined) return buildPrimary(primaries[0] as CstNode, ctx);
  const operands: Expr[] = [];
  let p = 0;
  for (let i = 0; i < primaries.length; i++) {
    let e = buildPrimary(primaries[i] as CstNode, ctx);
    if (prefixes !== undefined) {
      const limit = ops !== undefined && i < ops.length ? (ops[i] as IToken).startOffset : Infinity;
      let q = p;
      while (q < prefixes.length && (prefixes[q] as IToken).startOffset < limit) q += 1;
      for (let k = q - 1; k >= p; k--) e = { kind: 'Unary', op: (prefixes[k] as IToken).image as UnaryOp, operand: e };
      p = q;
    }
    operands.push(e);
  }
  return ops === undefined ? (operands[0] as Expr) : fold(operands, ops, ARITH);
}

function buildPrimary(n: CstNode, ctx: BuildContext): Expr {
  const c = n.children;
  const name = c.Name as IToken[] | undefined;
  const args = c.callArgs?.[0] as CstNode | undefined;
  if (name !== undefined) return args === undefined ? buildColumnRef(name, c.Dot as IToken[] | undefined) : buildFunctionCall(name[0] as IToken, args, ctx);
  if (args !== undefined) return buildFunctionCall(onlyToken(n), args, ctx);
  const sub = c.expression?.[0] as CstNode | undefined;
  if (sub !== undefined) return buildExpression(sub, ctx);
  const query = c.subquery?.[0] as CstNode | undefined;
  if (query !== undefined) return { kind: 'Subquery', query: ctx.query(query, ctx) };
  const exists = c.exists?.[0] as CstNode | undefined;
  if (exists !== undefined) return { kind: 'Exists', query: ctx.query(exists, ctx) };
  const caseNode = c.caseExpr?.[0] as CstNode | undefined;
  if (caseNode !== undefined) return buildCase(caseNode, ctx);
  const cast = c.castExpr?.[0] as CstNode | undefined;
  if (cast !== undefined) return buildCast(cast, ctx);
  const interval = c.intervalExpr?.[0] as CstNode | undefined;
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

function buildFunctionCall(nameToken: IToken, n: CstNode, ctx: BuildContext): Expr {
  const name = identifierText(nameToken);
  const args = nodes(n, 'expression').map((x) => buildExpression(x, ctx));
  return { kind: 'FunctionCall', name, args, star: has(n, 'Star'), distinct: has(n, 'DISTINCT') };
}

/** `col`, `table.col`, `schema.table.col`; a fourth part is a syntax error at its dot. */
function buildColumnRef(names: readonly IToken[], dots: readonly IToken[] | undefined): Expr {
  const [a, b, c] = names;
  if (names.length > 3) throw new BuildError(dots?.[2] as IToken);
  if (c !== undefined) return { kind: 'ColumnRef', schema: identifierText(a as IToken), table: identifierText(b as IToken), column: identifierText(c) };
  if (b !== undefined) return { kind: 'ColumnRef', table: identifierText(a as IToken), column: identifierText(b) };
  return { kind: 'ColumnRef', column: identifierText(a as IToken) };
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
  const expr = buildExpression(need(n, 'expression'), ctx);
  const charset = token(n, 'charset');
  // Every text is utf8mb4 here, so converting to a character set is a cast to text (binary: to bytes).
  if (charset !== undefined) return { kind: 'Cast', expr, type: identifierText(charset).toLowerCase() === 'binary' ? 'BINARY' : 'CHAR', args: [] };
  const typeNode = need(n, 'castType');
  const type = identifierText(onlyToken(typeNode)).toUpperCase();
  const args = tokens(typeNode, 'IntegerLiteral').map((t) => t.image);
  return { kind: 'Cast', expr, type, args };
}
