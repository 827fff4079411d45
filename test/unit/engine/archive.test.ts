import { describe, expect, it } from 'vitest';
import { assertInvariants, execute } from '../../../src/engine/index.js';
import type { Cluster } from '../../../src/engine/index.js';
import { isObError } from '../../../src/errors.js';
import { SYS, T1, T2, archivelog, fails, newCluster, ok, session, set, step, tenant } from './helpers.js';

describe('log archive (statements.md §3.1, views.md §9.5-§9.6, §10.3)', () => {
  it('§3.1 effect: ARCHIVELOG flips LOG_MODE only; without a dest no round starts', () => {
    const c = newCluster();
    ok(c, session(T1), archivelog());
    expect(tenant(c, T1).logMode).toBe('ARCHIVELOG');
    step(c, 10_000);
    expect(tenant(c, T1).backup!.rounds).toEqual([]);
  });

  it('§9.5 / emulator.md timing: a poller sees PREPARE, then BEGINNING ~2 s, then DOING ~2 s later', () => {
    const c = newCluster();
    const ctx = session(T1);
    ok(c, ctx, set('log_archive_dest', 'location=file:///backup/archive'));
    ok(c, ctx, archivelog());
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      step(c, 500, 500);
      const r = tenant(c, T1).backup!.rounds[0];
      const s = r ? r.status : '-';
      if (seen[seen.length - 1] !== s) seen.push(s);
    }
    expect(seen).toEqual(['-', 'PREPARE', 'BEGINNING', 'DOING']);
    const round = tenant(c, T1).backup!.rounds[0]!;
    expect(round.roundId).toBe(1);
    expect(round.basePieceId).toBe(1);
    expect(round.destId).toBe(1001);
    expect(round.checkpointScn > round.startScn).toBe(true);
    expect(round.pieceSwitchIntervalUs).toBe(86_400_000_000);
  });

  it('§9.5: BEGINNING comes 2 s after ARCHIVELOG and DOING 2 s after that', () => {
    const c = newCluster();
    const ctx = session(T1);
    ok(c, ctx, set('log_archive_dest', 'location=file:///backup/archive'));
    const t0 = c.state.nowUs;
    ok(c, ctx, archivelog());
    step(c, 10_000, 250);
    const log = tenant(c, T1).backup!.rounds[0]!.statusLog.map((x) => [x.to, (x.atUs - t0) / 1e6]);
    expect(log).toEqual([
      ['PREPARE', 1],
      ['BEGINNING', 2],
      ['DOING', 4],
    ]);
  });

  it('§9.5: the checkpoint lags about LAG_TARGET behind now, and pieces follow the piece-id formula (§10.3)', () => {
    const c = newCluster();
    const ctx = session(T1);
    ok(c, ctx, set('log_archive_dest', 'location=file:///backup/archive piece_switch_interval=1d lag_target=60s'));
    ok(c, ctx, archivelog());
    step(c, 3 * 86_400_000 + 3_600_000, 3_600_000);
    const b = tenant(c, T1).backup!;
    const round = b.rounds[0]!;
    const lagUs = c.state.nowUs - Number(round.checkpointScn / 1000n);
    expect(lagUs).toBe(60_000_000);
    const pieces = b.pieces.filter((p) => p.roundId === 1).sort((a, p) => a.pieceId - p.pieceId);
    expect(pieces.map((p) => p.pieceId)).toEqual([1, 2, 3, 4]);
    expect(pieces.slice(0, 3).every((p) => p.status === 'FROZEN' && p.fileStatus === 'AVAILABLE')).toBe(true);
    expect(pieces[3]!.status).toBe('ACTIVE');
    expect(pieces[1]!.startScn - pieces[0]!.startScn).toBe(86_400_000_000_000n);
    expect(pieces[0]!.startScn).toBe(round.startScn);
    expect(round.usedPieceId).toBe(4);
    expect(round.frozenInputBytes).toBe(pieces.slice(0, 3).reduce((s, p) => s + p.inputBytes, 0));
    expect(round.frozenInputBytes).toBeGreaterThan(0);
  });

  it('§9.5: NOARCHIVELOG stops the round (STOPPING → STOP), pieces freeze, the round goes to history; a new round continues piece ids', () => {
    const c = newCluster();
    const ctx = session(T1);
    ok(c, ctx, set('log_archive_dest', 'location=file:///backup/archive'));
    ok(c, ctx, archivelog());
    step(c, 10_000);
    ok(c, ctx, archivelog(false));
    step(c, 5_000);
    const b = tenant(c, T1).backup!;
    expect(b.rounds[0]!.status).toBe('STOP');
    expect(b.rounds[0]!.statusLog.map((x) => x.to)).toEqual(['PREPARE', 'BEGINNING', 'DOING', 'STOPPING', 'STOP']);
    expect(b.roundHistory.map((r) => [r.roundId, r.status])).toEqual([[1, 'STOP']]);
    expect(b.pieces.every((p) => p.status === 'FROZEN')).toBe(true);
    ok(c, ctx, archivelog());
    step(c, 10_000);
    expect(b.rounds[0]!.roundId).toBe(2);
    expect(b.rounds[0]!.basePieceId).toBe(2);
    expect(b.rounds[0]!.status).toBe('DOING');
    expect(c.state.rootserviceEvents.filter((e) => e.module === 'log_archive').length).toBe(8);
  });

  it('§4.5: DEFER suspends (SUSPENDING → SUSPEND) and ENABLE resumes the same round (SUSPEND → BEGINNING → DOING)', () => {
    const c = newCluster();
    const ctx = session(T1);
    ok(c, ctx, set('log_archive_dest', 'location=file:///backup/archive'));
    ok(c, ctx, archivelog());
    step(c, 10_000);
    ok(c, ctx, set('log_archive_dest_state', 'DEFER'));
    step(c, 5_000);
    expect(tenant(c, T1).backup!.rounds[0]!.status).toBe('SUSPEND');
    ok(c, ctx, set('log_archive_dest_state', 'ENABLE'));
    step(c, 5_000);
    const r = tenant(c, T1).backup!.rounds[0]!;
    expect(r.roundId).toBe(1);
    expect(r.statusLog.map((x) => x.to)).toEqual(['PREPARE', 'BEGINNING', 'DOING', 'SUSPENDING', 'SUSPEND', 'BEGINNING', 'DOING']);
  });

  it('§3.1 checks 8-9: ARCHIVELOG twice gives 9091, NOARCHIVELOG when off gives 9092 (user tenant)', () => {
    const c = newCluster();
    const ctx = session(T1);
    expect(fails(c, ctx, archivelog(false)).message).toBe('Already in NOARCHIVELOG mode');
    ok(c, ctx, archivelog());
    const e = fails(c, ctx, archivelog());
    expect([e.errno, e.code, e.message]).toEqual([9091, -9091, 'Already in ARCHIVELOG mode']);
  });

  it('§3.1 check 1: a user tenant giving TENANT = gets OB_ERR_NO_PRIVILEGE (1227, Access denied)', () => {
    const c = newCluster();
    const e = fails(c, session(T1), archivelog(true, ['mysql_tenant']));
    expect([e.name, e.errno, e.message]).toEqual(['OB_ERR_NO_PRIVILEGE', 1227, 'Access denied']);
  });

  it('§3.1 checks 2-5 and §5.2: unknown → 5160, duplicate, all combined, all_user → OB_NOT_SUPPORTED messages', () => {
    const c = newCluster();
    const sys = session(SYS);
    expect(fails(c, sys, archivelog(true, ['nope'])).errno).toBe(5160);
    expect(fails(c, sys, archivelog(true, ['mysql_tenant', 'MYSQL_TENANT'])).message).toBe('duplicate tenant MYSQL_TENANT is not supported');
    expect(fails(c, sys, archivelog(true, ['all', 'mysql_tenant'])).message).toBe(
      'all/all_user/all_meta in combination with other names is not supported',
    );
    expect(fails(c, sys, archivelog(true, ['all_user'])).message).toBe("use all_user/all_meta in 'ALTER SYSTEM ARCHIVELOG' syntax is not supported");
  });

  it('§3.1 quirk: sys ARCHIVELOG over several tenants swallows per-tenant errors', () => {
    const c = newCluster();
    ok(c, session(T1), archivelog());
    ok(c, session(SYS), archivelog());
    ok(c, session(SYS), archivelog(true, ['all']));
    expect([tenant(c, T1).logMode, tenant(c, T2).logMode]).toEqual(['ARCHIVELOG', 'ARCHIVELOG']);
  });

  it('§3.1 quirk: sys NOARCHIVELOG returns the LAST tenant result (earlier tenants are still switched)', () => {
    const c = newCluster();
    ok(c, session(T1), archivelog());
    // T1 is on, T2 (the last) is off: the statement fails with 9092 although T1 was switched off.
    const outcome = runQuirk(c);
    expect(outcome).toBe('OB_ALREADY_IN_NOARCHIVE_MODE');
    expect(tenant(c, T1).logMode).toBe('NOARCHIVELOG');
    ok(c, session(T2), archivelog());
    ok(c, session(SYS), archivelog(false));
    expect(tenant(c, T2).logMode).toBe('NOARCHIVELOG');
  });
});


function runQuirk(c: Cluster): string {
  const outcome = execute(c, session(SYS), archivelog(false));
  assertInvariants(c);
  return isObError(outcome) ? outcome.name : 'ok';
}
