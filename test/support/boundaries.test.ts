/**
 * Module boundaries and determinism, enforced by reading every source file's imports (STYLE.md §C, §E).
 *
 * The import direction is one way: text -> AST -> engine -> state -> views -> query -> session -> wire.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir))) {
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface ImportEdge {
  readonly from: string;
  /** A project path without extension (e.g. `src/engine/state`), or a bare package name. */
  readonly to: string;
  readonly typeOnly: boolean;
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const edges: ImportEdge[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(pattern)) {
    const spec = m[3] ?? m[4] ?? '';
    const typeOnly = m[2] !== undefined;
    const to = spec.startsWith('.')
      ? relative(root, resolve(root, dirname(file), spec)).replace(/\.js$/, '').split('\\').join('/')
      : spec;
    edges.push({ from: file, to, typeOnly });
  }
  return edges;
}

/** Which project paths and packages each module may import. A prefix match on the target. */
const rules: readonly { readonly module: string; readonly may: readonly string[]; readonly typeOnly?: readonly string[] }[] = [
  { module: 'grammar/', may: ['chevrotain', 'grammar/'] },
  { module: 'src/errors', may: [] },
  { module: 'src/result', may: [] },
  { module: 'src/sql/', may: ['grammar/', 'src/sql/', 'src/errors', 'src/result'] },
  // node:crypto for SHA-1 only (SET ENCRYPTION's stage-2 hash), a pure function; its random sources are banned below.
  { module: 'src/engine/', may: ['src/engine/', 'src/errors', 'node:crypto'], typeOnly: ['grammar/ast'] },
  { module: 'src/views/', may: ['src/views/', 'src/engine/', 'src/errors', 'src/result'] },
  { module: 'src/query/', may: ['src/query/', 'src/views/', 'src/errors', 'src/result'], typeOnly: ['grammar/ast', 'src/engine/'] },
  {
    module: 'src/session',
    may: ['src/session', 'src/sql/', 'src/engine/', 'src/views/', 'src/query/', 'src/errors', 'src/result', 'grammar/', 'node:'],
  },
  // Files of state that lasts: the engine's state and the session's ports, never the wire or the query layer.
  { module: 'src/persist/', may: ['src/persist/', 'src/engine/', 'src/session', 'src/errors', 'node:'] },
  { module: 'src/wire/', may: ['src/wire/', 'src/session', 'src/errors', 'src/result', 'node:'] },
  { module: 'src/cli/', may: ['src/cli/', 'src/index', 'src/errors', 'src/result', 'grammar/', 'src/sql/', 'src/scenario/', 'node:'] },
  // The scenario runner drives the emulator through its public API only, like any embedding program.
  { module: 'src/scenario/', may: ['src/scenario/', 'src/index', 'src/errors', 'src/result', 'node:'] },
  { module: 'src/index', may: ['src/', 'grammar/', 'node:'] },
];

function allowed(edge: ImportEdge): boolean {
  const rule = rules.find((r) => edge.from.startsWith(r.module));
  if (!rule) return true;
  if (rule.may.some((p) => edge.to.startsWith(p))) return true;
  return edge.typeOnly && (rule.typeOnly ?? []).some((p) => edge.to.startsWith(p));
}

const files = [...sourceFiles('grammar'), ...sourceFiles('src')];

describe('module boundaries', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(3);
    expect(files).toContain('src/errors.ts');
  });

  it('every import follows the allowed direction', () => {
    const bad = files.flatMap(importsOf).filter((e) => !allowed(e));
    expect(bad.map((e) => `${e.from} -> ${e.to}${e.typeOnly ? ' (type)' : ''}`)).toEqual([]);
  });

  it('the checker rejects a forbidden edge (it can fail)', () => {
    expect(allowed({ from: 'src/engine/x.ts', to: 'src/wire/server', typeOnly: false })).toBe(false);
    expect(allowed({ from: 'grammar/parser.ts', to: 'src/errors', typeOnly: false })).toBe(false);
    expect(allowed({ from: 'src/engine/x.ts', to: 'grammar/ast', typeOnly: false })).toBe(false);
    expect(allowed({ from: 'src/engine/x.ts', to: 'grammar/ast', typeOnly: true })).toBe(true);
    expect(allowed({ from: 'src/scenario/run.ts', to: 'src/engine/index', typeOnly: false })).toBe(false);
    expect(allowed({ from: 'src/scenario/run.ts', to: 'src/session/session', typeOnly: true })).toBe(false);
    expect(allowed({ from: 'src/engine/x.ts', to: 'src/persist/snapshot', typeOnly: false })).toBe(false);
    expect(allowed({ from: 'src/session/x.ts', to: 'src/persist/snapshot', typeOnly: false })).toBe(false);
  });
});

/**
 * The import cycles of a graph (type-only edges included: a cycle of types is still two modules that cannot be
 * read apart), each as the modules on it, found by Tarjan's strongly connected components.
 */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('import cycles', () => {
  it('no module of grammar/ or src/ imports itself through others', () => {
    const graph = new Map(files.map((f) => [f.replace(/\.ts$/, ''), importsOf(f).map((e) => e.to)] as const));
    expect(importCycles(graph)).toEqual([]);
  });

  it('the cycle finder finds a cycle (it can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(importCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});

describe('determinism', () => {
  const banned = /\bDate\.now\(|new Date\(\s*\)|\bMath\.random\(|\bsetTimeout\(|\bsetInterval\(|\bperformance\.now\(|\brandom(Bytes|UUID|Int|Fill)\b|\bgetRandomValues\b/;
  it('engine, views and query never read the real clock or an unseeded random source', () => {
    const offenders = files
      .filter((f) => /^src\/(engine|views|query)\//.test(f))
      .flatMap((f) =>
        readFileSync(join(root, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ f, i, line }))
          .filter(({ line }) => banned.test(line) && !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*')),
      )
      .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('the pattern catches what it should (it can fail)', () => {
    expect(banned.test('const t = Date.now();')).toBe(true);
    expect(banned.test('new Date()')).toBe(true);
    expect(banned.test('new Date(Number(x))')).toBe(false);
    expect(banned.test("import { randomBytes } from 'node:crypto';")).toBe(true);
    expect(banned.test("createHash('sha1')")).toBe(false);
  });
});
