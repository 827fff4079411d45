/**
 * Runs a scenario file against a target and checks every record, or, with `rewrite`, replaces the expected blocks
 * with what the target returned (sqllogictest's --override) and writes the file back through the printer.
 * Records run in order on named connections to the file's own cluster; a failed record is reported with the file
 * and line and the run goes on, as sqllogictest does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { DEFAULT_SEED, DEFAULT_START_TIME, isRecord, type RunMode, type ScenarioFile, type ScenarioItem, type ScenarioRecord } from './model.js';
import { isSyntaxError, parseScenario } from './parse.js';
import { printScenario } from './print.js';
import { checkRecord, type Check } from './check.js';
import type { Login, Outcome, Target, TargetConnection, TargetFactory } from './target.js';

export interface RecordFailure {
  readonly path: string;
  readonly line: number;
  /** Where an included part was spliced in, outermost first. */
  readonly includedFrom: readonly { readonly path: string; readonly line: number }[];
  readonly message: string;
}

export interface ScenarioReport {
  readonly path: string;
  readonly mode: RunMode;
  readonly records: number;
  readonly passed: number;
  readonly skipped: number;
  readonly failures: readonly RecordFailure[];
  /** Records whose expected block a rewrite replaced. */
  readonly rewritten: number;
}

export interface RunOptions {
  /** The cluster the file's connections use; default: one derived from the path. */
  readonly cluster?: string;
  /** Replace expected blocks with the actual results and write the file (engine runs only). */
  readonly rewrite?: boolean;
  /** Sees the outcome of every statement and query record (the docs generator reads column names from it). */
  readonly onOutcome?: (path: string, line: number, outcome: Outcome) => void;
}

export function formatFailure(f: RecordFailure): string {
  const from = f.includedFrom.map((s) => `\n  (included from ${s.path}:${s.line})`).join('');
  return `${f.path}:${f.line}: ${f.message}${from}`;
}

/** A cluster name from a path: letters, digits and underscores, so every login form accepts it. */
export function clusterNameOf(path: string): string {
  return `slt_${path.replace(/\.slt$/, '').replace(/[^A-Za-z0-9]+/g, '_')}`;
}

export async function runScenarioFile(path: string, targets: TargetFactory, options: RunOptions = {}): Promise<ScenarioReport> {
  const parsed = parseScenario(await readFile(path, 'utf8'), path);
  if (isSyntaxError(parsed)) {
    const failure = { path, line: parsed.line, includedFrom: [], message: `syntax: ${parsed.message}` };
    return { path, mode: 'engine', records: 0, passed: 0, skipped: 0, failures: [failure], rewritten: 0 };
  }
  const target = await targets({ seed: parsed.header.seed ?? DEFAULT_SEED, startTime: parsed.header.startTime ?? DEFAULT_START_TIME });
  // Named after the header's `# name:` when there is one, so the cluster (which SHOW EMULATOR STATUS prints) is the
  // same whatever path the runner was given.
  const cluster = options.cluster ?? clusterNameOf(parsed.header.name ?? path);
  const run = new Run(target, cluster, options.rewrite === true && target.mode === 'engine', options.onOutcome);
  try {
    await run.items(parsed, []);
  } finally {
    await run.closeAll();
  }
  let rewritten = 0;
  if (run.rewriteAllowed) {
    // Included parts are rewritten too: a part shared by several files must give the same rows in each.
    for (const [file, replacements] of run.replacements) {
      const items = file.items.map((item) => replacements.get(item) ?? item);
      rewritten += replacements.size;
      await writeFile(file.path, printScenario({ ...file, items }));
    }
  }
  const { records, passed, skipped, failures } = run;
  return { path, mode: target.mode, records, passed, skipped, failures, rewritten };
}

type Frame = { readonly path: string; readonly line: number };

class Run {
  records = 0;
  passed = 0;
  skipped = 0;
  readonly failures: RecordFailure[] = [];
  readonly replacements = new Map<ScenarioFile, Map<ScenarioItem, ScenarioRecord>>();
  readonly #connections = new Map<string, { login: Login; conn: TargetConnection | null }>();
  #current = 'sys';

  constructor(
    readonly target: Target,
    readonly cluster: string,
    readonly rewriteAllowed: boolean,
    readonly onOutcome: RunOptions['onOutcome'],
  ) {}

  async items(file: ScenarioFile, stack: readonly Frame[]): Promise<void> {
    for (const item of file.items) {
      if (!isRecord(item)) continue;
      if (!item.conditions.every((c) => (c.kind === 'onlyif') === (c.mode === this.target.mode))) {
        this.skipped++;
        continue;
      }
      if (item.kind === 'include') {
        await this.include(file, item.path, [...stack, { path: file.path, line: item.line }]);
        continue;
      }
      this.records++;
      const fail = (message: string): void => void this.failures.push({ path: file.path, line: item.line, includedFrom: stack, message });
      const check = await this.record(item, file.path);
      if (check.ok) this.passed++;
      else if (check.replacement !== null && this.rewriteAllowed) this.replace(file, item, check.replacement);
      else fail(check.message);
    }
  }

  replace(file: ScenarioFile, item: ScenarioItem, replacement: ScenarioRecord): void {
    let forFile = this.replacements.get(file);
    if (forFile === undefined) this.replacements.set(file, (forFile = new Map()));
    forFile.set(item, replacement);
  }

  async include(from: ScenarioFile, relative: string, stack: readonly Frame[]): Promise<void> {
    const path = isAbsolute(relative) ? relative : join(dirname(from.path), relative);
    const here = stack[stack.length - 1] as Frame;
    const fail = (message: string): void =>
      void this.failures.push({ path: here.path, line: here.line, includedFrom: stack.slice(0, -1), message });
    if (stack.some((f) => f.path === path)) return fail(`include cycle through ${path}`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return fail(`cannot read included file ${path}`);
    }
    const part = parseScenario(text, path);
    if (isSyntaxError(part)) {
      this.failures.push({ path, line: part.line, includedFrom: stack, message: `syntax: ${part.message}` });
      return;
    }
    await this.items(part, stack);
  }

  async record(item: Exclude<ScenarioRecord, { kind: 'include' }>, path: string): Promise<Check> {
    switch (item.kind) {
      case 'connection': {
        if (item.login !== null) {
          await this.#connections.get(item.name)?.conn?.close();
          this.#connections.set(item.name, { login: loginOf(item.login), conn: null });
        }
        this.#current = item.name;
        const opened = await this.connection();
        return 'kind' in opened ? failed(`cannot connect: ERROR ${opened.errno} (${opened.sqlState}): ${opened.message}`) : { ok: true };
      }
      case 'clock':
        return this.control(`ALTER EMULATOR ADVANCE TIME ${item.amount} ${item.unit}`);
      case 'write':
        return this.control(`ALTER EMULATOR WRITE ${item.macroblocks} MACROBLOCKS${item.tenant === null ? '' : ` TENANT = ${item.tenant}`}`);
      case 'statement':
      case 'query': {
        const outcome = await this.sql(item.sql.join('\n'));
        this.onOutcome?.(path, item.line, outcome);
        return checkRecord(item, outcome);
      }
    }
  }

  async control(sql: string): Promise<Check> {
    const outcome = await this.sql(sql);
    return outcome.kind === 'error' ? failed(`${sql} failed: ERROR ${outcome.errno} (${outcome.sqlState}): ${outcome.message}`) : { ok: true };
  }

  async sql(sql: string): Promise<Outcome> {
    const conn = await this.connection();
    return 'kind' in conn ? conn : conn.run(sql);
  }

  /** The current connection, opened on first use (a name never given a login is root in the tenant of that name). */
  async connection(): Promise<TargetConnection | Extract<Outcome, { kind: 'error' }>> {
    let entry = this.#connections.get(this.#current);
    if (entry === undefined) {
      entry = { login: { user: 'root', tenant: this.#current }, conn: null };
      this.#connections.set(this.#current, entry);
    }
    if (entry.conn !== null) return entry.conn;
    const opened = await this.target.connect(entry.login, this.cluster);
    if (!('kind' in opened)) entry.conn = opened;
    return opened;
  }

  async closeAll(): Promise<void> {
    for (const entry of this.#connections.values()) await entry.conn?.close();
  }
}

function loginOf(text: string): Login {
  const at = text.indexOf('@');
  return at < 0 ? { user: text, tenant: 'sys' } : { user: text.slice(0, at), tenant: text.slice(at + 1) };
}

function failed(message: string): Check {
  return { ok: false, message, replacement: null };
}
