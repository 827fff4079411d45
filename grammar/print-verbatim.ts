/**
 * Whether a select item's source text still means its expression. The printer keeps that text (MySQL labels an
 * unaliased column with it) only when it does; a hand-built AST whose text disagrees gets canonical SQL instead.
 */
import type { Expr } from './ast.js';
import { buildStatement } from './cst-to-ast.js';
import { parseTokens } from './parser.js';
import { tokenize } from './tokens.js';

/** Deep equality that ignores `?` numbers: the text is re-read alone, so its placeholders count from 0. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  if (ra.kind === 'Parameter' && rb.kind === 'Parameter') return true;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same(ra[k], rb[k]));
}

export function sameExpr(text: string, expr: Expr): boolean {
  if (text.length === 0 || text.length > 10_000) return false;
  const source = `SELECT ${text}`;
  const lexed = tokenize(source);
  if (lexed.errorAt !== null) return false;
  try {
    const { cst, errors } = parseTokens(lexed.tokens);
    if (cst === undefined || errors.length > 0) return false;
    const stmt = buildStatement(cst, source);
    if (stmt.kind !== 'Select' || stmt.items.length !== 1) return false;
    const item = stmt.items[0];
    return item?.kind === 'ExprItem' && item.alias === undefined && same(item.expr, expr);
  } catch {
    return false;
  }
}
