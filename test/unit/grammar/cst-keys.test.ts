/**
 * The parser gives CST nodes plain-object `children` (faster than chevrotain's null-prototype ones), which is only
 * sound while no key a child can be filed under (a rule name, a token name, a LABEL) is also a property of
 * Object.prototype: `children.constructor` would otherwise read as a present child.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IProduction, TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { ObSqlParser, getParser } from '../../../grammar/parser.js';

/** Every key a CST node of the grammar can hold: each terminal's and non-terminal's label or name. */
function cstKeys(parser: ObSqlParser): Set<string> {
  const keys = new Set<string>();
  const walk = (productions: readonly IProduction[]): void => {
    for (const p of productions) {
      const named = p as IProduction & { label?: string; nonTerminalName?: string; terminalType?: TokenType; definition?: IProduction[] };
      if (named.terminalType !== undefined) keys.add(named.label ?? named.terminalType.name);
      // A non-terminal's definition is the rule it calls, walked as a rule of its own.
      if (named.nonTerminalName !== undefined) keys.add(named.label ?? named.nonTerminalName);
      else if (named.definition !== undefined) walk(named.definition);
    }
  };
  for (const rule of Object.values(parser.getGAstProductions())) walk(rule.definition);
  return keys;
}

describe('CST child keys', () => {
  it('are many, and none is a property of Object.prototype', () => {
    const keys = cstKeys(new ObSqlParser('validate'));
    expect(keys.size).toBeGreaterThan(150);
    expect(keys).toContain('expression');
    expect(keys).toContain('where');
    expect([...keys].filter((k) => k in Object.prototype)).toEqual([]);
  });

  it('hold what was parsed and nothing inherited', () => {
    const parser = getParser();
    parser.input = [];
    const cst = parser.rules.statement.call(parser);
    expect(cst === undefined || Object.keys(cst.children).length === 0).toBe(true);
  });
});

/**
 * Every key the AST builders read by name, with the files reading it: the cst-util readers' second argument
 * (`node(n, 'where')`), `children.x`, and the cases of cst-to-ast's switch over the statement's child.
 */
function keysBuildersRead(): Map<string, Set<string>> {
  const dir = join(import.meta.dirname, '..', '..', '..', 'grammar');
  const reads = new Map<string, Set<string>>();
  const reader = /\b(?:nodes|tokens|node|token|has|need|needToken|pick)\(\s*(?:[A-Za-z_.]+\s*,\s*)?'([A-Za-z_]+)'|children\.([A-Za-z_]+)/g;
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts') || !/(^|\/)(ast-|cst-to-ast|build)/.test(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const found = [...text.matchAll(reader)].map((m) => m[1] ?? m[2]);
    if (file.endsWith('cst-to-ast.ts')) found.push(...[...text.matchAll(/case '([A-Za-z_]+)':/g)].map((m) => m[1]));
    for (const key of found) if (key !== undefined) reads.set(key, (reads.get(key) ?? new Set()).add(file));
  }
  return reads;
}

describe('the keys the AST builders read', () => {
  it('each name a child the grammar can produce (a renamed rule, token or LABEL cannot silently read as absent)', () => {
    const keys = cstKeys(new ObSqlParser('validate'));
    const reads = keysBuildersRead();
    expect(reads.size).toBeGreaterThan(150);
    const unknown = [...reads].filter(([key]) => !keys.has(key));
    expect(unknown.map(([key, files]) => `${key} (${[...files].join(', ')})`)).toEqual([]);
  });
});
