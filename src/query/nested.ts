/**
 * Whether a SELECT holds a nested query (subquery, EXISTS, IN (SELECT …), derived table) or a WITH clause. Such a
 * statement is planned through query.ts and its plan is never kept (plan-cache.ts binds only catalog tables). The
 * answer is a function of the AST, kept per AST node: the parse cache hands back the same AST for the same text.
 */
import type { SelectStatement } from '../../grammar/ast.js';

const NESTED_KINDS: ReadonlySet<unknown> = new Set(['Subquery', 'Exists', 'InSubquery', 'Derived']);

const known = new WeakMap<SelectStatement, boolean>();

export function hasNestedQuery(stmt: SelectStatement): boolean {
  let answer = known.get(stmt);
  if (answer === undefined) {
    answer = stmt.with !== undefined || holdsNested(stmt);
    known.set(stmt, answer);
  }
  return answer;
}

function holdsNested(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(holdsNested);
  const o = node as Record<string, unknown>;
  if (NESTED_KINDS.has(o.kind)) return true;
  for (const key in o) if (holdsNested(o[key])) return true;
  return false;
}
