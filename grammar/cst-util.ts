/**
 * Small readers over chevrotain's CST for cst-to-ast: children by key, names, string and identifier unquoting,
 * and the error a visitor raises when the CST is well-formed but the statement is not (e.g. `a.b.c.d`).
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { QueryExpression } from './ast.js';

type Children = Record<string, CstElement[] | undefined>;

/** The per-statement context of the AST builder. */
export interface BuildContext {
  /** The statement's source text: CST offsets index into it. */
  readonly text: string;
  /** The next `?` number. */
  nextParameter: number;
  /** Builds a `subquery` or `queryExpression` node (injected: the query builder imports the expression builder). */
  readonly query: (n: CstNode, ctx: BuildContext) => QueryExpression;
}

/** Thrown by the builder for a syntax error the grammar lets through; caught and turned into a 1064 value. */
export class BuildError extends Error {
  constructor(readonly token: IToken) {
    super(`syntax error near ${token.image}`);
  }
}

export function nodes(n: CstNode, key: string): CstNode[] {
  return ((n.children as Children)[key] ?? []) as CstNode[];
}

export function tokens(n: CstNode, key: string): IToken[] {
  return ((n.children as Children)[key] ?? []) as IToken[];
}

export function node(n: CstNode, key: string): CstNode | undefined {
  return (n.children as Children)[key]?.[0] as CstNode | undefined;
}

export function token(n: CstNode, key: string): IToken | undefined {
  return (n.children as Children)[key]?.[0] as IToken | undefined;
}

export function has(n: CstNode, key: string): boolean {
  return (n.children as Children)[key] !== undefined;
}

/** The node or, if the grammar guarantees it, an internal error (never reached on any input). */
export function need(n: CstNode, key: string): CstNode {
  const child = node(n, key);
  if (child === undefined) throw new Error(`CST node ${n.name} has no ${key}`);
  return child;
}

export function needToken(n: CstNode, key: string): IToken {
  const child = token(n, key);
  if (child === undefined) throw new Error(`CST node ${n.name} has no token ${key}`);
  return child;
}

/** The first token of a node that holds exactly one (name, tenantName, …). */
export function onlyToken(n: CstNode | IToken): IToken {
  if ('image' in n) return n;
  for (const key in n.children) {
    const first = (n.children as Children)[key]?.[0];
    if (first !== undefined) return 'image' in first ? first : onlyToken(first);
  }
  throw new Error(`CST node ${n.name} is empty`);
}

/** The text of an identifier token: back-quotes removed, doubled back-quotes undone; words keep their spelling. */
export function identifierText(t: IToken): string {
  const image = t.image;
  return image.charCodeAt(0) === 96 ? image.slice(1, -1).replace(/``/g, '`') : image;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
  // MySQL keeps the backslash before % and _ so that LIKE patterns can match them literally.
  '%': '\\%',
  _: '\\_',
};

const BACKSLASH = 0x5c;
/** ESCAPES by the escaped character's code, as UTF-16 units. */
const ESCAPE_UNITS: readonly (readonly number[] | undefined)[] = Array.from({ length: 128 }, (_, code) => {
  const escaped = ESCAPES[String.fromCharCode(code)];
  return escaped === undefined ? undefined : Array.from(escaped, (ch) => ch.charCodeAt(0));
});
/** UTF-16 units per String.fromCharCode call: well under any engine's argument limit. */
const DECODE_CHUNK = 8192;

/** The value of a quoted string: backslash escapes and doubled quotes undone, as MySQL's lexer does. */
export function stringValue(image: string): string {
  const body = image.slice(1, -1);
  if (body.indexOf('\\') < 0 && body.indexOf(image.charAt(0)) < 0) return body;
  const quote = image.charCodeAt(0);
  // Into UTF-16 units, decoded in chunks at the end: adding a character at a time to a string made a 10 MB
  // literal of escapes take seconds. An escape never yields more units than it spans, so the body's length is room.
  const out = new Uint16Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < body.length) {
      const next = body.charCodeAt(++i);
      const escaped = next < 128 ? ESCAPE_UNITS[next] : undefined;
      if (escaped === undefined) out[n++] = next;
      else for (let k = 0; k < escaped.length; k++) out[n++] = escaped[k] as number;
    } else {
      out[n++] = c;
      if (c === quote) i += 1; // a doubled quote stands for one
    }
  }
  let value = '';
  for (let at = 0; at < n; at += DECODE_CHUNK) value += String.fromCharCode.apply(null, out.subarray(at, Math.min(n, at + DECODE_CHUNK)) as unknown as number[]);
  return value;
}

/** The text of a name: a Name token, or a node holding one. */
export function nameText(n: CstElement): string {
  return identifierText('image' in n ? n : onlyToken(n));
}

/** A string token's value. */
export function stringText(t: IToken): string {
  return stringValue(t.image);
}

/** A CST node whose source span the parser recorded while parsing (see the `selectItem` rule). */
interface SpannedNode extends CstNode {
  textStart?: number;
  textEnd?: number;
}

/** Records the source span of `n`, from `start` to the end of `last`, the last token it consumed. */
export function recordSpan(n: CstNode, start: number, last: IToken): void {
  const spanned = n as SpannedNode;
  spanned.textStart = start;
  spanned.textEnd = last.startOffset + last.image.length;
}

/** The exact source text of a node the parser recorded a span for (comments inside kept). */
export function sourceOf(n: CstNode, ctx: BuildContext): string {
  const { textStart, textEnd } = n as SpannedNode;
  if (textStart === undefined || textEnd === undefined) throw new Error(`CST node ${n.name} has no recorded span`);
  return ctx.text.slice(textStart, textEnd);
}
