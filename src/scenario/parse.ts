/**
 * Reads a scenario file (STYLE.md §G) into items. Records are separated by blank lines; `#` lines are the header
 * or narration. A block may hold one-line directives (connection, clock advance, write macroblocks, include)
 * followed by at most one statement or query, which runs to the end of the block. Malformed input gives a
 * ScenarioSyntaxError value naming the file and line, never an exception.
 */
import { OB_ERRORS } from '../errors.js';
import type {
  ClockRecord,
  Condition,
  ConnectionRecord,
  ErrorExpectation,
  IncludeRecord,
  QueryRecord,
  ScenarioFile,
  ScenarioHeader,
  ScenarioItem,
  StatementRecord,
  WriteRecord,
} from './model.js';

export interface ScenarioSyntaxError {
  readonly kind: 'ScenarioSyntaxError';
  readonly path: string;
  readonly line: number;
  readonly message: string;
}

export function isSyntaxError(x: ScenarioFile | ScenarioSyntaxError): x is ScenarioSyntaxError {
  return 'kind' in x && x.kind === 'ScenarioSyntaxError';
}

class Fail {
  constructor(
    readonly line: number,
    readonly message: string,
  ) {}
}

const UNITS: Readonly<Record<string, ClockRecord['unit']>> = { s: 'SECONDS', m: 'MINUTES', h: 'HOURS', d: 'DAYS' };

export function parseScenario(text: string, path: string): ScenarioFile | ScenarioSyntaxError {
  if (text.includes('\r')) return { kind: 'ScenarioSyntaxError', path, line: 1, message: 'carriage return in file: use LF line ends' };
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  if (text === '') lines.length = 0;
  try {
    const items = parseLines(lines);
    return { path, items, header: headerOf(items), finalNewline };
  } catch (e) {
    if (e instanceof Fail) return { kind: 'ScenarioSyntaxError', path, line: e.line, message: e.message };
    throw e;
  }
}

function parseLines(lines: readonly string[]): ScenarioItem[] {
  const items: ScenarioItem[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i] as string;
    if (text === '') {
      items.push({ kind: 'blank', line: i + 1 });
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end] !== '') end++;
    items.push(...parseBlock(lines, i, end));
    i = end;
  }
  return items;
}

/** One block: lines [start, end), none blank. */
function parseBlock(lines: readonly string[], start: number, end: number): ScenarioItem[] {
  const items: ScenarioItem[] = [];
  let conditions: Condition[] = [];
  for (let i = start; i < end; i++) {
    const text = lines[i] as string;
    const line = i + 1;
    if (text.startsWith('#')) {
      if (conditions.length > 0) throw new Fail(line, 'a comment cannot sit between skipif/onlyif and its record');
      items.push({ kind: 'comment', line, text });
      continue;
    }
    const words = text.trim().split(/\s+/);
    const [head] = words;
    if (text !== text.trimStart()) throw new Fail(line, `unexpected indented line '${text}' (SQL belongs after statement or query)`);
    if (head === 'skipif' || head === 'onlyif') {
      conditions.push(condition(words, text, line));
      continue;
    }
    if (head === 'statement' || head === 'query') {
      const body = lines.slice(i + 1, end);
      items.push(head === 'statement' ? statement(words, text, line, conditions, body) : query(words, text, line, conditions, body));
      return items;
    }
    items.push(oneLine(words, text, line, conditions));
    conditions = [];
  }
  if (conditions.length > 0) throw new Fail(end, 'skipif/onlyif without a record');
  return items;
}

function condition(words: readonly string[], text: string, line: number): Condition {
  const [kind, mode, extra] = words;
  if ((mode !== 'wire' && mode !== 'engine') || extra !== undefined) throw new Fail(line, `expected '${kind} wire' or '${kind} engine'`);
  return { kind: kind as Condition['kind'], mode, text };
}

function oneLine(words: readonly string[], directive: string, line: number, conditions: readonly Condition[]) {
  const [head, a, b, c, d] = words;
  const base = { line, conditions, directive };
  if (head === 'clock') {
    const m = /^(\d+)([smhd])$/.exec(b ?? '');
    if (a !== 'advance' || m === null || c !== undefined) throw new Fail(line, "expected 'clock advance <n><s|m|h|d>', e.g. 'clock advance 10m'");
    return { ...base, kind: 'clock', amount: Number(m[1]), unit: UNITS[m[2] as string] } as ClockRecord;
  }
  if (head === 'connection') {
    const ok = a !== undefined && /^\w+$/.test(a) && ((b === undefined && c === undefined) || (b === 'as' && c !== undefined && d === undefined));
    if (!ok) throw new Fail(line, "expected 'connection <name>' or 'connection <name> as <user>[@<tenant>]'");
    if (c !== undefined && !/^[^@#:\s]+(@[^@#:\s]+)?$/.test(c)) throw new Fail(line, `login '${c}' must be user or user@tenant (the runner picks the cluster)`);
    return { ...base, kind: 'connection', name: a, login: c ?? null } as ConnectionRecord;
  }
  if (head === 'write') {
    const ok = a === 'macroblocks' && b !== undefined && /^\d+$/.test(b) && d === undefined;
    if (!ok) throw new Fail(line, "expected 'write macroblocks <n> [tenant]'");
    return { ...base, kind: 'write', macroblocks: Number(b), tenant: c ?? null } as WriteRecord;
  }
  if (head === 'include') {
    if (a === undefined || b !== undefined || !a.endsWith('.slt.part')) throw new Fail(line, "expected 'include <file.slt.part>'");
    return { ...base, kind: 'include', path: a } as IncludeRecord;
  }
  throw new Fail(line, `unknown directive '${head}' (statement, query, clock, connection, write, include, skipif, onlyif, or # for narration)`);
}

function statement(words: readonly string[], directive: string, line: number, conditions: readonly Condition[], body: readonly string[]): StatementRecord {
  const [, what, ...rest] = words;
  let expect: StatementRecord['expect'];
  if (what === 'ok' && rest.length === 0) expect = { kind: 'ok' };
  else if (what === 'error') expect = { kind: 'error', error: errorExpectation(directive, line) };
  else throw new Fail(line, "expected 'statement ok' or 'statement error [<regex> | (<ERR_NAME>)]'");
  const sep = body.indexOf('----');
  const sql = sep < 0 ? body : body.slice(0, sep);
  if (sql.length === 0) throw new Fail(line, 'statement without SQL');
  let message: string | null = null;
  if (sep >= 0) {
    if (expect.kind === 'ok') throw new Fail(line + 1 + sep, "'statement ok' has no expected block");
    const after = body.slice(sep + 1);
    if (after.length !== 1) throw new Fail(line + 1 + sep, "'----' after 'statement error' is followed by exactly one line: the message");
    message = after[0] as string;
  }
  return { kind: 'statement', line, conditions, directive, expect, sql, message };
}

function errorExpectation(directive: string, line: number): ErrorExpectation {
  const rest = directive.replace(/^statement\s+error\s*/, '');
  if (rest === '') return { kind: 'any' };
  const named = /^\((\w+)\)$/.exec(rest);
  if (named) {
    const name = named[1] as string;
    if (!(name in OB_ERRORS)) throw new Fail(line, `unknown error name ${name} (see src/errors.ts)`);
    return { kind: 'name', name };
  }
  try {
    new RegExp(rest);
  } catch {
    throw new Fail(line, `invalid regular expression '${rest}'`);
  }
  return { kind: 'pattern', pattern: rest };
}

function query(words: readonly string[], directive: string, line: number, conditions: readonly Condition[], body: readonly string[]): QueryRecord {
  const [, types, sort, extra] = words;
  if (types === undefined || !/^[ITR]+$/.test(types)) throw new Fail(line, "expected 'query <I|T|R…> [nosort|rowsort]'");
  if ((sort !== undefined && sort !== 'nosort' && sort !== 'rowsort') || extra !== undefined) {
    throw new Fail(line, `unknown sort mode '${sort}' (nosort or rowsort)`);
  }
  const sep = body.indexOf('----');
  const sql = sep < 0 ? body : body.slice(0, sep);
  if (sql.length === 0) throw new Fail(line, 'query without SQL');
  const rows = sep < 0 ? [] : body.slice(sep + 1);
  return { kind: 'query', line, conditions, directive, types, sort: sort ?? 'nosort', sql, separator: sep >= 0, rows };
}

const HEADER_KEYS = ['name', 'description', 'teaches', 'seed', 'start-time'] as const;

/** The `# key: value` lines at the top of the file (before the first blank line). */
function headerOf(items: readonly ScenarioItem[]): ScenarioHeader {
  const values = new Map<string, { value: string; line: number }>();
  for (const item of items) {
    if (item.kind !== 'comment') break;
    const m = /^# ([a-z-]+): (.*)$/.exec(item.text);
    if (m && (HEADER_KEYS as readonly string[]).includes(m[1] as string)) {
      if (values.has(m[1] as string)) throw new Fail(item.line, `header '${m[1]}' given twice`);
      values.set(m[1] as string, { value: (m[2] as string).trim(), line: item.line });
    }
  }
  const seed = values.get('seed');
  if (seed !== undefined && !/^\d+$/.test(seed.value)) throw new Fail(seed.line, `seed must be a non-negative integer, not '${seed.value}'`);
  const start = values.get('start-time');
  if (start !== undefined && Number.isNaN(Date.parse(start.value))) throw new Fail(start.line, `start-time must be an ISO time, not '${start.value}'`);
  return {
    name: values.get('name')?.value ?? null,
    description: values.get('description')?.value ?? null,
    teaches: values.get('teaches')?.value ?? null,
    seed: seed === undefined ? null : Number(seed.value),
    startTime: start?.value ?? null,
  };
}
