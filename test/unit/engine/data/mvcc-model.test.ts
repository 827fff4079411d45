/**
 * MVCC against a tiny model: random commits (inserts, updates, deletes, unique keys, truncates) on a backed-up
 * tenant; the model keeps a copy of the rows after each commit. Every read at every commit's SCN, the latest read,
 * the unique index and a restore-style copy at a random SCN must equal the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isObError } from '../../../../src/errors.js';
import { advance, assertInvariants, executeData, findUserTable, getRow, lookupUnique, scanRows } from '../../../../src/engine/index.js';
import { copyCatalogAt } from '../../../../src/engine/data/copy-at.js';
import { entriesAt } from '../../../../src/engine/data/mvcc.js';
import type { StoredRow } from '../../../../src/engine/index.js';
import { seedTitle } from '../../../support/seed.js';
import { readyTenant, tenant } from '../helpers.js';
import { backupNow } from '../restore-helpers.js';
import { dataOk, itemsSchema, k, newCluster, put, session, T1 } from './helpers.js';

const t1 = session(T1);

type Op = { kind: 'write'; ids: number[]; del: boolean[]; names: number[] } | { kind: 'truncate' } | { kind: 'wait' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('write' as const), ids: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }), del: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), names: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 5, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'truncate' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'wait' as const }) },
);

function row(id: number, name: number): StoredRow {
  return [id, `n${name}`, name, null];
}

describe(seedTitle('MVCC equals a model of snapshots'), () => {
  it('reads at every commit SCN, latest reads, the unique index and copies at an SCN agree with the model', () => {
    const cluster = newCluster();
    backupNow(cluster, readyTenant(cluster));
    const base = structuredClone(cluster.state);
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        cluster.state = structuredClone(base);
        dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema('m', true), ifNotExists: false });
        const id = findUserTable(cluster.state, T1, 'test', 'm')!.tableId;
        let model = new Map<number, StoredRow>();
        const snapshots: { scn: bigint; rows: Map<number, StoredRow> }[] = [];
        for (const op of ops) {
          if (op.kind === 'wait') {
            advance(cluster, 1000);
            continue;
          }
          const out = op.kind === 'truncate'
            ? executeData(cluster, t1, { op: 'truncateTable', database: 'test', name: 'm' })
            : executeData(cluster, t1, { op: 'commit', writes: op.ids.map((i, j) => put(id, i, op.del[j] ? null : row(i, op.names[j]!), true)) });
          // The model applies the writes in order; a duplicate unique name rejects the whole commit.
          const next = op.kind === 'truncate' ? new Map<number, StoredRow>() : new Map(model);
          let rejected = false;
          if (op.kind === 'write') {
            op.ids.forEach((i, j) => (op.del[j] ? next.delete(i) : next.set(i, row(i, op.names[j]!))));
            const names = [...next.values()].map((r) => r[1]);
            rejected = new Set(names).size !== names.length;
          }
          expect(isObError(out)).toBe(rejected);
          if (isObError(out)) continue;
          model = next;
          if (out.commitScn !== undefined) snapshots.push({ scn: out.commitScn, rows: new Map(model) });
        }
        assertInvariants(cluster);
        const sorted = (m: Map<number, StoredRow>) => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        expect([...scanRows(cluster.state, T1, id)]).toEqual(sorted(model));
        for (const s of snapshots) {
          expect([...scanRows(cluster.state, T1, id, s.scn)]).toEqual(sorted(s.rows));
          for (const i of [1, 5, 12]) expect(getRow(cluster.state, T1, id, k(i), s.scn)).toEqual(s.rows.get(i));
        }
        for (const [i, r] of model) expect(lookupUnique(cluster.state, T1, id, 'uk_name', String(r[1]).toLowerCase())).toBe(k(i));
        const pick = snapshots[Math.floor(snapshots.length / 2)];
        if (pick !== undefined) {
          const copy = copyCatalogAt(tenant(cluster, T1).backup!.data.catalog!, pick.scn, 0);
          const table = copy.tables.find((t) => t.tableId === id)!;
          expect([...entriesAt(table.store)].map(([, r]) => r)).toEqual(sorted(pick.rows));
          for (const [i, r] of pick.rows) expect(table.store.unique.get('uk_name')!.get(String(r[1]).toLowerCase())).toBe(k(i));
        }
      }),
      { numRuns: 150 },
    );
  });
});
