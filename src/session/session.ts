/**
 * One client session: a login tenant and user in one emulated cluster, with its own current database, variables,
 * SET ENCRYPTION state and prepared statements. It parses SQL, brings the cluster to the current virtual time and
 * routes each statement to the engine (backup and control statements) or the query evaluator (SELECT, SHOW, DESC,
 * SET), answering with typed results or OceanBase errors. This is what the wire's port and createEmulator use.
 */
import { parseOne } from '../../grammar/index.js';
import type { ParsedStatement, Statement } from '../../grammar/index.js';
import { advanceSpanUs, beginAdvance, type ClusterState } from '../engine/index.js';
import { isObError, obError, type ObError } from '../errors.js';
import type { EvalContext } from '../query/index.js';
import { DEFAULT_VERSION, HandOff, timeoutError, underBudget, type StatementBudget } from '../query/index.js';
import { offsetMinutes } from '../query/time.js';
import { NO_PARAMETERS, type ColumnDef, type ResultSet, type SqlValue } from '../result.js';
import { ParseCache } from '../sql/parse-cache.js';
import { syntaxErrorToObError } from '../sql/parse.js';
import { fromWall } from '../query/dml/index.js';
import { createCatalog, type ViewCatalog } from '../views/index.js';
import { syncEntry, type ClusterEntry, type StatementTrace } from './clusters.js';
import { ADVANCE_SLICE_EVENTS } from './persistence.js';
import { offloadAvailable, offloadSelect, offloadSettings, type OffloadedQuery } from './query-offload.js';
import { OK, type PreparedStatement, type StatementResult } from './port.js';
import { redactSecrets } from './redact.js';
import type { SessionLogin, StatementSession } from './statement-session.js';
import { describeStatement, runStatement } from './statements.js';
import { VariableStore } from './variables.js';
import { SessionTransaction } from './transaction.js';

export type { SessionLogin } from './statement-session.js';

/** A prepared statement: the parsed statement and what an execution returns. */
export interface SessionPrepared extends PreparedStatement {
  readonly statement: ParsedStatement;
}

/** OceanBase 4.2's default ob_query_timeout, in microseconds. */
const DEFAULT_QUERY_TIMEOUT_US = 10_000_000n;
/**
 * The per-statement memory bound, in values held at once (rows × columns of a join's inner side or a result):
 * about 16 million values, a few hundred MB of JavaScript objects, well below what ends a Node process.
 */
export const MAX_STATEMENT_VALUES = 16_000_000;
/** Real milliseconds of slices the wire's path runs before it gives the event loop a turn. */
const YIELD_AFTER_MS = 4;

/**
 * A statement's work: it yields between slices of long work (void: go on after the event loop's turn), or a
 * promise to wait for (a SELECT gone on in a query worker), and returns its result.
 */
type Work<T> = Generator<void | Promise<void>, T>;

function runToEnd<T>(work: Work<T>): T {
  for (;;) {
    const next = work.next();
    if (next.done === true) return next.value;
    // Only the yielding path hands work off (runSliced's `yielding`): a wait here is a broken invariant.
    if (next.value instanceof Promise) throw new Error('a statement waited on the synchronous path');
  }
}

function runYielding<T>(work: Work<T>): T | Promise<T> {
  const first = work.next();
  if (first.done === true) return first.value;
  return (async () => {
    let sliceStart = performance.now();
    let waitFor: void | Promise<void> = first.value;
    for (;;) {
      if (waitFor instanceof Promise) {
        await waitFor;
        sliceStart = performance.now();
      } else if (performance.now() - sliceStart > YIELD_AFTER_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      const next = work.next();
      if (next.done === true) return next.value;
      waitFor = next.value;
    }
  })();
}

/** One cache for every session of the process: a parse reads nothing but the text (see ParseCache). */
const parseCache = new ParseCache();

export class Session implements StatementSession {
  readonly variables = new VariableStore();
  readonly transaction = new SessionTransaction();
  database: string | undefined;
  lastInsertId = 0n;
  #prepared = new Set<SessionPrepared>();
  #cancelled = false;
  /** Ends the SELECT this session has in a query worker, when it has one. */
  #offloaded: (() => void) | undefined;
  /** What evalContext would otherwise convert or concatenate for every statement, kept while its inputs stay. */
  #now = { us: Number.NaN, micros: 0n };
  #who: { readonly login: SessionLogin | undefined; readonly user: string; readonly currentUser: string } = { login: undefined, user: '', currentUser: '' };
  readonly #connectionId: bigint;
  #catalog:
    | {
        readonly state: ClusterState;
        readonly nowUs: number;
        readonly tenantId: number;
        readonly database: string | undefined;
        readonly zone: string | undefined;
        readonly catalog: ViewCatalog;
      }
    | undefined;
  /** The context made for the last statement, handed out again while nothing it holds has changed. */
  #context: EvalContext | undefined;
  /**
   * The last statement text traced and what the trace shows of it: pollers send one text over and over, and
   * redacting it walks every token (as long as the rest of a point SELECT's work). A pure function of the text.
   */
  #redacted: { readonly text: string; readonly shown: string } | undefined;

  constructor(
    readonly entry: ClusterEntry,
    public login: SessionLogin,
    readonly connectionId: number,
  ) {
    this.database = login.database;
    this.#connectionId = BigInt(connectionId);
  }

  /**
   * Runs every statement of a script in order, stopping after the first error (wire.md §10), to completion: the
   * embedded API's path. Each statement still honours ob_query_timeout and KILL QUERY.
   */
  query(sql: string): StatementResult[] {
    return runToEnd(this.script(sql, false));
  }

  /**
   * The same, giving the event loop a turn between slices of long work (ADVANCE TIME over years), so that other
   * connections are answered meanwhile and KILL QUERY or a closed client can cancel it: the wire's path. A script
   * without long work answers synchronously, as before.
   */
  queryYielding(sql: string): StatementResult[] | Promise<StatementResult[]> {
    return runYielding(this.script(sql, true));
  }

  /** KILL QUERY, or the client went away: the running statement ends with OB_TIMEOUT at its next check. */
  cancel(): void {
    this.#cancelled = true;
    this.#offloaded?.();
  }

  private *script(sql: string, yielding: boolean): Work<StatementResult[]> {
    const parsed = parseCache.parse(sql);
    const results: StatementResult[] = [];
    const trace = this.entry.trace;
    // Indexed: the parse cache's arrays are frozen, and for-of over a frozen array is not optimized away.
    for (let i = 0; i < parsed.statements.length; i++) {
      const statement = parsed.statements[i] as ParsedStatement;
      const started = trace === null ? 0 : performance.now();
      const result = yield* this.runSliced(statement.ast, NO_PARAMETERS, yielding);
      if (trace !== null) trace(this.traceRecord(statement.text, result, performance.now() - started));
      results.push(result);
      if (result.kind === 'ObError') return results;
    }
    if (parsed.error !== null) {
      results.push(parsed.error);
      if (trace !== null) trace(this.traceRecord(sql, parsed.error, 0));
    }
    return results;
  }

  private redacted(text: string): string {
    const last = this.#redacted;
    if (last !== undefined && last.text === text) return last.shown;
    const shown = redactSecrets(text);
    this.#redacted = { text, shown };
    return shown;
  }

  private traceRecord(statement: string, result: StatementResult, durationMs: number): StatementTrace {
    return {
      time: new Date(this.entry.cluster.state.nowUs / 1000).toISOString(),
      cluster: this.entry.name,
      tenant: this.login.tenantName,
      session: this.connectionId,
      statement: this.redacted(statement),
      outcome: result.kind === 'ObError' ? 'error' : result.kind,
      ...(result.kind === 'ObError' ? { code: result.errno } : {}),
      durationMs: Math.round(durationMs * 1000) / 1000,
    };
  }

  prepare(sql: string): SessionPrepared | ObError {
    const statement = this.parseOne(sql);
    if (isObError(statement)) return statement;
    const columns = this.describe(statement.ast);
    if (isObError(columns)) return columns;
    const prepared: SessionPrepared = { statement, paramCount: countParameters(statement.ast), columns };
    this.#prepared.add(prepared);
    return prepared;
  }

  /** The one statement of a prepared text; anything but exactly one statement gets parseOne's exact error. */
  private parseOne(sql: string): ParsedStatement | ObError {
    const cached = parseCache.parse(sql);
    const [only] = cached.statements;
    if (cached.error === null && only !== undefined && cached.statements.length === 1) return only;
    const parsed = parseOne(sql);
    return parsed.ok ? parsed.statement : syntaxErrorToObError(parsed.error);
  }

  executePrepared(prepared: SessionPrepared, params: readonly SqlValue[]): StatementResult {
    if (!this.#prepared.has(prepared)) return obError('OB_ERR_UNEXPECTED');
    return this.run(prepared.statement.ast, params);
  }

  /** The same on the wire's path: long work gives the event loop turns, a long SELECT goes on in a worker. */
  executePreparedYielding(prepared: SessionPrepared, params: readonly SqlValue[]): StatementResult | Promise<StatementResult> {
    if (!this.#prepared.has(prepared)) return obError('OB_ERR_UNEXPECTED');
    return runYielding(this.runSliced(prepared.statement.ast, params, true));
  }

  closePrepared(prepared: SessionPrepared): void {
    this.#prepared.delete(prepared);
  }

  /** One statement at the cluster's current virtual time, under its budget (ob_query_timeout, KILL QUERY, memory). */
  run(stmt: Statement, params: readonly SqlValue[]): StatementResult {
    return runToEnd(this.runSliced(stmt, params, false));
  }

  /**
   * One statement; long work (ADVANCE TIME) yields between slices and checks the budget at each. On the yielding
   * path, a SELECT still running after offloadSettings.handOffAfterMs goes on in a query worker (query-offload.ts).
   */
  private *runSliced(stmt: Statement, params: readonly SqlValue[], yielding: boolean): Work<StatementResult> {
    this.#cancelled = false;
    const offloadable = yielding && (stmt.kind === 'Select' || stmt.kind === 'Union') && offloadAvailable();
    const budget = this.budget(offloadable);
    const entry = this.entry;
    let offloaded: OffloadedQuery | undefined;
    // One real instant for the whole statement, and the clock synced once, here: what the journal records and a
    // replay shows again. The engine's own entry sync reads the same pinned instant, so it moves nothing.
    const realUs = entry.clock.pin();
    try {
      syncEntry(entry, realUs);
      if (stmt.kind !== 'EmulatorAdvanceTime') {
        try {
          return underBudget(budget, () => runStatement(this, stmt, params));
        } catch (e) {
          if (!(e instanceof HandOff) || !(stmt.kind === 'Select' || stmt.kind === 'Union')) throw e;
          // The copy of its tables is taken here, at the statement's instant, before anything else can run.
          offloaded = offloadSelect(stmt, this.catalog(), this.evalContext(params), budget, timeoutError(budget.timeoutUs));
        }
      }
    } finally {
      entry.clock.unpin();
    }
    // Only a handed-off SELECT leaves the block above without returning.
    if (stmt.kind !== 'EmulatorAdvanceTime') {
      if (offloaded === undefined) throw new Error('a statement ended without a result');
      return yield* this.awaitOffloaded(offloaded, timeoutError(budget.timeoutUs));
    }
    entry.questions++;
    const span = advanceSpanUs(stmt);
    if (typeof span !== 'number') return span;
    const step = beginAdvance(entry.cluster, span);
    // Each slice is journaled in the order it ran, between other sessions' statements, as it changed the state.
    const a = entry.nextAdvanceId++;
    entry.journal?.append({ k: 'advance', c: entry.name, a, realUs, us: span }, false);
    for (;;) {
      const started = performance.now();
      const reached = step(ADVANCE_SLICE_EVENTS);
      const costMs = performance.now() - started;
      const givenUp = !reached && (this.#cancelled || budget.expired());
      entry.journal?.append({ k: 'step', c: entry.name, a, events: ADVANCE_SLICE_EVENTS, done: reached || givenUp }, reached || givenUp, costMs);
      if (reached) return OK;
      if (givenUp) return timeoutError(budget.timeoutUs);
      yield;
    }
  }

  /** A SELECT gone on in a worker: its answer once it comes, or OB_TIMEOUT at once when cancelled meanwhile. */
  private *awaitOffloaded(offloaded: OffloadedQuery, cancelledWith: ObError): Work<StatementResult> {
    let answer: ResultSet | ObError | undefined;
    this.#offloaded = () => offloaded.cancel(cancelledWith);
    try {
      yield offloaded.answer.then((a) => void (answer = a));
    } finally {
      this.#offloaded = undefined;
    }
    if (answer === undefined) throw new Error('an offloaded SELECT ended without an answer');
    return isObError(answer) ? answer : { kind: 'rows', resultSet: answer };
  }

  /**
   * The running statement's budget: ob_query_timeout (session, else global, else 10 s) from now; `handOff` once a
   * statement that may go on in a worker has run offloadSettings.handOffAfterMs here.
   */
  private budget(offloadable: boolean): StatementBudget & { remainingMs(): number } {
    const value = this.variables.session.get('ob_query_timeout') ?? this.entry.globalVariables.get('ob_query_timeout') ?? DEFAULT_QUERY_TIMEOUT_US;
    const timeoutUs = Number(value);
    const startedMs = performance.now();
    const deadlineMs = startedMs + timeoutUs / 1000;
    const packet = this.entry.globalVariables.get('max_allowed_packet');
    return {
      expired: () => performance.now() > deadlineMs,
      timeoutUs,
      maxHeldValues: MAX_STATEMENT_VALUES,
      ...(typeof packet === 'bigint' ? { maxAllowedPacket: Number(packet) } : {}),
      cancelled: () => this.#cancelled,
      ...(offloadable ? { handOff: () => performance.now() - startedMs > offloadSettings.handOffAfterMs } : {}),
      remainingMs: () => Math.max(0, deadlineMs - performance.now()),
    };
  }

  /** The columns a statement will return, without running it (COM_STMT_PREPARE). */
  describe(stmt: Statement): readonly ColumnDef[] | ObError {
    syncEntry(this.entry);
    return describeStatement(this, stmt);
  }

  /**
   * The catalog of views as this session's tenant sees them now. A catalog holds the state, the instant and the
   * tenant, and reads the state only when a view's rows are asked for, so the one made for the last statement is
   * the same as a new one while those three are the same (the manual clock, a burst of statements).
   */
  catalog(): ViewCatalog {
    const { state } = this.entry.cluster;
    const last = this.#catalog;
    const database = this.database;
    const zone = this.timeZone();
    if (last !== undefined && last.state === state && last.nowUs === state.nowUs && last.tenantId === this.login.tenantId && last.database === database && last.zone === zone) {
      return last.catalog;
    }
    // The transaction's uncommitted writes are read through it when rows are asked for, so it is no part of the key.
    const catalog = createCatalog(state, state.nowUs, this.login.tenantId, database, this.transaction, fromWall(zone));
    this.#catalog = { state, nowUs: state.nowUs, tenantId: this.login.tenantId, database, zone, catalog };
    return catalog;
  }

  /**
   * Built as one literal (absent values are undefined): conditional spreads here cost tens of microseconds per
   * statement on Node 20's V8, more than a whole SELECT 1.
   */
  evalContext(params: readonly SqlValue[]): EvalContext {
    const nowUs = this.entry.cluster.state.nowUs;
    if (nowUs !== this.#now.us) this.#now = { us: nowUs, micros: BigInt(nowUs) };
    if (this.#who.login !== this.login) this.#who = { login: this.login, user: `${this.login.user}@${this.login.host}`, currentUser: `${this.login.user}@%` };
    const timeZone = this.timeZone();
    const last = this.#context;
    // The variable stores are the same objects for the session's life, so the fields compared here are all that
    // can differ from the context made for the last statement.
    if (
      last !== undefined &&
      last.params === params &&
      last.nowMicros === this.#now.micros &&
      last.timeZone === timeZone &&
      last.database === this.database &&
      last.user === this.#who.user &&
      last.currentUser === this.#who.currentUser &&
      last.lastInsertId === this.lastInsertId
    ) {
      return last;
    }
    this.#context = this.newContext(params, timeZone);
    return this.#context;
  }

  private newContext(params: readonly SqlValue[], timeZone: string | undefined): EvalContext {
    return {
      timeZone,
      nowMicros: this.#now.micros,
      database: this.database,
      user: this.#who.user,
      currentUser: this.#who.currentUser,
      connectionId: this.#connectionId,
      tenantId: BigInt(this.login.tenantId),
      sessionVariables: this.variables.session,
      globalVariables: this.entry.globalVariables,
      userVariables: this.variables.user,
      params,
      lastInsertId: this.lastInsertId,
      version: DEFAULT_VERSION,
    };
  }

  /** The session's time_zone, else the global one; undefined means OceanBase's default. */
  timeZone(): string | undefined {
    const zone = this.variables.session.get('time_zone') ?? this.entry.globalVariables.get('time_zone');
    return typeof zone === 'string' ? zone : undefined;
  }

  /** Offset of the session time zone at an instant, for the wire's rendering of times (once per value). */
  utcOffsetSeconds(utcMicros: bigint): number {
    return offsetMinutes(this.timeZone(), Number(utcMicros / 1000n)) * 60;
  }

  /** Back to the state right after login. */
  reset(): void {
    this.variables.clear();
    this.database = this.login.database;
    this.#prepared.clear();
    this.transaction.reset();
    this.lastInsertId = 0n;
  }
}

/**
 * The number of `?` placeholders: the parser numbers them from 0, so it is the highest index plus one. Iterative,
 * since a long `? + ? + …` chain is a deep tree.
 */
function countParameters(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as { kind?: unknown; index?: unknown };
    if (record.kind === 'Parameter' && typeof record.index === 'number') count = Math.max(count, record.index + 1);
    else stack.push(...(Array.isArray(node) ? node : Object.values(node)));
  }
  return count;
}
