/**
 * Running a bound plan: FROM → WHERE → GROUP BY / aggregates → HAVING → DISTINCT → ORDER BY → LIMIT → projection.
 * Shared by top-level SELECTs (select.ts) and nested queries (query.ts).
 */
import type { ColumnDef, SqlValue } from '../result.js';
import { newAccumulator, type Accumulator } from './aggregates.js';
import type { EvalContext, Table } from './catalog.js';
import { holdRows, spendRows } from './budget.js';
import { isCoerced } from './coerce.js';
import { tableAt } from './from.js';
import { scanInKeyOrder } from './ordered-scan.js';
import { keyComparator, TopN, type Keyed } from './order.js';
import type { Plan } from './plan.js';
import type { RowFn } from './scope.js';
import { groupKey, truth } from './values.js';
import { lookupRows } from './key-lookup.js';

type Row = readonly SqlValue[];

interface Candidate {
  readonly row: Row;
  readonly aggs: readonly SqlValue[];
}

export const NO_AGGS: readonly SqlValue[] = [];
/** The FROM row of a SELECT without FROM. */
export const NO_ROW: Row = [];

/** The rows of a bound plan (also the runner of nested queries' plans, query.ts). */
export function runPlan(plan: Plan, tables: readonly Table[], distinct: boolean, ctx: EvalContext): Row[] {
  const zone = ctx.timeZone;
  const project = plan.project;
  const projectOne = (c: Candidate): Row => {
    if (plan.passThrough && Object.isFrozen(c.row) && typed(c.row, plan.defs)) return c.row;
    const out = new Array<SqlValue>(project.length);
    for (let i = 0; i < project.length; i++) out[i] = (project[i] as RowFn)(c.row, c.aggs);
    return out;
  };
  // A key lookup first: it reads one row where the key-ordered scan reads up to LIMIT of them.
  const looked = plan.lookup === undefined ? undefined : lookupRows(plan.lookup, tableAt(tables, 0), zone);
  if (looked === undefined && plan.keyScan !== undefined && plan.limit !== undefined) {
    return scanInKeyOrder(plan.keyScan, tableAt(tables, 0), plan.where?.fn, plan.offset, plan.limit, zone).map((row) => projectOne({ row, aggs: NO_AGGS }));
  }
  // With ORDER BY every row is read anyway, so a plain loop; without it LIMIT may stop the generator early.
  const rows = looked ?? plan.from.rows(tables);
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
    // Every row a WHERE looks at counts, joined or not: a correlated subquery's scans step no join.
    spendRows(1);
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    yield { row, aggs: NO_AGGS };
  }
}

function filteredAll(plan: Plan, rows: Iterable<Row>, zone: string | undefined): Candidate[] {
  const where = plan.where?.fn;
  const out: Candidate[] = [];
  for (const row of rows) {
    spendRows(1);
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    holdRows(1, row.length);
    out.push({ row, aggs: NO_AGGS });
  }
  return out;
}

function groups(plan: Plan, rows: Iterable<Row>, zone: string | undefined): Candidate[] {
  const where = plan.where?.fn;
  const byKey = new Map<string, { row: readonly SqlValue[]; accs: Accumulator[] }>();
  const fresh = (): Accumulator[] => plan.slots.map((s) => newAccumulator(s, zone));
  for (const row of rows) {
    spendRows(1);
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    const key = plan.groupBy.map((g) => groupKey(g.fn(row, NO_AGGS))).join('\u0001');
    let g = byKey.get(key);
    if (!g) {
      holdRows(1, row.length + plan.slots.length);
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
  for (const c of source) {
    holdRows(1, c.row.length + keyFns.length);
    all.push(keyed(c, seq++));
  }
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
    if (i >= from) {
      holdRows(1, c.row.length);
      out.push(c);
    }
    i++;
    if (i >= to) break;
  }
  return out;
}
