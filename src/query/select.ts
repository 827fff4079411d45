/**
 * SELECT: FROM → WHERE → GROUP BY / aggregates → HAVING → DISTINCT → ORDER BY → LIMIT → projection, with MySQL's
 * labels (`*` gives the table's own column names, a column as the client spelled it, an expression its source
 * text, an alias as written) and typed columns. Errors come back as values, never thrown to the caller.
 */
import type { Expr, SelectItem, SelectStatement } from '../../grammar/ast.js';
import { obError, obErrorWith, type ObError } from '../errors.js';
import type { ColumnDef, ResultSet, SqlValue } from '../result.js';
import { newAccumulator, type Accumulator } from './aggregates.js';
import type { Catalog, EvalContext } from './catalog.js';
import { coerceValue } from './coerce.js';
import { compileExpr } from './compile.js';
import { planFrom, type FromPlan } from './from.js';
import { asBigint } from './numeric.js';
import { keyScanOf, scanInKeyOrder, type KeyScan } from './ordered-scan.js';
import { keyComparator, TopN, type Keyed } from './order.js';
import { derive, EvalFailure, fail, type AggSlot, type Compiled, type Scope } from './scope.js';
import { scaleOf } from './types.js';
import { groupKey, truth } from './values.js';

interface OutputColumn {
  readonly def: ColumnDef;
  readonly compiled: Compiled;
}

interface Plan {
  readonly from: FromPlan;
  readonly where: Compiled | undefined;
  readonly columns: readonly OutputColumn[];
  readonly grouped: boolean;
  readonly groupBy: readonly Compiled[];
  readonly slots: readonly AggSlot[];
  readonly having: Compiled | undefined;
  readonly order: readonly Compiled[];
  readonly desc: readonly boolean[];
  readonly limit: bigint | undefined;
  readonly offset: bigint;
  /** Set when ORDER BY names the table's unique key and LIMIT bounds the answer: read in key order and stop early. */
  readonly keyScan: KeyScan | undefined;
}

/** Runs the SELECT over the catalog's tables. */
export function evaluateSelect(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext): ResultSet | ObError {
  return guard(() => {
    const plan = buildPlan(stmt, catalog, ctx);
    return { columns: plan.columns.map((c) => c.def), rows: run(plan, stmt.distinct, ctx) };
  });
}

/** The result columns without running the query (COM_STMT_PREPARE), or the error the statement would give. */
export function describeSelect(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext): readonly ColumnDef[] | ObError {
  return guard(() => buildPlan(stmt, catalog, ctx).columns.map((c) => c.def));
}

export function guard<T>(body: () => T): T | ObError {
  try {
    return body();
  } catch (e) {
    if (e instanceof EvalFailure) return e.error;
    // A JavaScript stack overflow from pathological input is reported, not thrown, like OceanBase's own guard.
    if (e instanceof RangeError) return obErrorWith('OB_NOT_SUPPORTED', 'Expression this deep');
    throw e;
  }
}

function buildPlan(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext): Plan {
  const base: Scope = { ctx, sources: [], clause: 'field list', depth: 0 };
  const from = planFrom(stmt.from, catalog, base);
  const scope = derive(base, { sources: from.sources });
  const where = stmt.where ? compileExpr(stmt.where, derive(scope, { clause: 'where clause' })) : undefined;
  const slots: AggSlot[] = [];
  const columns = expandItems(stmt.items, derive(scope, { aggs: slots }));
  const aliases = new Map<string, Expr>();
  stmt.items.forEach((it) => it.kind === 'ExprItem' && it.alias !== undefined && aliases.set(it.alias.toLowerCase(), it.expr));
  const groupBy = stmt.groupBy.map((g) =>
    positional(g, columns, 'group statement') ?? compileExpr(g, derive(scope, { clause: 'group statement', aliases })),
  );
  const having = stmt.having
    ? compileExpr(stmt.having, derive(scope, { clause: 'having clause', aggs: slots, aliases, aliasFirst: true }))
    : undefined;
  const order = stmt.orderBy.map(
    (o) => positional(o.expr, columns, 'order clause') ?? compileExpr(o.expr, derive(scope, { clause: 'order clause', aggs: slots, aliases, aliasFirst: true })),
  );
  const limit = stmt.limit ? limitValue(stmt.limit.count, scope) : undefined;
  const offset = stmt.limit?.offset ? limitValue(stmt.limit.offset, scope) : 0n;
  const grouped = stmt.groupBy.length > 0 || slots.length > 0 || stmt.having !== undefined;
  const keyScan = keyScanOf(stmt, from.sources, grouped);
  return { from, where, columns, grouped, groupBy, slots, having, order, desc: stmt.orderBy.map((o) => o.desc), limit, offset, keyScan };
}

/** `ORDER BY 2` / `GROUP BY 1` name a select-list position. */
function positional(e: Expr, columns: readonly OutputColumn[], clause: string): Compiled | undefined {
  if (e.kind !== 'NumberLiteral' || !/^\d+$/.test(e.text)) return undefined;
  const col = columns[Number(e.text) - 1];
  if (!col) return fail(obErrorWith('OB_ERR_BAD_FIELD_ERROR', e.text, clause));
  return col.compiled;
}

function limitValue(e: Expr, scope: Scope): bigint {
  const c = compileExpr(e, derive(scope, { sources: [], clause: 'field list' }));
  const v = c.fn([], []);
  if (v === null) return 0n;
  const n = asBigint(v, scope.ctx.timeZone);
  return n < 0n ? 0n : n;
}

function expandItems(items: readonly SelectItem[], scope: Scope): OutputColumn[] {
  const out: OutputColumn[] = [];
  for (const item of items) {
    if (item.kind === 'Star') {
      const sources = scope.sources.filter((s) => item.table === undefined || s.alias.toLowerCase() === item.table.toLowerCase());
      if (sources.length === 0) {
        if (item.table !== undefined) fail(obErrorWith('OB_ERR_BAD_TABLE', item.table));
        fail(obError('OB_ERR_NO_TABLES_USED'));
      }
      for (const s of sources) {
        s.table.columns.forEach((c, i) => {
          const at = s.offset + i;
          const compiled: Compiled = { type: c.type, nullable: c.nullable || s.outer, fn: (row) => row[at] ?? null };
          // A literal, not `{ ...c, … }`: see derive() in scope.ts for why the spread is avoided on this path.
          out.push({ def: { name: c.name, type: c.type, nullable: c.nullable, table: s.alias, orgTable: s.table.name, orgName: c.name, schema: s.schema }, compiled });
        });
      }
      continue;
    }
    const compiled = compileExpr(item.expr, scope);
    // MySQL labels a bare column by its name, a string literal by its value (leading spaces dropped), else by its text.
    const label = item.alias ?? (item.expr.kind === 'ColumnRef' ? item.expr.column : item.expr.kind === 'StringLiteral' ? item.expr.value.trimStart() : item.text);
    const origin = item.expr.kind === 'ColumnRef' ? columnOrigin(item.expr, scope) : {};
    out.push({ def: { name: label, type: compiled.type, nullable: compiled.nullable, ...origin }, compiled });
  }
  return out;
}

function columnOrigin(e: Extract<Expr, { kind: 'ColumnRef' }>, scope: Scope): Partial<ColumnDef> {
  const name = e.column.toLowerCase();
  const s = scope.sources.find(
    (x) => (e.table === undefined || x.alias.toLowerCase() === e.table.toLowerCase()) && x.table.columns.some((c) => c.name.toLowerCase() === name),
  );
  const c = s?.table.columns.find((x) => x.name.toLowerCase() === name);
  return s && c ? { table: s.alias, orgTable: s.table.name, orgName: c.name, schema: s.schema } : {};
}

interface Candidate {
  readonly row: readonly SqlValue[];
  readonly aggs: readonly SqlValue[];
}

const NO_AGGS: readonly SqlValue[] = [];

function run(plan: Plan, distinct: boolean, ctx: EvalContext): SqlValue[][] {
  const zone = ctx.timeZone;
  const projectOne = (c: Candidate): SqlValue[] =>
    plan.columns.map((col) => coerceValue(col.compiled.fn(c.row, c.aggs), col.def.type, scaleOf(col.compiled.type), zone));
  if (plan.keyScan !== undefined && plan.limit !== undefined) {
    return scanInKeyOrder(plan.keyScan, plan.where?.fn, plan.offset, plan.limit, zone).map((row) => projectOne({ row, aggs: NO_AGGS }));
  }
  // With ORDER BY every row is read anyway, so a plain loop; without it LIMIT may stop the generator early.
  const candidates = plan.grouped ? groups(plan, zone) : plan.order.length > 0 ? filteredAll(plan, zone) : filtered(plan, zone);
  let source: Iterable<Candidate> = candidates;
  if (distinct) source = distinctOnly(candidates, projectOne);
  const chosen = orderAndLimit(source, plan, zone);
  return chosen.map(projectOne);
}

function* filtered(plan: Plan, zone: string | undefined): Generator<Candidate> {
  const where = plan.where?.fn;
  for (const row of plan.from.rows()) {
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    yield { row, aggs: NO_AGGS };
  }
}

function filteredAll(plan: Plan, zone: string | undefined): Candidate[] {
  const where = plan.where?.fn;
  const out: Candidate[] = [];
  for (const row of plan.from.rows()) {
    if (where && truth(where(row, NO_AGGS), zone) !== true) continue;
    out.push({ row, aggs: NO_AGGS });
  }
  return out;
}

function groups(plan: Plan, zone: string | undefined): Candidate[] {
  const where = plan.where?.fn;
  const byKey = new Map<string, { row: readonly SqlValue[]; accs: Accumulator[] }>();
  const fresh = (): Accumulator[] => plan.slots.map((s) => newAccumulator(s, zone));
  for (const row of plan.from.rows()) {
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

function* distinctOnly(candidates: Iterable<Candidate>, project: (c: Candidate) => SqlValue[]): Generator<Candidate> {
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

function take(source: Iterable<Candidate>, offset: bigint, end: bigint | undefined): Candidate[] {
  const out: Candidate[] = [];
  let i = 0n;
  if (end !== undefined && end <= offset) return out;
  for (const c of source) {
    if (i >= offset) out.push(c);
    i++;
    if (end !== undefined && i >= end) break;
  }
  return out;
}
