/**
 * Restore (issue 6 items 1-2; statements.md §3.7, §8.5; views.md §7.1-§7.2, §8.13): which sets and pieces a
 * restore uses, its synchronous errors, its rows through time, cancel, preview and the restored data.
 */
import { describe, expect, it } from 'vitest';
import { restorePreviewRows } from '../../../src/engine/restore/restore-manage.js';
import { versionsAt } from '../../../src/engine/index.js';
import type { Cluster } from '../../../src/engine/index.js';
import { SYS, T1, fails, newCluster, ok, readyTenant, session, step, tenant } from './helpers.js';
import { ARCHIVE, DATA, backupNow, finishRestores, sql, timeText } from './restore-helpers.js';

const FROM = `'${DATA},${ARCHIVE}'`;

function withPool(cluster: Cluster, pool = 'p1'): void {
  const sys = session(SYS);
  ok(cluster, sys, sql("CREATE RESOURCE UNIT IF NOT EXISTS uc1 MAX_CPU 2, MEMORY_SIZE '4G'"));
  ok(cluster, sys, sql(`CREATE RESOURCE POOL IF NOT EXISTS ${pool} UNIT='uc1', UNIT_NUM=1, ZONE_LIST=('zone1')`));
}

/** A source tenant with a FULL (set 1), ten minutes of archive, an INC (set 2) and ten more minutes. */
function fullThenInc(): { cluster: Cluster; full: number; inc: number } {
  const cluster = newCluster();
  const t = readyTenant(cluster);
  const full = backupNow(cluster, t);
  step(cluster, 600_000, 10_000);
  const inc = backupNow(cluster, t, true);
  step(cluster, 600_000, 10_000);
  return { cluster, full, inc };
}

function setOf(cluster: Cluster, id: number) {
  return tenant(cluster, T1).backup!.setFiles.find((s) => s.backupSetId === id)!;
}

function lastHistory(cluster: Cluster, tenantId = SYS) {
  return [...cluster.state.restoreHistory].reverse().find((h) => h.tenantId === tenantId)!;
}

describe('restore: choice of sets and pieces (ObRestoreUtil, fill_backup_set_map_)', () => {
  it('a point between a FULL and the next INC uses exactly the FULL', () => {
    const { cluster, full, inc } = fullThenInc();
    const point = setOf(cluster, full).minRestoreScn + 1000n;
    expect(point < setOf(cluster, inc).minRestoreScn).toBe(true);
    withPool(cluster);
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} UNTIL SCN = ${point} WITH 'pool_list=p1'`));
    const job = cluster.state.restoreJobs[0]!;
    expect(job.backupSetList).toBe(`${DATA}/backup_set_${full}_full`);
    expect(job.restoreScn).toBe(point);
    expect(job.backupPieceList).toMatch(/^file:\/\/\/backup\/1002\/archive\/piece_d1001r1p\d+$/);
  });

  it('a point after the INC uses the FULL and the INC', () => {
    const { cluster, full, inc } = fullThenInc();
    withPool(cluster);
    const point = setOf(cluster, inc).minRestoreScn;
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} UNTIL SCN = ${point} WITH 'pool_list=p1'`));
    expect(cluster.state.restoreJobs[0]!.backupSetList).toBe(`${DATA}/backup_set_${full}_full,${DATA}/backup_set_${inc}_inc`);
  });

  it('a point before the first set\'s MIN_RESTORE_SCN fails with OB_ENTRY_NOT_EXIST and changes nothing', () => {
    const { cluster, full } = fullThenInc();
    const e = fails(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} UNTIL SCN = ${setOf(cluster, full).minRestoreScn - 1n} WITH 'pool_list=p1'`));
    expect([e.errno, e.message]).toEqual([4018, 'no backup set path or log piece can be used to restore']);
  });

  it('a point the archive does not reach yet fails with "No enough log for restore" (get_piece_paths_in_range)', () => {
    const { cluster } = fullThenInc();
    const future = timeText(cluster.state.nowUs + 3600_000_000);
    const e = fails(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} UNTIL TIME = '${future}' WITH 'pool_list=p1'`));
    expect([e.errno, e.message]).toEqual([4018, 'No enough log for restore']);
  });

  it('without UNTIL the restore point is the newest archive checkpoint; UNTIL TIME is read in the server zone (+08:00)', () => {
    const { cluster } = fullThenInc();
    withPool(cluster);
    const max = tenant(cluster, T1).backup!.pieces.reduce((m, p) => (p.checkpointScn > m ? p.checkpointScn : m), 0n);
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM '${DATA}, ${ARCHIVE}' WITH 'pool_list=p1'`));
    expect(cluster.state.restoreJobs[0]!.restoreScn).toBe(max);
    const us = Number(max / 1000n) - 60_000_000;
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r2 FROM ${FROM} UNTIL TIME = '${timeText(us)}' WITH 'pool_list=p1'`));
    expect(cluster.state.restoreJobs[1]!.restoreScn).toBe(BigInt(us) * 1000n);
  });
});

describe('restore: synchronous errors (statements.md §3.7 resolver and RS rows)', () => {
  it('the target name exists (5156) or is being restored (9014)', () => {
    const { cluster } = fullThenInc();
    withPool(cluster);
    const e = fails(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE mysql_tenant FROM ${FROM} WITH 'pool_list=p1'`));
    expect([e.errno, e.message]).toEqual([5156, "tenant 'mysql_tenant' already exist"]);
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`));
    expect(fails(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE R1 FROM ${FROM} WITH 'pool_list=p1'`)).errno).toBe(9014);
    step(cluster, 3000);
    expect(fails(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`)).errno).toBe(9014);
  });

  it('an unknown dest has no format file (9080); a malformed one is invalid (9026); SCN 0 is rejected (4002)', () => {
    const { cluster } = fullThenInc();
    const sys = session(SYS);
    expect(fails(cluster, sys, sql(`ALTER SYSTEM RESTORE r1 FROM 'file:///nowhere' WITH 'pool_list=p1'`)).errno).toBe(9080);
    expect(fails(cluster, sys, sql(`ALTER SYSTEM RESTORE r1 FROM 'ftp://x' WITH 'pool_list=p1'`)).errno).toBe(9026);
    const e = fails(cluster, sys, sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} UNTIL SCN = 0 WITH 'pool_list=p1'`));
    expect(e.message).toBe('Incorrect arguments to until scn, it should be positive integer');
  });

  it('only sys restores; FROM together with an ADDed restore source is not supported', () => {
    const { cluster } = fullThenInc();
    expect(fails(cluster, session(T1), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`)).errno).toBe(4179);
    const sys = session(SYS);
    ok(cluster, sys, sql(`ALTER SYSTEM ADD RESTORE SOURCE '${DATA}'`));
    const e = fails(cluster, sys, sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`));
    expect(e.message).toBe('should not have backup_dest and restore_source at the same time not supported');
  });

  it('an encrypted set needs its password in SET DECRYPTION (check_passwd, substring match; 9047)', () => {
    const cluster = newCluster();
    const t = readyTenant(cluster);
    ok(cluster, t, sql("SET ENCRYPTION ON IDENTIFIED BY 'secret' ONLY"));
    backupNow(cluster, t);
    step(cluster, 600_000, 10_000);
    withPool(cluster);
    const sys = session(SYS);
    const restore = sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`);
    expect(fails(cluster, sys, restore).errno).toBe(9047);
    ok(cluster, sys, sql("SET DECRYPTION IDENTIFIED BY 'wrong'"));
    expect(fails(cluster, sys, restore).message).toBe('invalid password for backup');
    ok(cluster, sys, sql("SET DECRYPTION IDENTIFIED BY 'other', 'secret'"));
    ok(cluster, sys, restore);
  });
});

describe('restore: rows and roles through time (views.md §8.13, clients.md §9)', () => {
  it('sys row CREATE_TENANT → WAIT_TENANT_RESTORE_FINISH, tenant row RESTORE_PRE … UPGRADE, history SUCCESS for 1 and the tenant', () => {
    const { cluster } = fullThenInc();
    withPool(cluster);
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1&primary_zone=zone1'`));
    expect(cluster.state.restoreJobs.map((j) => [j.tenantId, j.status])).toEqual([[1, 'CREATE_TENANT']]);
    step(cluster, 1000);
    const id = cluster.state.restoreJobs[0]!.restoreTenantId;
    expect(id).toBe(1006);
    expect(tenant(cluster, 1005).name).toBe('META$1006');
    expect([tenant(cluster, id).role, tenant(cluster, id).status, tenant(cluster, id).primaryZone]).toEqual(['RESTORE', 'RESTORE', 'zone1']);
    expect(cluster.state.restoreJobs.map((j) => [j.tenantId, j.status])).toEqual([[1, 'WAIT_TENANT_RESTORE_FINISH'], [id, 'RESTORE_PRE']]);
    expect(cluster.state.resourcePools.find((p) => p.name === 'p1')!.tenantId).toBe(id);
    finishRestores(cluster);
    const row = cluster.state.restoreHistory.find((h) => h.tenantId === id)!;
    expect(row.statusLog.map((c) => c.to)).toEqual([
      'RESTORE_PRE', 'RESTORE_CREATE_INIT_LS', 'RESTORE_WAIT_LS', 'POST_CHECK', 'UPGRADE', 'RESTORE_SUCCESS', 'SUCCESS',
    ]);
    expect(lastHistory(cluster).statusLog.map((c) => c.to)).toEqual(['CREATE_TENANT', 'WAIT_TENANT_RESTORE_FINISH', 'RESTORE_SUCCESS', 'SUCCESS']);
    expect([row.finishBytes, row.finishTabletCount, row.finishLsCount]).toEqual([row.totalBytes, row.tabletCount, row.lsCount]);
    expect([tenant(cluster, id).role, tenant(cluster, id).status]).toEqual(['STANDBY', 'NORMAL']);
    expect(lastHistory(cluster).backupClusterVersion).toBe((4n << 32n) | (2n << 16n) | (5n << 8n));
  });

  it('RESTORE_WAIT_LS lasts as long as the bytes to restore take: a bigger tenant takes longer', () => {
    const waitOf = (blocks: number): number => {
      const cluster = newCluster({ macroBlocksPerTenant: blocks });
      const t = readyTenant(cluster);
      backupNow(cluster, t);
      step(cluster, 600_000, 10_000);
      withPool(cluster);
      ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`));
      finishRestores(cluster, 3600);
      const log = lastHistory(cluster, 1006).statusLog;
      return log.find((c) => c.to === 'POST_CHECK')!.atUs - log.find((c) => c.to === 'RESTORE_WAIT_LS')!.atUs;
    };
    expect(waitOf(1000)).toBeGreaterThan(waitOf(100) * 3);
  });

  it('the restored tenant\'s macroblock versions equal the source\'s at the restore SCN (versionsAt)', () => {
    const { cluster, full } = fullThenInc();
    withPool(cluster);
    const point = setOf(cluster, full).minRestoreScn + 120_000_000_000n;
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} UNTIL SCN = ${point} WITH 'pool_list=p1'`));
    finishRestores(cluster);
    const source = tenant(cluster, T1).backup!.data;
    const restored = tenant(cluster, 1006).backup!.data;
    expect(Array.from(versionsAt(restored, cluster.state.nowUs))).toEqual(Array.from(versionsAt(source, Number(point / 1000n))));
    expect(Array.from(versionsAt(restored, cluster.state.nowUs))).not.toEqual(Array.from(versionsAt(source, cluster.state.nowUs)));
  });

  it('a pool that does not exist fails the job later: a FAIL history row with a COMMENT, no tenant', () => {
    const { cluster } = fullThenInc();
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=nopool'`));
    finishRestores(cluster);
    const row = lastHistory(cluster);
    expect(row.status).toBe('FAIL');
    expect(row.comment).toMatch(/result: -4650\(resource pool 'nopool' not exist\)/);
    expect(cluster.state.tenants.some((t) => t.name === 'r1')).toBe(false);
  });
});

describe('CANCEL RESTORE (a forced drop of the restoring tenant, statements.md §3.7)', () => {
  it('cancel during restore removes both progress rows, drops the tenant and frees its pool', () => {
    const { cluster } = fullThenInc();
    withPool(cluster);
    const sys = session(SYS);
    ok(cluster, sys, sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`));
    step(cluster, 3000);
    expect(cluster.state.restoreJobs).toHaveLength(2);
    ok(cluster, sys, sql('ALTER SYSTEM CANCEL RESTORE `r1`'));
    expect(cluster.state.restoreJobs).toEqual([]);
    expect(cluster.state.tenants.some((t) => t.name === 'r1' || t.name === 'META$1006')).toBe(false);
    expect(cluster.state.resourcePools.find((p) => p.name === 'p1')!.tenantId).toBeNull();
    expect(lastHistory(cluster).status).toBe('FAIL');
    step(cluster, 10_000);
    expect(cluster.state.restoreJobs).toEqual([]);
  });

  it('a tenant that is not being restored is not dropped (OB_OP_NOT_ALLOW); an unknown one is 5157', () => {
    const cluster = newCluster();
    expect(fails(cluster, session(SYS), sql('ALTER SYSTEM CANCEL RESTORE mysql_tenant')).message).toBe('Cancel tenant not in restore is not allowed');
    expect(fails(cluster, session(SYS), sql('ALTER SYSTEM CANCEL RESTORE nobody')).errno).toBe(5157);
  });
});

describe('RESTORE … PREVIEW (ObTenantShowRestorePreview)', () => {
  it('stores the request in session variables; the rows are the sets, then the pieces; the variables are then cleared', () => {
    const { cluster, full, inc } = fullThenInc();
    const sys = session(SYS);
    const rowsBefore = restorePreviewRows(cluster, SYS, sys.variables);
    expect('kind' in rowsBefore && rowsBefore.message).toBe('show restore preview before ALTER SYSTEM RESTORE PREVIEW is not supported');
    ok(cluster, sys, sql(`ALTER SYSTEM RESTORE FROM ${FROM} UNTIL SCN = ${setOf(cluster, inc).minRestoreScn} PREVIEW`));
    expect(sys.vars.get('__ob_restore_preview_backup_dest__')).toBe(`${DATA},${ARCHIVE}`);
    const rows = restorePreviewRows(cluster, SYS, sys.variables);
    if ('kind' in rows) throw new Error(rows.message);
    expect(rows.map((r) => [r.backupType, r.backupId])).toEqual([
      ['BACKUP_SET', full],
      ['BACKUP_SET', inc],
      ...rows.slice(2).map((r) => ['BACKUP_PIECE', r.backupId]),
    ]);
    expect(rows.length).toBeGreaterThan(2);
    expect(sys.vars.has('__ob_restore_preview_backup_dest__')).toBe(false);
  });
});
