/**
 * Issue 22's fixture: 30 virtual days of daily FULL and hourly INC backups with archiving and a 7-day recovery
 * window, saved, loaded into a fresh emulator: every view's SELECT * (in sys and in the tenant) gives the same
 * answer, and the next 10 statements give the same answers on both (the seeded stream and ids carried across).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEXT_TEN, THIRTY_DAYS_START, thirtyDayStatements } from '../../../bench/thirty-days.js';
import { createEmulator, type Emulator, type StatementResult } from '../../../src/index.js';
import { assertInvariants } from '../../../src/engine/index.js';

const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
const dir = mkdtempSync(join(tmpdir(), 'obsim-30d-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(): Emulator {
  const emu = createEmulator({ clock: 'manual', startTime: THIRTY_DAYS_START, seed: 7, snapshotDir: dir });
  const t = emu.session({ tenant: 'mysql_tenant' });
  for (const sql of thirtyDayStatements()) expect(t.execute(sql).kind, sql).toBe('ok');
  return emu;
}

/** Every table of `oceanbase`, SELECT * as sys and as mysql_tenant: one text per view. */
function everyView(emu: Emulator): Map<string, string> {
  const out = new Map<string, string>();
  for (const tenant of ['sys', 'mysql_tenant']) {
    const s = emu.session({ tenant });
    const tables = s.rows('SHOW TABLES FROM oceanbase');
    if ('kind' in tables) throw new Error(tables.message);
    for (const [name] of tables.rows) out.set(`${tenant}:${String(name)}`, json(s.execute(`SELECT * FROM oceanbase.${String(name)}`)));
  }
  return out;
}

function nextTen(emu: Emulator): StatementResult[] {
  const t = emu.session({ tenant: 'mysql_tenant' });
  return NEXT_TEN.map((sql) => t.execute(sql));
}

describe('a 30-day cluster saved and loaded', () => {
  const saved = build();
  const history = saved.execute('SELECT COUNT(*) FROM oceanbase.CDB_OB_BACKUP_SET_FILES');

  it('built what the issue asks: 30 FULL, 690 INC, and the window cleaned some', () => {
    const t = saved.session({ tenant: 'mysql_tenant' });
    expect(json(history)).toContain('"720n"');
    const types = t.rows('SELECT BACKUP_TYPE, COUNT(*) FROM oceanbase.DBA_OB_BACKUP_SET_FILES GROUP BY BACKUP_TYPE ORDER BY 1');
    expect('kind' in types ? types : types.rows.map(([k, n]) => [k, Number(n)])).toEqual([
      ['FULL', 30],
      ['INC', 690],
    ]);
    const deleted = t.rows("SELECT COUNT(*) FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE FILE_STATUS = 'DELETED'");
    expect('kind' in deleted ? 0 : Number(deleted.rows[0]![0])).toBeGreaterThan(100);
  });

  it('every view is the same after SAVE SNAPSHOT and LOAD SNAPSHOT into a fresh emulator, and so are the next 10 statements', () => {
    expect(saved.execute("ALTER EMULATOR SAVE SNAPSHOT 'month'")).toEqual({ kind: 'ok' });
    const before = everyView(saved);
    // A fresh emulator with another seed and start: everything it shows comes from the snapshot.
    const fresh = createEmulator({ clock: 'manual', startTime: '2030-06-01T00:00:00Z', seed: 99, snapshotDir: dir });
    expect(fresh.execute("ALTER EMULATOR LOAD SNAPSHOT 'month'")).toEqual({ kind: 'ok' });
    assertInvariants(fresh.inspect());
    const after = everyView(fresh);
    expect(after.size).toBeGreaterThan(60);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [view, text] of before) expect(after.get(view), view).toBe(text);
    const a = nextTen(saved);
    const b = nextTen(fresh);
    expect(a.filter((r) => r.kind === 'ObError')).toEqual([]);
    expect(json(b)).toBe(json(a));
    expect(json(everyView(fresh))).toBe(json(everyView(saved)));
  });

  it('starts every cluster of an emulator from a snapshot (the serve --snapshot path), and RESET returns to it', () => {
    const bytes = saved.saveSnapshot();
    const emu = createEmulator({ clock: 'manual', snapshot: bytes });
    const other = createEmulator({ clock: 'manual', snapshot: bytes });
    const view = 'SELECT * FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY';
    const start = json(emu.execute(view, { cluster: 'w1' }));
    expect(json(emu.execute(view))).toBe(json(saved.execute(view)));
    expect(start).toBe(json(saved.execute(view)));
    expect(json(nextTen(emu))).toBe(json(nextTen(other)));
    expect(json(emu.execute(view))).not.toBe(start);
    expect(emu.execute('ALTER EMULATOR RESET')).toEqual({ kind: 'ok' });
    expect(json(emu.execute(view))).toBe(start);
  });
});
