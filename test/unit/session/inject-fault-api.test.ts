/**
 * The embedded API's faults (emulator.md "Faults", issue 19 Build 1): emu.injectFault / emu.clearFaults are
 * `ALTER EMULATOR INJECT FAULT` / `CLEAR FAULT(S)` run in sys, so the same spec gives the same SHOW EMULATOR FAULTS
 * row and the same consequence as the statement, per cluster, deterministically.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, injectFaultSql } from '../../../src/index.js';
import type { Emulator, EmulatorSession } from '../../../src/index.js';

const START = '2024-01-31T03:20:00Z';

function archiving(emu: Emulator, cluster = ''): EmulatorSession {
  const t = emu.session({ tenant: 'mysql_tenant', database: 'oceanbase', cluster });
  const results = t.query(`ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///backup/archive';
    ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///backup/data';
    ALTER SYSTEM ARCHIVELOG`);
  expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok']);
  emu.advance('10s', cluster);
  return t;
}

/** The rows of a query; a timestamp as its UTC ISO text. */
function rows(s: EmulatorSession, sql: string): unknown[][] {
  const r = s.rows(sql);
  if (!('rows' in r)) throw new Error(`${sql}: ${r.message}`);
  const cell = (v: unknown): unknown =>
    typeof v === 'object' && v !== null && 'utcMicros' in v ? new Date(Number((v as { utcMicros: bigint }).utcMicros / 1000n)).toISOString() : v;
  return r.rows.map((row) => row.map(cell));
}

describe('injectFaultSql', () => {
  it('writes the statement of each effect, with durations in seconds', () => {
    expect(injectFaultSql({ target: 'BACKUP DEST', error: 'OB_IO_ERROR' })).toBe('ALTER EMULATOR INJECT FAULT BACKUP DEST ERROR = OB_IO_ERROR');
    expect(injectFaultSql({ target: 'ARCHIVE DEST', tenant: 'mysql_tenant', throughputMbPerSecond: 0.5, after: '8s', for: 90_000 })).toBe(
      'ALTER EMULATOR INJECT FAULT ARCHIVE DEST TENANT = mysql_tenant THROUGHPUT = 0.5 MB PER SECOND AFTER 8 SECONDS FOR 90 SECONDS',
    );
    expect(injectFaultSql({ target: 'SERVER', down: true, for: '2m' })).toBe('ALTER EMULATOR INJECT FAULT SERVER DOWN FOR 120 SECONDS');
    expect(() => injectFaultSql({ target: 'RESTORE' })).toThrow(/needs one of/);
  });
});

describe('emu.injectFault', () => {
  it('returns FAULT_IDs 1, 2, … and SHOW EMULATOR FAULTS lists what was armed, when', () => {
    const emu = createEmulator({ startTime: START, seed: 1 });
    expect(emu.injectFault({ target: 'BACKUP DEST', tenant: 'mysql_tenant', error: 'OB_BACKUP_DEVICE_OUT_OF_SPACE', after: '8s' })).toBe(1);
    expect(emu.injectFault({ target: 'SERVER', down: true, after: '1m', for: '30s' })).toBe(2);
    expect(rows(emu.session(), 'SHOW EMULATOR FAULTS')).toEqual([
      [1n, 'BACKUP DEST', 1002n, 'ERROR = OB_BACKUP_DEVICE_OUT_OF_SPACE', '2024-01-31T03:20:08.000Z', null, 0n],
      [2n, 'SERVER', 1n, 'DOWN', '2024-01-31T03:21:00.000Z', '2024-01-31T03:21:30.000Z', 0n],
    ]);
  });

  it('throws the OceanBase error of a refused fault and arms nothing', () => {
    const emu = createEmulator({ startTime: START });
    expect(() => emu.injectFault({ target: 'SERVER', error: 'OB_IO_ERROR' })).toThrow(/SERVER cannot return OB_IO_ERROR/);
    expect(() => emu.injectFault({ target: 'BACKUP DEST', error: 'OB_NO_SUCH_ERROR' })).toThrow(/not an OceanBase error/);
    expect(() => emu.injectFault({ target: 'RESTORE', down: true })).toThrow(/only the SERVER can be down/);
    expect(() => emu.injectFault({ target: 'BACKUP DEST', tenant: 'no_such', error: 'OB_IO_ERROR' })).toThrow();
    expect(emu.inspect().state.faults).toEqual([]);
    // The ids refused faults would have had are not used up.
    expect(emu.injectFault({ target: 'BACKUP CLEAN', error: 'OB_IO_ERROR' })).toBe(1);
  });

  it('has the consequence the statement has: a full dest fails a running backup with -9082', () => {
    const viaApi = createEmulator({ startTime: START, seed: 1 });
    const viaSql = createEmulator({ startTime: START, seed: 1 });
    const outcomes = [viaApi, viaSql].map((emu, i) => {
      const t = archiving(emu);
      if (i === 0) emu.injectFault({ target: 'BACKUP DEST', error: 'OB_BACKUP_DEVICE_OUT_OF_SPACE', after: '8s' });
      else expect(emu.execute('ALTER EMULATOR INJECT FAULT BACKUP DEST ERROR = OB_BACKUP_DEVICE_OUT_OF_SPACE AFTER 8 SECONDS')).toMatchObject({ kind: 'ok', lastInsertId: 1 });
      expect(t.execute('ALTER SYSTEM BACKUP DATABASE')).toMatchObject({ kind: 'ok' });
      emu.advance('1m');
      return rows(t, 'SELECT JOB_ID, STATUS, RESULT, COMMENT FROM DBA_OB_BACKUP_JOB_HISTORY');
    });
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]).toHaveLength(1);
    expect(outcomes[0]![0]!.slice(0, 3)).toEqual([1n, 'FAILED', -9082n]);
    expect(outcomes[0]![0]![3]).toMatch(/^\(SERVER\)ls_id: 1001, addr: 127\.0\.0\.1:2882, module: BACKUP_DATA, result: -9082\(backup device out of space\), trace_id: /);
  });

  it('acts on its cluster only, and clearFaults(id) / clearFaults() disarm one / all', () => {
    const emu = createEmulator({ startTime: START, seed: 1 });
    const a = archiving(emu, 'a');
    const b = archiving(emu, 'b');
    const one = emu.injectFault({ target: 'BACKUP DEST', error: 'OB_BACKUP_PERMISSION_DENIED' }, 'a');
    const two = emu.injectFault({ target: 'ARCHIVE DEST', error: 'OB_IO_ERROR' }, 'a');
    expect([one, two]).toEqual([1, 2]);
    expect(emu.inspect('b').state.faults).toEqual([]);
    for (const t of [a, b]) expect(t.execute('ALTER SYSTEM BACKUP DATABASE')).toMatchObject({ kind: 'ok' });
    emu.advance('1m', 'a');
    emu.advance('1m', 'b');
    expect(rows(a, 'SELECT STATUS, RESULT FROM DBA_OB_BACKUP_JOB_HISTORY')).toEqual([['FAILED', -9071n]]);
    expect(rows(b, 'SELECT STATUS, RESULT FROM DBA_OB_BACKUP_JOB_HISTORY')).toEqual([['COMPLETED', 0n]]);
    emu.clearFaults(one, 'a');
    expect(emu.inspect('a').state.faults.map((f) => f.faultId)).toEqual([two]);
    expect(() => emu.clearFaults(one, 'a')).toThrow(/fault 1 does not exist/);
    emu.clearFaults(undefined, 'a');
    expect(emu.inspect('a').state.faults).toEqual([]);
    // With the dest working again, cluster a's next backup completes with the next set id (job 1 failed at its
    // dest check, before writing a set file, but its set id stays used).
    expect(a.execute('ALTER SYSTEM BACKUP DATABASE')).toMatchObject({ kind: 'ok' });
    emu.advance('10m', 'a');
    expect(rows(a, 'SELECT JOB_ID, BACKUP_SET_ID, STATUS FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY JOB_ID')).toEqual([
      [1n, 1n, 'FAILED'],
      [2n, 2n, 'COMPLETED'],
    ]);
    expect(rows(a, 'SELECT BACKUP_SET_ID, STATUS FROM DBA_OB_BACKUP_SET_FILES')).toEqual([[2n, 'SUCCESS']]);
  });
});

describe('SERVER DOWN and the heartbeat events', () => {
  const serverEvents = (s: EmulatorSession): unknown[][] =>
    rows(s, "SELECT EVENT, VALUE1 FROM DBA_OB_ROOTSERVICE_EVENT_HISTORY WHERE MODULE = 'server' ORDER BY TIMESTAMP");

  it('logs the lease lapse lease_time after the observer goes down and its return when cleared, once for overlapping faults', () => {
    const emu = createEmulator({ startTime: START, seed: 1 });
    const sys = emu.session({ database: 'oceanbase' });
    const a = emu.injectFault({ target: 'SERVER', down: true });
    emu.advance('5s');
    emu.injectFault({ target: 'SERVER', down: true, for: '10s' });
    // The heartbeat service waits out lease_time (10 s) before it counts the observer offline.
    expect(rows(sys, 'SELECT STATUS FROM DBA_OB_SERVERS')).toEqual([['ACTIVE']]);
    expect(serverEvents(sys)).toEqual([]);
    emu.advance('5s');
    expect(rows(sys, 'SELECT STATUS FROM DBA_OB_SERVERS')).toEqual([['INACTIVE']]);
    expect(serverEvents(sys)).toEqual([
      ['lease_expire', '"127.0.0.1:2882"'],
      ['last_offline_time set', '"127.0.0.1:2882"'],
    ]);
    // The second fault's end leaves the first armed: still down, no event.
    emu.advance('20s');
    expect(serverEvents(sys)).toHaveLength(2);
    emu.clearFaults(a);
    expect(rows(sys, 'SELECT STATUS FROM DBA_OB_SERVERS')).toEqual([['ACTIVE']]);
    expect(serverEvents(sys).slice(2)).toEqual([
      ['last_offline_time reset', '"127.0.0.1:2882"'],
      ['online', '"127.0.0.1:2882"'],
    ]);
    // Clearing faults that are not armed changes nothing.
    emu.injectFault({ target: 'SERVER', down: true, after: '1h' });
    emu.clearFaults();
    expect(serverEvents(sys)).toHaveLength(4);
    // An outage shorter than the lease never shows.
    emu.injectFault({ target: 'SERVER', down: true, for: '5s' });
    emu.advance('3s');
    expect(rows(sys, 'SELECT STATUS FROM DBA_OB_SERVERS')).toEqual([['ACTIVE']]);
    emu.advance('10s');
    expect(serverEvents(sys)).toHaveLength(4);
  });
});
