/**
 * Helpers for the data plane tests: a MySQL tenant's session, schemas, keys that sort as numbers, and executeData
 * wrapped so that a rejected op is checked to leave the state exactly as it was and the invariants hold.
 */
import { expect } from 'vitest';
import { isObError } from '../../../../src/errors.js';
import type { ObError } from '../../../../src/errors.js';
import { assertInvariants, executeData, stableJson } from '../../../../src/engine/index.js';
import type { Cluster, DataOp, DataOutcome, RowWrite, SessionContext, StoredRow, TableSchema } from '../../../../src/engine/index.js';

export { newCluster, session, SYS, T1, T2 } from '../helpers.js';

/** A 4-column table: id INT PRIMARY KEY, name VARCHAR(32), qty INT, price DECIMAL(10,2); UNIQUE(name) optional. */
export function itemsSchema(name = 'items', uniqueName = false): TableSchema {
  return {
    name,
    columns: [
      { name: 'id', type: { base: 'int', width: 11, unsigned: false }, nullable: false, autoIncrement: true },
      { name: 'name', type: { base: 'varchar', length: 32 }, nullable: true, autoIncrement: false },
      { name: 'qty', type: { base: 'int', width: 11, unsigned: false }, nullable: true, autoIncrement: false },
      { name: 'price', type: { base: 'decimal', precision: 10, scale: 2 }, nullable: true, autoIncrement: false },
    ],
    primaryKey: [0],
    indexes: uniqueName ? [{ name: 'uk_name', columns: [1], unique: true }] : [],
  };
}

/** A key that sorts as the integer does (what the SQL layer's encoding promises). */
export function k(id: number): string {
  return String(id).padStart(12, '0');
}

export function item(id: number, name: string | null = `item${id}`, qty = id * 10): StoredRow {
  return [id, name, qty, `${id}.50`];
}

/** A write of `items` row `id` (uniqueKeys filled when the table has UNIQUE(name)). */
export function put(tableId: number, id: number, row: StoredRow | null = item(id), unique = false, insert = false): RowWrite {
  const name = row?.[1] ?? null;
  return {
    tableId,
    key: k(id),
    row,
    ...(unique ? { uniqueKeys: [name === null ? null : { index: 'uk_name', key: String(name).toLowerCase(), display: String(name) }] } : {}),
    ...(insert ? { insert: true, keyDisplay: String(id) } : {}),
  };
}

export function data(cluster: Cluster, ctx: SessionContext, op: DataOp): DataOutcome | ObError {
  const before = structuredClone(cluster.state);
  const beforeJson = stableJson(before);
  const out = executeData(cluster, ctx, op);
  if (isObError(out)) expect(stableJson(cluster.state)).toBe(beforeJson);
  assertInvariants(cluster, before);
  return out;
}

export function dataOk(cluster: Cluster, ctx: SessionContext, op: DataOp): DataOutcome {
  const out = data(cluster, ctx, op);
  if (isObError(out)) throw new Error(`expected ok, got ${out.name}: ${out.message}`);
  return out;
}

export function dataFails(cluster: Cluster, ctx: SessionContext, op: DataOp): ObError {
  const out = data(cluster, ctx, op);
  if (!isObError(out)) throw new Error(`expected an error, got ${JSON.stringify(out, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`);
  return out;
}
