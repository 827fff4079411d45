/**
 * SELECT: FROM → WHERE → GROUP BY / aggregates → HAVING → DISTINCT → ORDER BY → LIMIT → projection, over the plan
 * plan.ts builds (and plan-cache.ts keeps). Errors come back as values, never thrown to the caller.
 */
import type { SelectStatement } from '../../grammar/ast.js';
import { obErrorWith, type ObError } from '../errors.js';
import type { ColumnDef, ResultSet, SqlValue } from '../result.js';
import { newAccumulator, type Accumulator } from './aggregates.js';
import type { Catalog, EvalContext, Table } from './catalog.js';
import { isCoerced } from './coerce.js';
import { tableAt } from './from.js';
import { withInformationSchema } from './information-schema/index.js';
import { scanInKeyOrder } from './ordered-scan.js';
import { keyComparator, TopN, type Keyed } from './order.js';
import type { Plan } from './plan.js';
import { planSelect } from './plan-cache.js';
import { EvalFailure, type RowFn } from './scope.js';
import { groupKey, truth } from './values.js';

/** Runs the SELECT over the catalog's tables. */
export function evaluateSelect(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext): ResultSet | ObError {
  try {
    const { plan, tables } = planSelect(stmt, withInformationSchema(catalog, ctx), ctx);
    return { columns: plan.defs, rows: plan.constantRow ? constantRows(plan) : run(plan, tables, stmt.distinct, ctx) };
  } catch (e) {
    return caught(e);
  }
}

/**
 * The one frozen row of a constant plan, computed on its first run and kept with the plan (not when the plan is
 * built: COM_STMT_PREPARE builds it too, and an expression that fails, as 9223372036854775807 + 1 does, fails when
 * executed, not when prepared). Frozen, so the wire keeps its encoding (row-cache.ts).
 */
const constantAnswers = new WeakMap<Plan, readonly Row[]>();

function constantRows(plan: Plan): readonly Row[] {
  let rows = constantAnswers.get(plan);
  if (rows === undefined) {
    rows = Object.freeze([Object.freeze(plan.project.map((p) => p(NO_ROW, NO_AGGS)))]);
    constantAnswers.set(plan, rows);
  }
  return rows;
}

/** The result columns without running the query (COM_STMT_PREPARE), or the error the statement would give. */
export function describeSelect(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext): readonly ColumnDef[] | ObError {
  return guard(() => planSelect(stmt, withInformationSchema(catalog, ctx), ctx).plan.defs);
}

export function guard<T>(body: () => T): T | ObError {
  try {
    return body();
  } catch (e) {
    return caught(e);
  }
}

/** An evaluation failure as the error it reports; anything else is a broken invariant and goes on up. */
function caught(e: unknown): ObError {
  if (e instanceof EvalFailure) return e.error;
  // A JavaScript stack overflow from pathological input is reported, not thrown, like OceanBase's own guard.
  if (e instanceof RangeError) return obErrorWith('OB_NOT_SUPPORTED', 'Expression this deep');
  throw e;
}

type Row = readonly SqlValue[];

interface Candidate {
  readonly row: Row;
  readonly aggs: readonly SqlValue[];
}

const NO_AGGS: readonly SqlValue[] = [];
/** The FROM row of a SELECT without FROM. */
const NO_ROW: Row = [];

function run(plan: Plan, tables: readonly Table[], distinct: boolean, ctx: EvalContext): Row[] {
  const zone = ctx.timeZone;
  const project = plan.project;
  const projectOne = (c: Candidate): Row => {
    if (plan.passThrough && Object.isFrozen(c.row) && typed(c.row, plan.defs)) return c.row;
    const out = new Array<SqlValue>(project.length);
    for (let i = 0; i < project.length; i++) out[i] = (project[i] as RowFn)(c.row, c.aggs);
    return out;
  };
  if (plan.keyScan !== undefined && plan.limit !== undefined) {
    return scanInKeyOrder(plan.keyScan, tableAt(tables, 0), plan.where?.fn, plan.offset, plan.limit, zone).map((row) => projectOne({ row, aggs: NO_AGGS }));
  }
  // With ORDER BY every row is read anyway, so a plain loop; without it LIMIT may stop the generator early.
  const rows = plan.from.rows(tables);
  const candidates = plan.grouped ? groups(plan, rows, zone) : plan.order.length > 0 ? filteredAll(plan, rows, zone) : filtered(plan, rows, zone);
  let source: Iterable<Candidate> = candidates;
  if (distinct) source = distinctOnly(candidates, projectOne);
  const chosen = orderAndLimit(source, plan, zone);
  return chosen.map(projectOne);
}

/**
 * Whether a row's values all have their columns' types, so that the row answers as it is. Only frozen rows are
 * passed through: a view that builds its rows once shares them with every reader, and the wire keeps their
 * encodings (row-cache.ts); a row that may change is always copied.
 */
function typed(row: Row, defs: readonly ColumnDef[]): boolean {
  for (let i = 0; i < defs.length; i++) if (!isCoerced(row[i] ?? null, (defs[i] as ColumnDef).type)) return false;
  return row.length === defs.length;
}

function* filtered(plan: Plan, rows: Iterable<Row>, zone: string | undefined): Generator<Candidate> {
  const where = plan.where?.fn;
  for (const row of rows) {
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    yield { row, aggs: NO_AGGS };
  }
}

function filteredAll(plan: Plan, rows: Iterable<Row>, zone: string | undefined): Candidate[] {
  const where = plan.where?.fn;
  const out: Candidate[] = [];
  for (const row of rows) {
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    out.push({ row, aggs: NO_AGGS });
  }
  return out;
}

function groups(plan: Plan, rows: Iterable<Row>, zone: string | undefined): Candidate[] {
  const where = plan.where?.fn;
  const byKey = new Map<string, { row: readonly SqlValue[]; accs: Accumulator[] }>();
  const fresh = (): Accumulator[] => plan.slots.map((s) => newAccumulator(s, zone));
  for (const row of rows) {
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    const key = plan.groupBy.map((g) => groupKey(g.fn(row, NO_AGGS))).join('\u0001');
    let g = byKey.get(key);
    if (!g) {
      g = { row, accs: fresh() };
      byKey.set(key, g);
    }
    for (const a of g.accs) a.add(row);
  }
  // Aggregates without GROUP BY give one row even over no rows (COUNT(*) = 0, MAX = NULL).
  if (byKey.size === 0 && plan.groupBy.length === 0) byKey.set('', { row: new Array<SqlValue>(plan.from.width).fill(null), accs: fresh() });
  const out: Candidate[] = [];
  const having = plan.having?.fn;
  for (const g of byKey.values()) {
    const c = { row: g.row, aggs: g.accs.map((a) => a.result()) };
    if (having && truth(having(c.row, c.aggs), zone) !== true) continue;
    out.push(c);
  }
  return out;
}

function* distinctOnly(candidates: Iterable<Candidate>, project: (c: Candidate) => Row): Generator<Candidate> {
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = project(c).map(groupKey).join('\u0001');
    if (seen.has(key)) continue;
    seen.add(key);
    yield c;
  }
}

/** A heap holds at most this many rows for ORDER BY … LIMIT; beyond it a full sort is cheaper to reason about. */
const HEAP_MAX = 100_000n;

function orderAndLimit(source: Iterable<Candidate>, plan: Plan, zone: string | undefined): Candidate[] {
  const offset = plan.offset;
  const end = plan.limit === undefined ? undefined : plan.limit + offset;
  if (plan.order.length === 0) return take(source, offset, end);
  const keyFns = plan.order.map((o) => o.fn);
  const cmp = keyComparator<Candidate>(plan.desc, zone);
  const keyed = (c: Candidate, seq: number): Keyed<Candidate> => ({ item: c, keys: keyFns.map((f) => f(c.row, c.aggs)), seq });
  let seq = 0;
  if (end !== undefined && end <= HEAP_MAX) {
    const heap = new TopN<Keyed<Candidate>>(Number(end), cmp);
    // Probe with reused key storage; only rows that enter the heap get their own copy.
    const scratch: SqlValue[] = new Array<SqlValue>(keyFns.length).fill(null);
    const probe = { item: undefined as unknown as Candidate, keys: scratch, seq: 0 };
    for (const c of source) {
      for (let i = 0; i < keyFns.length; i++) scratch[i] = (keyFns[i] as (typeof keyFns)[number])(c.row, c.aggs);
      probe.item = c;
      probe.seq = seq;
      if (heap.accepts(probe)) heap.push({ item: c, keys: scratch.slice(), seq });
      seq++;
    }
    return heap.sorted().slice(Number(offset)).map((k) => k.item);
  }
  const all: Keyed<Candidate>[] = [];
  for (const c of source) all.push(keyed(c, seq++));
  all.sort(cmp);
  return take(
    all.map((k) => k.item),
    offset,
    end,
  );
}

/** Candidates `offset` up to `end` (exclusive), counted in doubles: no source holds 2^53 rows. */
function take(source: Iterable<Candidate>, offset: bigint, end: bigint | undefined): Candidate[] {
  const out: Candidate[] = [];
  const from = Number(offset);
  const to = end === undefined ? Infinity : Number(end);
  if (to <= from) return out;
  let i = 0;
  for (const c of source) {
    if (i >= from) out.push(c);
    i++;
    if (i >= to) break;
  }
  return out;
}
