/**
 * INSERT / REPLACE / UPDATE / DELETE over a user table, evaluated purely: expressions compile against the
 * catalog as SELECT does, and the outcome is the rows to write (the session buffers or commits them) with the
 * counts MySQL reports. MySQL semantics: https://dev.mysql.com/doc/refman/5.7/en/insert.html and its siblings.
 */
import type { Assignment, DataStatement, Expr, TableName } from '../../../grammar/ast.js';
import type { ColumnSchema, StoredRow, StoredValue, TableSchema } from '../../engine/index.js';
import { obErrorWith, type ObError } from '../../errors.js';
import { Temporal, type SqlValue } from '../../result.js';
import { sqlValueOf, type UserTableAccess } from '../../views/index.js';
import type { Catalog, EvalContext, Table } from '../catalog.js';
import { compileExpr } from '../compile.js';
import { withInformationSchema } from '../information-schema/index.js';
import { keyComparator, type Keyed } from '../order.js';
import { rootScope } from '../query.js';
import { resolveTable } from '../resolve-table.js';
import { derive, fail, type Compiled, type Scope } from '../scope.js';
import { evaluateSelect, guard } from '../select.js';
import { rejectWrite } from '../show.js';
import { textOf, truth } from '../values.js';
import { parseDecimal } from '../decimal-math.js';
import { TableChanges, type PendingWrite, type UniqueKey } from './changes.js';
import { encodeKey, keyDisplay, uniqueKeysOf } from './keys.js';
import { equalities, pointRead } from './lookup.js';
import { fromWall, implicitDefault, nowFor, storeValue } from './store-value.js';

/** What a write needs beyond the catalog: AUTO_INCREMENT values and keys for new rows of tables without a pk. */
export interface WriteServices {
  /**
   * The next AUTO_INCREMENT value of the table, reserved (never handed out again, even if the statement fails),
   * or why there is none (a standby is read only).
   */
  nextAutoIncrement(tableId: number): bigint | ObError;
  /** An explicit value was written to the AUTO_INCREMENT column: the counter moves past it. */
  sawAutoIncrement(tableId: number, value: bigint): ObError | undefined;
  /** A placeholder key for a new row of a table without a PRIMARY KEY, unique in the session. */
  hiddenKey(): string;
}

export interface WriteOutcome {
  readonly writes: readonly PendingWrite[];
  readonly affectedRows: number;
  readonly info?: string;
  /** The first AUTO_INCREMENT value generated: LAST_INSERT_ID() from now on. */
  readonly generatedId?: bigint;
  /** The OK packet's insert id: the generated value, else an explicit one written to the AUTO_INCREMENT column. */
  readonly insertId?: bigint;
  /** UPDATE: the rows WHERE matched, changed or not (CLIENT_FOUND_ROWS). */
  readonly matchedRows?: number;
  /** IGNORE: the values adjusted and the rows skipped, each a warning in MySQL. */
  readonly warnings?: number;
}

type Insert = Extract<DataStatement, { kind: 'Insert' }>;
type Update = Extract<DataStatement, { kind: 'Update' }>;
type Delete = Extract<DataStatement, { kind: 'Delete' }>;

/** The user table a DML statement names: 1146 if missing, 1288 if it is a view. */
function targetOf(name: TableName, verb: 'INSERT' | 'UPDATE' | 'DELETE' | 'REPLACE', catalog: Catalog, ctx: EvalContext): { table: Table; user: UserTableAccess } {
  const table = resolveTable(name, catalog, ctx);
  if (table.user === undefined) return fail(rejectWrite(verb, name, catalog, ctx));
  return { table, user: table.user };
}

function columnIndex(schema: TableSchema, name: string, clause: string, qualifier?: string): number {
  const i = schema.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
  if (i < 0) return fail(obErrorWith('OB_ERR_BAD_FIELD_ERROR', qualifier === undefined ? name : `${qualifier}.${name}`, clause));
  return i;
}

/**
 * The text stored values show as (for "Duplicate entry" texts), computed only for the key columns that need it:
 * a sparse array, holes where no key reads.
 */
function shown(schema: TableSchema, row: StoredRow, zone: string | undefined): (string | null)[] {
  const out: (string | null)[] = [];
  const show = (i: number): void => {
    if (out[i] !== undefined) return;
    const value = sqlValueOf((schema.columns[i] as ColumnSchema).type, row[i] ?? null, fromWall(zone));
    out[i] = value === null ? null : textOf(value, value instanceof Temporal ? fspOf(schema.columns[i] as ColumnSchema) : 0, zone);
  };
  for (const p of schema.primaryKey) show(p);
  for (const ix of schema.indexes) if (ix.unique) for (const p of ix.columns) show(p);
  return out;
}

function fspOf(c: ColumnSchema): number {
  return c.type.base === 'datetime' || c.type.base === 'timestamp' ? c.type.fsp : 0;
}

function sqlRow(schema: TableSchema, row: StoredRow, zone: string | undefined): SqlValue[] {
  const wall = fromWall(zone);
  return row.map((v, i) => sqlValueOf((schema.columns[i] as ColumnSchema).type, v ?? null, wall));
}

/** The scope expressions of a DML statement compile in: the target table (under its alias) and nested queries. */
function tableScope(catalog: Catalog, ctx: EvalContext, sources: Scope['sources'], clause: string): Scope {
  return derive(rootScope(catalog, ctx), { sources, clause });
}

function compileIn(e: Expr, scope: Scope): Compiled {
  return compileExpr(e, scope);
}

/** The key and unique keys of a row, and how it is shown. */
interface Keyed2 {
  readonly key: string;
  readonly display: string;
  readonly unique: (UniqueKey | null)[];
}

function keysOf(schema: TableSchema, row: StoredRow, zone: string | undefined, hidden: string | undefined): Keyed2 {
  const text = shown(schema, row, zone);
  const key = hidden ?? encodeKey(schema, schema.primaryKey, row);
  return { key, display: schema.primaryKey.length === 0 ? '' : keyDisplay(schema.primaryKey, text), unique: uniqueKeysOf(schema, row, text) };
}

function duplicate(display: string, index: string): ObError {
  return obErrorWith('OB_ERR_PRIMARY_KEY_DUPLICATE', display, index);
}

/** The rows, other than `self`, that a row with these keys collides with: the pk holder first, then per unique index. */
function conflicts(changes: TableChanges, schema: TableSchema, k: Keyed2, self: string | undefined): { key: string; error: ObError }[] {
  const out: { key: string; error: ObError }[] = [];
  if (schema.primaryKey.length > 0 && k.key !== self && changes.get(k.key) !== undefined) out.push({ key: k.key, error: duplicate(k.display, 'PRIMARY') });
  for (const u of k.unique) {
    if (u === null) continue;
    const holder = changes.holder(u.index, u.key);
    if (holder !== undefined && holder !== self && !out.some((o) => o.key === holder)) out.push({ key: holder, error: duplicate(u.display, u.index) });
  }
  return out;
}

function remove(changes: TableChanges, user: UserTableAccess, schema: TableSchema, key: string, zone: string | undefined): void {
  const old = changes.get(key);
  if (old === undefined) return;
  const before = keysOf(schema, old, zone, key);
  changes.put({ tableId: user.tableId, key, row: null, insert: false, keyDisplay: before.display, hidden: false }, before.unique);
}

/** The value a column takes when the statement gives none, or DEFAULT: 1364 for a NOT NULL column without one. */
function defaultOf(c: ColumnSchema, ctx: EvalContext, explicit: boolean): StoredValue {
  const d = c.defaultValue;
  if (d === undefined) {
    if (c.nullable || c.autoIncrement) return null;
    // An explicit DEFAULT of such a column is the implicit default in MySQL 5.7; leaving it out is an error.
    if (explicit && c.type.base !== 'timestamp') return implicitDefault(c.type);
    return fail(obErrorWith('OB_ERR_NO_DEFAULT_FOR_FIELD', c.name));
  }
  if (d !== null && typeof d === 'object') return nowFor(c.type, d.now, ctx.nowMicros, ctx.timeZone);
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// INSERT and REPLACE
// ---------------------------------------------------------------------------------------------------------------

/**
 * VALUES(col) in ON DUPLICATE KEY UPDATE reads the row the INSERT proposed: a second source whose columns are
 * named apart, so that a bare `col` still means the existing row's.
 */
const PROPOSED = ' proposed';
const proposedName = (column: string): string => `${PROPOSED}.${column.toLowerCase()}`;

/** `e` with each VALUES(col) reading the proposed row; 1054 for a column the table does not have. */
function rewriteValues(e: Expr, schema: TableSchema): Expr {
  return rewriteParts(e, schema) as Expr;
}

/** The parts of an expression (operands, CASE's WHEN pairs, lists), rewritten; nested queries are left as written. */
function rewriteParts(x: unknown, schema: TableSchema): unknown {
  if (Array.isArray(x)) return x.map((v: unknown) => rewriteParts(v, schema));
  if (typeof x !== 'object' || x === null) return x;
  const kind = (x as { kind?: unknown }).kind;
  if (kind === 'Select' || kind === 'Union') return x;
  const e = x as Expr;
  if (e.kind === 'FunctionCall' && e.name.toUpperCase() === 'VALUES' && e.args.length === 1 && e.args[0]?.kind === 'ColumnRef') {
    const column = e.args[0].column;
    columnIndex(schema, column, 'field list');
    return { kind: 'ColumnRef', table: PROPOSED, column: proposedName(column) };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[k] = rewriteParts(v, schema);
  return out;
}

export function evaluateInsert(stmt: Insert, under: Catalog, ctx: EvalContext, services: WriteServices): WriteOutcome | ObError {
  return guard(() => insert(stmt, withInformationSchema(under, ctx), ctx, services));
}

function insertColumns(stmt: Insert, schema: TableSchema): number[] {
  if (stmt.source.kind === 'Set') {
    return stmt.source.assignments.map((a) => columnIndex(schema, a.column.column, 'field list', a.column.table));
  }
  if (stmt.columns === undefined) return schema.columns.map((_, i) => i);
  return stmt.columns.map((c) => columnIndex(schema, c, 'field list'));
}

/** The source rows as values, `undefined` standing for DEFAULT. */
function sourceRows(stmt: Insert, width: number, catalog: Catalog, ctx: EvalContext): (SqlValue | undefined)[][] {
  const source = stmt.source;
  if (source.kind === 'Query') {
    const rs = evaluateSelect(source.query, catalog, ctx);
    if ('kind' in rs) return fail(rs);
    if (rs.columns.length !== width) return fail(obErrorWith('OB_ERR_COULUMN_VALUE_NOT_MATCH', 1));
    return rs.rows.map((r) => [...r]);
  }
  const scope = rootScope(catalog, ctx);
  const items = source.kind === 'Set' ? [source.assignments.map((a) => a.value)] : source.rows;
  return items.map((row, i) => {
    // `VALUES ()` is a row of defaults for every column.
    if (row.length === 0 && source.kind === 'Values') return new Array<undefined>(width).fill(undefined);
    if (row.length !== width) return fail(obErrorWith('OB_ERR_COULUMN_VALUE_NOT_MATCH', i + 1));
    return row.map((e) => (e === undefined ? undefined : (literal(e, ctx) ?? compileIn(e, scope).fn([], []))));
  });
}

const SMALL_INTEGER = /^\d{1,18}$/;
const PLAIN_DECIMAL = /^\d{1,30}\.\d{1,30}$/;

/**
 * The value of a literal or a bound `?` as compiling it would give, without compiling: the items of a bulk
 * INSERT are almost all literals, and compiling each made most of a 1,000-row statement's garbage.
 */
function literal(e: Expr, ctx: EvalContext): SqlValue | undefined {
  switch (e.kind) {
    case 'StringLiteral':
      return e.value;
    case 'NullLiteral':
      return null;
    case 'Parameter':
      return ctx.params?.[e.index] ?? null;
    case 'NumberLiteral':
      if (SMALL_INTEGER.test(e.text)) return BigInt(e.text);
      return PLAIN_DECIMAL.test(e.text) ? parseDecimal(e.text) : undefined;
    case 'Unary':
      return e.op === '-' && e.operand.kind === 'NumberLiteral' && SMALL_INTEGER.test(e.operand.text) ? -BigInt(e.operand.text) : undefined;
    default:
      return undefined;
  }
}

function insert(stmt: Insert, catalog: Catalog, ctx: EvalContext, services: WriteServices): WriteOutcome {
  const verb = stmt.replace ? 'REPLACE' : 'INSERT';
  const { table, user } = targetOf(stmt.table, verb, catalog, ctx);
  const schema = user.schema;
  const zone = ctx.timeZone;
  const positions = insertColumns(stmt, schema);
  const seenColumns = new Set<number>();
  for (const p of positions) {
    if (seenColumns.has(p)) return fail(obErrorWith('OB_ERR_FIELD_SPECIFIED_TWICE', (schema.columns[p] as ColumnSchema).name));
    seenColumns.add(p);
  }
  const rows = sourceRows(stmt, positions.length, catalog, ctx);
  const changes = new TableChanges(user);
  const onDuplicate = stmt.onDuplicate.length === 0 ? undefined : compileOnDuplicate(stmt.onDuplicate, table, catalog, ctx);
  let affected = 0;
  let duplicates = 0;
  let generatedId: bigint | undefined;
  let explicitId: bigint | undefined;
  // Where each column's value is in a source row (-1: not given), worked out once for every row.
  const from = schema.columns.map((_, p) => positions.indexOf(p));
  const autoAt = schema.columns.findIndex((c) => c.autoIncrement);
  const lenient = stmt.ignore ? { warnings: 0 } : undefined;
  rows.forEach((values, i) => {
    const site = (c: ColumnSchema) => (lenient === undefined ? { column: c.name, row: i + 1 } : { column: c.name, row: i + 1, lenient });
    const row: StoredValue[] = new Array<StoredValue>(schema.columns.length);
    for (let p = 0; p < row.length; p++) {
      const c = schema.columns[p] as ColumnSchema;
      const j = from[p] as number;
      const v = j < 0 ? undefined : values[j];
      if (p === autoAt && (v === undefined || v === null || v === 0n || v === 0)) row[p] = null;
      else row[p] = v === undefined ? defaultOf(c, ctx, j >= 0) : storeValue(c, v, site(c), zone);
    }
    if (autoAt >= 0) {
      const c = schema.columns[autoAt] as ColumnSchema;
      const v = row[autoAt];
      if (v === null) {
        const next = services.nextAutoIncrement(user.tableId);
        if (typeof next !== 'bigint') return fail(next);
        row[autoAt] = storeValue(c, next, site(c), zone);
        generatedId ??= next;
      } else if (typeof v === 'bigint') {
        const refused = services.sawAutoIncrement(user.tableId, v);
        if (refused !== undefined) fail(refused);
        explicitId = v;
      }
    }
    const k = keysOf(schema, row, zone, schema.primaryKey.length === 0 ? services.hiddenKey() : undefined);
    const hit = conflicts(changes, schema, k, undefined);
    if (hit.length === 0) {
      changes.put({ tableId: user.tableId, key: k.key, row, uniqueKeys: k.unique, insert: true, keyDisplay: k.display, hidden: schema.primaryKey.length === 0 }, undefined);
      affected += 1;
      return;
    }
    if (stmt.replace) {
      for (const h of hit) remove(changes, user, schema, h.key, zone);
      // A key the statement just deleted stays no insert (put keeps what the first write of a key was).
      changes.put({ tableId: user.tableId, key: k.key, row, uniqueKeys: k.unique, insert: true, keyDisplay: k.display, hidden: schema.primaryKey.length === 0 }, undefined);
      affected += 1 + hit.length;
      duplicates += hit.length;
      return;
    }
    if (onDuplicate !== undefined) {
      const target = hit[0] as { key: string };
      const old = changes.get(target.key) as StoredRow;
      const updated = onDuplicate(old, row, i + 1);
      if (sameRow(old, updated)) return;
      applyUpdate(changes, user, schema, target.key, old, updated, zone);
      affected += 2;
      duplicates += 1;
      return;
    }
    if (stmt.ignore) {
      duplicates += 1;
      return;
    }
    fail((hit[0] as { error: ObError }).error);
  });
  // Under IGNORE every skipped duplicate is a warning too (1062 as a note), as are the values adjusted.
  const warnings = lenient === undefined ? 0 : lenient.warnings + (onDuplicate === undefined && !stmt.replace ? duplicates : 0);
  const many = stmt.source.kind === 'Query' || rows.length > 1;
  const info = many ? `Records: ${rows.length}  Duplicates: ${duplicates}  Warnings: ${warnings}` : undefined;
  const insertId = generatedId ?? explicitId;
  return {
    writes: changes.writes(),
    affectedRows: affected,
    ...(warnings === 0 ? {} : { warnings }),
    ...(info === undefined ? {} : { info }),
    ...(generatedId === undefined ? {} : { generatedId }),
    ...(insertId === undefined ? {} : { insertId }),
  };
}

function sameRow(a: StoredRow, b: StoredRow): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** ON DUPLICATE KEY UPDATE: the existing row with the assignments applied, VALUES(c) reading the proposed row. */
function compileOnDuplicate(list: readonly Assignment[], table: Table, catalog: Catalog, ctx: EvalContext): (old: StoredRow, proposed: StoredRow, rowNo: number) => StoredRow {
  const user = table.user as UserTableAccess;
  const schema = user.schema;
  const width = table.columns.length;
  const proposedTable: Table = { name: PROPOSED, columns: table.columns.map((c) => ({ ...c, name: proposedName(c.name) })), rows: () => [] };
  const sources = [
    { table, schema: user.database, alias: table.name, offset: 0, outer: false },
    { table: proposedTable, schema: user.database, alias: PROPOSED, offset: width, outer: false },
  ];
  const scope = tableScope(catalog, ctx, sources, 'field list');
  const steps = list.map((a) => {
    if (a.column.table !== undefined && a.column.table.toLowerCase() !== table.name.toLowerCase()) {
      return fail(obErrorWith('OB_ERR_BAD_FIELD_ERROR', `${a.column.table}.${a.column.column}`, 'field list'));
    }
    const at = columnIndex(schema, a.column.column, 'field list', a.column.table);
    const value = a.value === undefined ? undefined : compileIn(rewriteValues(a.value, schema), scope);
    return { at, value };
  });
  return (old, proposed, rowNo) => {
    const next = [...old];
    const input = [...sqlRow(schema, old, ctx.timeZone), ...sqlRow(schema, proposed, ctx.timeZone)];
    for (const { at, value } of steps) {
      const c = schema.columns[at] as ColumnSchema;
      next[at] = value === undefined ? defaultOf(c, ctx, true) : storeValue(c, value.fn(input, []), { column: c.name, row: rowNo }, ctx.timeZone);
      // Later assignments read the values earlier ones wrote, as MySQL's single-table UPDATE does.
      input[at] = sqlValueOf(c.type, next[at] ?? null, fromWall(ctx.timeZone));
    }
    touchOnUpdate(schema, old, next, new Set(steps.map((s) => s.at)), ctx);
    return next;
  };
}

/** ON UPDATE CURRENT_TIMESTAMP columns not assigned take the statement's now when the row changed. */
function touchOnUpdate(schema: TableSchema, old: StoredRow, next: StoredValue[], assigned: ReadonlySet<number>, ctx: EvalContext): void {
  if (sameRow(old, next)) return;
  schema.columns.forEach((c, i) => {
    if (c.onUpdateNow !== undefined && !assigned.has(i)) next[i] = nowFor(c.type, c.onUpdateNow, ctx.nowMicros, ctx.timeZone);
  });
}

/** Replaces the row at `key` by `next`, moving it when its primary key changed; 1062 on a collision. */
function applyUpdate(changes: TableChanges, user: UserTableAccess, schema: TableSchema, key: string, old: StoredRow, next: StoredRow, zone: string | undefined): void {
  const hidden = schema.primaryKey.length === 0;
  const before = keysOf(schema, old, zone, key);
  const after = keysOf(schema, next, zone, hidden ? key : undefined);
  const hit = conflicts(changes, schema, after, key);
  if (hit.length > 0) fail((hit[0] as { error: ObError }).error);
  if (after.key !== key) {
    changes.put({ tableId: user.tableId, key, row: null, insert: false, keyDisplay: before.display, hidden: false }, before.unique);
    changes.put({ tableId: user.tableId, key: after.key, row: next, uniqueKeys: after.unique, insert: true, keyDisplay: after.display, hidden: false }, undefined);
    return;
  }
  changes.put({ tableId: user.tableId, key, row: next, uniqueKeys: after.unique, insert: false, keyDisplay: after.display, hidden: false }, before.unique);
}

// ---------------------------------------------------------------------------------------------------------------
// UPDATE and DELETE
// ---------------------------------------------------------------------------------------------------------------

/** The rows WHERE selects, in ORDER BY order, at most LIMIT of them. */
function selectRows(stmt: Update | Delete, table: Table, user: UserTableAccess, changes: TableChanges, catalog: Catalog, ctx: EvalContext): [string, StoredRow][] {
  const alias = stmt.alias ?? table.name;
  const sources = [{ table, schema: user.database, alias, offset: 0, outer: false }];
  const where = stmt.where === undefined ? undefined : compileIn(stmt.where, tableScope(catalog, ctx, sources, 'where clause'));
  const order = stmt.orderBy.map((o) => compileIn(o.expr, tableScope(catalog, ctx, sources, 'order clause')));
  let limit = Number.POSITIVE_INFINITY;
  if (stmt.limit !== undefined) {
    const v = compileIn(stmt.limit, rootScope(catalog, ctx)).fn([], []);
    if (typeof v !== 'bigint' || v < 0n) return fail(obErrorWith('OB_INVALID_ARGUMENT', 'LIMIT'));
    limit = Number(v);
  }
  const zone = ctx.timeZone;
  const picked: Keyed<[string, StoredRow]>[] = [];
  let seq = 0;
  const point = pointRead({ get: (k) => changes.get(k), unique: (i, k) => changes.holder(i, k) }, user.schema, equalities(stmt.where, tableScope(catalog, ctx, sources, 'where clause')), zone);
  for (const [key, row] of point ?? changes.entries()) {
    const values = sqlRow(user.schema, row, zone);
    if (where !== undefined && truth(where.fn(values, []), zone) !== true) continue;
    picked.push({ item: [key, row], keys: order.map((o) => o.fn(values, [])), seq: seq++ });
    if (order.length === 0 && picked.length >= limit) break;
  }
  if (order.length > 0) picked.sort(keyComparator(stmt.orderBy.map((o) => o.desc), zone));
  return picked.slice(0, limit === Number.POSITIVE_INFINITY ? picked.length : limit).map((p) => p.item);
}

export function evaluateUpdate(stmt: Update, under: Catalog, ctx: EvalContext): WriteOutcome | ObError {
  return guard(() => update(stmt, withInformationSchema(under, ctx), ctx));
}

function update(stmt: Update, catalog: Catalog, ctx: EvalContext): WriteOutcome {
  const { table, user } = targetOf(stmt.table, 'UPDATE', catalog, ctx);
  const schema = user.schema;
  const alias = stmt.alias ?? table.name;
  const sources = [{ table, schema: user.database, alias, offset: 0, outer: false }];
  const scope = tableScope(catalog, ctx, sources, 'field list');
  const steps = stmt.assignments.map((a) => {
    if (a.column.table !== undefined && a.column.table.toLowerCase() !== alias.toLowerCase()) {
      return fail(obErrorWith('OB_ERR_BAD_FIELD_ERROR', `${a.column.table}.${a.column.column}`, 'field list'));
    }
    return { at: columnIndex(schema, a.column.column, 'field list', a.column.table), value: a.value === undefined ? undefined : compileIn(a.value, scope) };
  });
  const changes = new TableChanges(user);
  const rows = selectRows(stmt, table, user, changes, catalog, ctx);
  const assigned = new Set(steps.map((s) => s.at));
  const lenient = stmt.ignore ? { warnings: 0 } : undefined;
  let changed = 0;
  rows.forEach(([key, old], i) => {
    const next = [...old];
    const input = sqlRow(schema, old, ctx.timeZone);
    for (const { at, value } of steps) {
      const c = schema.columns[at] as ColumnSchema;
      const site = lenient === undefined ? { column: c.name, row: i + 1 } : { column: c.name, row: i + 1, lenient };
      next[at] = value === undefined ? defaultOf(c, ctx, true) : storeValue(c, value.fn(input, []), site, ctx.timeZone);
      input[at] = sqlValueOf(c.type, next[at] ?? null, fromWall(ctx.timeZone));
    }
    touchOnUpdate(schema, old, next, assigned, ctx);
    if (sameRow(old, next)) return;
    // UPDATE IGNORE leaves a row that would duplicate a key as it was, with a warning.
    if (lenient !== undefined && conflicts(changes, schema, keysOf(schema, next, ctx.timeZone, schema.primaryKey.length === 0 ? key : undefined), key).length > 0) {
      lenient.warnings += 1;
      return;
    }
    applyUpdate(changes, user, schema, key, changes.get(key) ?? old, next, ctx.timeZone);
    changed += 1;
  });
  const warnings = lenient?.warnings ?? 0;
  return {
    writes: changes.writes(),
    affectedRows: changed,
    matchedRows: rows.length,
    info: `Rows matched: ${rows.length}  Changed: ${changed}  Warnings: ${warnings}`,
    ...(warnings === 0 ? {} : { warnings }),
  };
}

export function evaluateDelete(stmt: Delete, under: Catalog, ctx: EvalContext): WriteOutcome | ObError {
  return guard(() => {
    const catalog = withInformationSchema(under, ctx);
    const { table, user } = targetOf(stmt.table, 'DELETE', catalog, ctx);
    const changes = new TableChanges(user);
    const rows = selectRows(stmt, table, user, changes, catalog, ctx);
    for (const [key] of rows) remove(changes, user, user.schema, key, ctx.timeZone);
    return { writes: changes.writes(), affectedRows: rows.length };
  });
}
