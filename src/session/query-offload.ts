/**
 * Long SELECTs go on in a worker thread, so one statement never stalls the others (issue 18). A SELECT starts on
 * the session's thread as always; only when it is still running after 10 ms (offloadSettings, its budget's
 * handOff), the evaluation stops and the statement starts again in a query worker, over a copy of the tables it reads taken
 * at once: the rows its views give at the statement's instant, so the answer is the one the session's thread would
 * have given. The event loop is free meanwhile; ob_query_timeout still bounds it, KILL QUERY or a closed client
 * ends the worker, and a worker that runs out of memory ends alone with OB_ALLOCATE_MEMORY_FAILED.
 *
 * Reads only: a SELECT changes nothing but the session's results, and the evaluator keeps no state between
 * statements that a worker's run would have to give back. Where no worker script is beside this file (the single
 * executable of `npm run build:exe`), SELECTs run on the session's thread to their end, as before.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QueryExpression } from '../../grammar/index.js';
import { obError, type ObError } from '../errors.js';
import { withInformationSchema, type Catalog, type EvalContext, type StatementBudget, type Table } from '../query/index.js';
import type { ResultSet } from '../result.js';
import { revivedResult, tableKey, type WorkerJob, type WorkerAnswer, type WorkerTable } from './query-worker-protocol.js';

/**
 * handOffAfterMs: real milliseconds a SELECT runs on the session's thread before it goes on in a worker (the
 * evaluator looks every 4,096 rows). Tests lower it to send every long-enough SELECT to a worker.
 */
export const offloadSettings = { handOffAfterMs: 10 };

/** What the pool did, for tests: SELECTs handed off since start, workers alive, workers busy. */
export function offloadStats(): { readonly handedOff: number; readonly workers: number; readonly busy: number } {
  return { handedOff, workers: pool.length, busy: pool.filter((w) => w.busy).length };
}

let handedOff = 0;
/** Workers at most, busy or idle: the machine's cores are what they share. */
const MAX_WORKERS = 2;
/** An idle worker ends after this long (it is unref'd, so it never keeps the process alive either). */
const IDLE_MS = 60_000;
/** Heap a worker may use before it ends with OB_ALLOCATE_MEMORY_FAILED, instead of the whole process failing. */
const WORKER_HEAP_MB = 2048;

/** A SELECT gone on in a worker: its answer, or cancel() to end it now with `onCancel`'s answer. */
export interface OffloadedQuery {
  readonly answer: Promise<ResultSet | ObError>;
  cancel(answer: ObError): void;
}

/**
 * The worker script, found once, at the first long SELECT: beside this module (dist/src/session, or the bundle in
 * dist/bundle), or, in the start-up snapshot (a CommonJS heap with no import.meta), in the bundle beside the blob
 * the process started from. null where there is none (the single executable).
 */
let script: string | null | undefined;

function workerScript(): string | null {
  if (script !== undefined) return script;
  const candidates: string[] = [];
  const url: unknown = import.meta.url;
  if (typeof url === 'string') {
    const here = dirname(fileURLToPath(url));
    candidates.push(join(here, 'query-worker-main.js'), join(here, 'query-worker.mjs'));
  }
  const blob = snapshotBlob(process.execArgv);
  if (blob !== undefined) candidates.push(join(dirname(blob), '..', 'bundle', 'query-worker.mjs'));
  script = candidates.find((c) => existsSync(c)) ?? null;
  return script;
}

/** The `--snapshot-blob` path among Node's own arguments, if the process started from one. */
function snapshotBlob(execArgv: readonly string[]): string | undefined {
  for (const [i, a] of execArgv.entries()) {
    if (a === '--snapshot-blob') return execArgv[i + 1];
    if (a.startsWith('--snapshot-blob=')) return a.slice('--snapshot-blob='.length);
  }
  return undefined;
}

function workerScriptOrThrow(): string {
  const script = workerScript();
  if (script === null) throw new Error('a query worker without a worker script: check offloadAvailable() first');
  return script;
}

export function offloadAvailable(): boolean {
  return workerScript() !== null;
}

/**
 * The tables `stmt` names, resolved as the evaluator resolves them (information_schema included) and copied with
 * their rows now: a CTE's name resolves to nothing here, as in the evaluator, which binds it first.
 */
function copyTables(stmt: QueryExpression, catalog: Catalog, ctx: EvalContext): WorkerTable[] {
  const full = withInformationSchema(catalog, ctx);
  const seen = new Map<string, WorkerTable>();
  for (const ref of tableRefs(stmt)) {
    const key = tableKey(ref.schema, ref.name);
    if (seen.has(key)) continue;
    const table: Table | undefined = full.resolve(ref.schema, ref.name);
    if (table === undefined) continue;
    seen.set(key, { key, name: table.name, columns: table.columns, ...(table.kind === undefined ? {} : { kind: table.kind }), rows: Array.from(table.rows()) });
  }
  return [...seen.values()];
}

/** Every table a FROM clause names, anywhere in the statement (subqueries, derived tables, CTE bodies). */
function tableRefs(node: unknown, out: { schema?: string; name: string }[] = []): { schema?: string; name: string }[] {
  if (Array.isArray(node)) {
    for (const x of node) tableRefs(x, out);
  } else if (typeof node === 'object' && node !== null) {
    const n = node as { kind?: unknown; table?: { schema?: string; name?: unknown } };
    if (n.kind === 'Table' && typeof n.table?.name === 'string') out.push({ ...(n.table.schema === undefined ? {} : { schema: n.table.schema }), name: n.table.name });
    for (const v of Object.values(node)) tableRefs(v, out);
  }
  return out;
}

interface PooledWorker {
  readonly worker: Worker;
  busy: boolean;
  idleTimer: NodeJS.Timeout | null;
}

const pool: PooledWorker[] = [];
const waiting: ((w: PooledWorker) => void)[] = [];

function spawnWorker(script: string): PooledWorker {
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  worker.unref();
  const pooled: PooledWorker = { worker, busy: false, idleTimer: null };
  // However it ends (idle, cancelled, out of memory), it leaves the pool; a waiting query gets a new one.
  worker.once('exit', () => {
    const at = pool.indexOf(pooled);
    if (at >= 0) pool.splice(at, 1);
    const next = waiting.shift();
    if (next !== undefined) next(take(script));
  });
  pool.push(pooled);
  return pooled;
}

/** A free worker (made if the pool has room), or the next one to free up. */
function acquire(script: string): PooledWorker | Promise<PooledWorker> {
  const idle = pool.find((w) => !w.busy);
  if (idle !== undefined || pool.length < MAX_WORKERS) return take(script, idle);
  return new Promise((resolve) => waiting.push(resolve));
}

/** Marks a worker busy: the idle one given, or a new one of `script`. */
function take(script: string | null, idle?: PooledWorker): PooledWorker {
  const w = idle ?? spawnWorker(script ?? workerScriptOrThrow());
  w.busy = true;
  if (w.idleTimer !== null) clearTimeout(w.idleTimer);
  w.idleTimer = null;
  return w;
}

function release(w: PooledWorker): void {
  w.busy = false;
  const next = waiting.shift();
  if (next !== undefined) {
    next(take(null, w));
    return;
  }
  w.idleTimer = setTimeout(() => void w.worker.terminate(), IDLE_MS);
  w.idleTimer.unref();
}

/**
 * Starts `stmt` again in a worker over copies of the tables it reads (taken now, synchronously), under what is left
 * of its budget (ob_query_timeout, the memory bound, max_allowed_packet); `timeoutError` when its time runs out there.
 */
export function offloadSelect(stmt: QueryExpression, catalog: Catalog, ctx: EvalContext, budget: StatementBudget & { remainingMs(): number }, timeoutError: ObError): OffloadedQuery {
  const script = workerScriptOrThrow();
  handedOff++;
  // A plain copy of the context: it may be a Proxy (the plan cache watches what a plan reads), which cannot be cloned.
  const job: WorkerJob = { stmt, ctx: { ...ctx }, tables: copyTables(stmt, catalog, ctx), remainingMs: budget.remainingMs(), maxHeldValues: budget.maxHeldValues, ...(budget.maxAllowedPacket === undefined ? {} : { maxAllowedPacket: budget.maxAllowedPacket }), timeoutError };
  let settle: (answer: ResultSet | ObError) => void = () => undefined;
  let ended = false;
  let running: PooledWorker | null = null;
  const answer = new Promise<ResultSet | ObError>((resolve) => {
    settle = (a) => {
      if (ended) return;
      ended = true;
      resolve(a);
    };
  });
  const run = (w: PooledWorker): void => {
    if (ended) return release(w);
    running = w;
    const onExit = (): void => settle(obError('OB_ALLOCATE_MEMORY_FAILED'));
    w.worker.once('exit', onExit);
    w.worker.once('message', (m: WorkerAnswer) => {
      w.worker.off('exit', onExit);
      running = null;
      release(w);
      settle(revivedResult(m));
    });
    w.worker.postMessage(job);
  };
  const got = acquire(script);
  if (got instanceof Promise) void got.then(run);
  else run(got);
  return {
    answer,
    cancel: (error) => {
      settle(error);
      // A worker cannot be interrupted mid-statement, only ended: the pool replaces it.
      if (running !== null) void running.worker.terminate();
    },
  };
}
