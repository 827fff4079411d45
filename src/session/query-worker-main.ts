/**
 * A query worker (query-offload.ts): runs one SELECT at a time over the copied tables it is sent, under what is
 * left of the statement's ob_query_timeout and its memory bound, and answers with the result set or the error.
 */
import { parentPort } from 'node:worker_threads';
import { isObError } from '../errors.js';
import { evaluateOver, underBudget, type Catalog, type Table } from '../query/index.js';
import { revivedContext, revivedRows, tableKey, type WorkerAnswer, type WorkerJob } from './query-worker-protocol.js';

function catalogOf(job: WorkerJob): Catalog {
  const tables = new Map<string, Table>();
  for (const t of job.tables) {
    const rows = revivedRows(t.rows);
    tables.set(t.key, { name: t.name, columns: t.columns, ...(t.kind === undefined ? {} : { kind: t.kind }), rows: () => rows });
  }
  return {
    resolve: (schema, name) => tables.get(tableKey(schema, name)),
    // A SELECT reads tables by name only; SHOW and information_schema's listings were answered on the session's side.
    databases: () => [],
    tables: () => undefined,
  };
}

function answer(job: WorkerJob): WorkerAnswer {
  const deadline = performance.now() + job.remainingMs;
  const budget = {
    expired: () => performance.now() > deadline,
    timeoutUs: 0,
    maxHeldValues: job.maxHeldValues,
    ...(job.maxAllowedPacket === undefined ? {} : { maxAllowedPacket: job.maxAllowedPacket }),
    cancelled: () => false,
  };
  const result = underBudget(budget, () => evaluateOver(job.stmt, catalogOf(job), revivedContext(job.ctx)));
  if (!isObError(result)) return { ok: result };
  // The evaluator quotes the budget's timeout in its OB_TIMEOUT: the session's own error says the real figure.
  return { error: result.name === 'OB_TIMEOUT' ? job.timeoutError : result };
}

parentPort?.on('message', (job: WorkerJob) => {
  parentPort?.postMessage(answer(job));
});
