/**
 * Model-based test of the data plane (issue 20 Build 7): generated sequences of writes (INSERT, UPDATE, DELETE,
 * committed or rolled back transactions), FULL and incremental backups, time passing, clean-ups by a delete policy
 * and restores, run through createEmulator's SQL sessions. The model keeps the table's rows after every commit,
 * with the virtual time of the commit; a restore UNTIL TIME t must build a tenant whose rows are exactly the model's
 * rows at t (the last commit at or before t), and a restore to a point the sets and the archive do not cover must
 * be refused. Which points are covered is read from the views (the oldest usable set's MIN_RESTORE_SCN and the
 * archive checkpoint): the point is the data, not the restore plan, which the engine model test checks.
 * DATA_MODEL_RUNS sets the number of sequences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertInvariants } from '../../src/engine/index.js';
import { createEmulator, type Emulator, type EmulatorSession } from '../../src/index.js';
import { runsFrom, seedTitle } from '../support/seed.js';

const RUNS = runsFrom('DATA_MODEL_RUNS', 300);
const START = '2024-01-31T03:20:00Z';
const ARCHIVE = 'file:///data/nfs/model/archive';
const DATA = 'file:///data/nfs/model/data';

type Rows = ReadonlyMap<number, string>;

type Action =
  | { readonly kind: 'insert'; readonly ids: readonly number[]; readonly v: string }
  | { readonly kind: 'update'; readonly below: number; readonly v: string }
  | { readonly kind: 'delete'; readonly below: number }
  | { readonly kind: 'transaction'; readonly ids: readonly number[]; readonly commit: boolean }
  | { readonly kind: 'backup'; readonly full: boolean }
  | { readonly kind: 'advance'; readonly minutes: number }
  | { readonly kind: 'clean' }
  | { readonly kind: 'restore'; readonly pick: number };

const ids = fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 5 });
const word = fc.constantFrom('a', 'b', 'c', 'dd', 'eee');
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), ids, v: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), below: fc.integer({ min: 1, max: 31 }), v: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), below: fc.integer({ min: 1, max: 31 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transaction' as const), ids, commit: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('backup' as const), full: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 90 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clean' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
);

function ok(s: EmulatorSession, sql: string): void {
  const r = s.execute(sql);
  if (r.kind === 'ObError') throw new Error(`${sql}: ${r.errno} ${r.message}`);
}

function one(s: EmulatorSession, sql: string): string | null {
  const r = s.execute(sql);
  if (r.kind !== 'rows') throw new Error(`${sql}: ${r.kind === 'ObError' ? r.message : r.kind}`);
  const v = r.resultSet.rows[0]?.[0];
  return v === null || v === undefined ? null : String(v);
}

function rowsOf(s: EmulatorSession): Rows {
  const r = s.execute('SELECT id, v FROM app.t ORDER BY id');
  if (r.kind !== 'rows') throw new Error(`reading app.t: ${r.kind === 'ObError' ? r.message : r.kind}`);
  return new Map(r.resultSet.rows.map((row) => [Number(row[0]), String(row[1])] as const));
}

const text = (rows: Rows): string => JSON.stringify([...rows].sort((a, b) => a[0] - b[0]));

/** The model: the rows after each commit, with the virtual time (µs) it committed at. */
class DataModel {
  rows = new Map<number, string>();
  readonly history: { atUs: number; rows: Rows }[] = [];

  commit(atUs: number, change: (rows: Map<number, string>) => void): void {
    const next = new Map(this.rows);
    change(next);
    this.rows = next;
    this.history.push({ atUs, rows: next });
  }

  /** The rows a restore UNTIL TIME `atUs` must hold: the last commit at or before it. */
  at(atUs: number): Rows {
    let rows: Rows = new Map();
    for (const h of this.history) if (h.atUs <= atUs) rows = h.rows;
    return rows;
  }
}

const nowUs = (emu: Emulator): number => emu.now().getTime() * 1000;
/** A wall-clock time in the cluster's zone (+08:00), to the second, as UNTIL TIME takes it. */
function untilTime(us: number): string {
  return new Date(us / 1000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
const scnUs = (scn: string | null): number => (scn === null ? Number.NaN : Number(BigInt(scn) / 1000n));

class Run {
  readonly emu = createEmulator({ startTime: START, seed: 7, clock: 'manual' });
  readonly t = this.emu.session({ tenant: 'mysql_tenant' });
  readonly sys = this.emu.session({ tenant: 'sys' });
  readonly model = new DataModel();
  restores = 0;
  checked = 0;

  constructor() {
    for (const sql of [`ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=${ARCHIVE}'`, `ALTER SYSTEM SET DATA_BACKUP_DEST = '${DATA}'`, 'ALTER SYSTEM ARCHIVELOG']) ok(this.t, sql);
    ok(this.t, 'ALTER EMULATOR SET WRITE RATE 0 MB PER SECOND');
    ok(this.t, 'CREATE DATABASE app');
    ok(this.t, 'CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(10) NOT NULL)');
    this.emu.advance('10s');
  }

  /** A statement that commits at once (autocommit): the model commits with it when it succeeds. */
  write(sql: string, change: (rows: Map<number, string>) => void): void {
    const r = this.t.execute(sql);
    if (r.kind !== 'ObError') this.model.commit(nowUs(this.emu), change);
  }

  apply(a: Action): void {
    switch (a.kind) {
      case 'insert': {
        // A duplicate key fails the whole statement, and the model changes nothing with it.
        const dup = a.ids.some((id) => this.model.rows.has(id));
        const r = this.t.execute(`INSERT INTO app.t VALUES ${a.ids.map((id) => `(${id}, '${a.v}')`).join(', ')}`);
        expect(r.kind === 'ObError' ? r.errno : 'ok').toBe(dup ? 1062 : 'ok');
        if (!dup) this.model.commit(nowUs(this.emu), (rows) => a.ids.forEach((id) => rows.set(id, a.v)));
        return;
      }
      case 'update':
        return this.write(`UPDATE app.t SET v = '${a.v}' WHERE id < ${a.below}`, (rows) => {
          for (const id of rows.keys()) if (id < a.below) rows.set(id, a.v);
        });
      case 'delete':
        return this.write(`DELETE FROM app.t WHERE id < ${a.below}`, (rows) => {
          for (const id of [...rows.keys()]) if (id < a.below) rows.delete(id);
        });
      case 'transaction':
        return this.transaction(a.ids, a.commit);
      case 'backup':
        this.t.execute(a.full ? 'ALTER SYSTEM BACKUP DATABASE' : 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
        return;
      case 'advance':
        this.emu.advance(`${a.minutes}m`);
        return;
      case 'clean':
        this.t.execute("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'");
        return;
      case 'restore':
        return this.restore(a.pick);
    }
  }

  /** Each id's row upserted then, half of them, deleted again, in one transaction: all of it at one SCN, or none. */
  transaction(idList: readonly number[], commit: boolean): void {
    ok(this.t, 'BEGIN');
    for (const id of idList) ok(this.t, `REPLACE INTO app.t VALUES (${id}, 'tx')`);
    const dropped = idList.filter((_, i) => i % 2 === 1);
    if (dropped.length > 0) ok(this.t, `DELETE FROM app.t WHERE id IN (${dropped.join(', ')})`);
    ok(this.t, commit ? 'COMMIT' : 'ROLLBACK');
    if (!commit) return;
    this.model.commit(nowUs(this.emu), (rows) => {
      for (const id of idList) rows.set(id, 'tx');
      for (const id of dropped) rows.delete(id);
    });
  }

  /** The restorable window now, from the views: the oldest usable set's MIN_RESTORE_SCN to the archive checkpoint. */
  window(): { fromUs: number; toUs: number } | null {
    const from = one(this.t, "SELECT MIN(MIN_RESTORE_SCN) FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE STATUS = 'SUCCESS' AND FILE_STATUS = 'AVAILABLE'");
    const to = one(this.t, 'SELECT CHECKPOINT_SCN FROM oceanbase.DBA_OB_ARCHIVELOG');
    if (from === null || to === null) return null;
    return { fromUs: scnUs(from), toUs: scnUs(to) };
  }

  restore(pick: number): void {
    const w = this.window();
    // Candidate points: a second after each commit, inside the window. Commits happen on whole seconds (time moves
    // in minutes), several at one instant get SCNs a nanosecond apart, and UNTIL TIME names a second: one second
    // later is after every commit of that instant and before the next one.
    const seconds = this.model.history.map((h) => Math.floor(h.atUs / 1e6) * 1e6 + 1e6);
    const inside = w === null ? [] : seconds.filter((us) => us >= w.fromUs && us <= w.toUs);
    const name = `r${++this.restores}`;
    ok(this.sys, `CREATE RESOURCE UNIT IF NOT EXISTS ${name}_unit MAX_CPU 2, MEMORY_SIZE '4G'`);
    ok(this.sys, `CREATE RESOURCE POOL IF NOT EXISTS ${name}_pool UNIT = '${name}_unit', UNIT_NUM = 1, ZONE_LIST = ('zone1')`);
    const source = `'${DATA},${ARCHIVE}'`;
    if (inside.length === 0) {
      // Nothing restorable yet (or any more): a point after now is refused, and nothing is created.
      const r = this.sys.execute(`ALTER SYSTEM RESTORE ${name} FROM ${source} UNTIL TIME = '${untilTime(nowUs(this.emu) + 3_600_000_000)}' WITH 'pool_list=${name}_pool'`);
      expect(r.kind).toBe('ObError');
      return;
    }
    // pick -1: the newest point (the run's closing restore).
    const atUs = (pick < 0 ? inside[inside.length - 1] : inside[pick % inside.length]) as number;
    ok(this.sys, `ALTER SYSTEM RESTORE ${name} FROM ${source} UNTIL TIME = '${untilTime(atUs)}' WITH 'pool_list=${name}_pool'`);
    for (let i = 0; i < 30 && one(this.sys, `SELECT COUNT(*) FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE RESTORE_TENANT_NAME = '${name}'`) === '0'; i++) this.emu.advance('1m');
    expect(one(this.sys, `SELECT STATUS FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE RESTORE_TENANT_NAME = '${name}' AND TENANT_ID = 1`)).toBe('SUCCESS');
    const restored = rowsOf(this.emu.session({ tenant: name }));
    expect(text(restored), `${name} restored to ${untilTime(atUs)}`).toBe(text(this.model.at(atUs)));
    this.checked++;
  }
}

describe(seedTitle('model: the data plane through SQL in process'), () => {
  it(`${RUNS} sequences of writes, backups, cleans and restores: every restored tenant holds the model's rows at its point`, () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 5, maxLength: 40 }), (actions) => {
        const run = new Run();
        // Every run ends with a FULL, a commit after it, and a restore to after that commit: always inside the window.
        const ending: Action[] = [
          { kind: 'backup', full: true },
          { kind: 'advance', minutes: 30 },
          { kind: 'update', below: 31, v: 'end' },
          { kind: 'advance', minutes: 10 },
          { kind: 'restore', pick: -1 },
        ];
        for (const a of [...actions, ...ending]) run.apply(a);
        // The live tenant holds the model's latest rows too.
        expect(text(rowsOf(run.t))).toBe(text(run.model.rows));
        assertInvariants(run.emu.inspect());
        checked += run.checked;
        run.emu.close();
      }),
      { numRuns: RUNS },
    );
    // Every run ends with a restore inside the window, so the data of at least one tenant per run was compared.
    expect(checked).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});
