/**
 * CDB/DBA_OB_RESTORE_PROGRESS and _HISTORY (views.md §7.1-§7.2, §8.13, §12.4, §13.10) read from the engine's real
 * restore jobs, plus what a restore shows elsewhere: DBA_OB_TENANTS (role, SCNs), DBA_OB_RESOURCE_POOLS (the grant),
 * GV$OB_UNITS and DBA_OB_LOG_RESTORE_SOURCE. Script: archive, FULL, writes, INC, more archive, then a restore until a
 * time between the INC and now, watched second by second.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { advance } from '../../../src/engine/index.js';
import type { Cluster } from '../../../src/engine/index.js';
import { Temporal } from '../../../src/result.js';
import type { RowObject } from './helpers.js';
import { archivelog, backup, finishJobs, newCluster, ok, session, set, sql, serverTimeText, view } from './helpers.js';

const T1 = 1002;
const SYS = 1;
/** The restored tenant takes the next even id after mysql_tenant (1002) and oracle_tenant (1004). */
const R1 = 1006;
const ARCHIVE = 'file:///backup/1002/archive';
const DATA = 'file:///backup/1002/data';

let c: Cluster;
let startUs = 0;
let restoreUs = 0;
/** STATUS of the sys and tenant progress rows, one entry per change, with when it was first seen. */
const seen: { sys: [string, number][]; tenant: [string, number][] } = { sys: [], tenant: [] };
/** The tenant's progress row and DBA_OB_TENANTS row the first time RESTORE_WAIT_LS was half done. */
let midway: { progress: RowObject; sys: RowObject; tenant: RowObject; atUs: number; waitLsUs: number; phaseStartUs: number } | null = null;
let sets: RowObject[] = [];
let pieces: RowObject[] = [];

function note(list: [string, number][], status: unknown): void {
  if (list[list.length - 1]?.[0] !== status) list.push([String(status), c.state.nowUs]);
}

beforeAll(() => {
  c = newCluster();
  const t = session(T1);
  const sys = session(SYS);
  ok(c, t, set('log_archive_dest', `location=${ARCHIVE}`));
  ok(c, t, set('data_backup_dest', DATA));
  ok(c, t, archivelog(true));
  advance(c, 10_000);
  ok(c, t, backup(false));
  finishJobs(c, T1);
  advance(c, 600_000);
  ok(c, t, { kind: 'EmulatorWriteMacroblocks', count: '7', tenant: null });
  ok(c, t, backup(true));
  finishJobs(c, T1);
  advance(c, 600_000);
  sets = view(c, T1, 'DBA_OB_BACKUP_SET_FILES');
  pieces = view(c, T1, 'DBA_OB_ARCHIVELOG_PIECE_FILES');
  ok(c, sys, sql("CREATE RESOURCE UNIT uc1 MAX_CPU 2, MEMORY_SIZE '4G'"));
  ok(c, sys, sql("CREATE RESOURCE POOL p1 UNIT='uc1', UNIT_NUM=1, ZONE_LIST=('zone1')"));
  // A point one minute after the INC's MIN_RESTORE_SCN, to the microsecond.
  restoreUs = Number((sets[1]!['MIN_RESTORE_SCN'] as bigint) / 1000n) + 60_000_123;
  startUs = c.state.nowUs;
  ok(c, sys, sql(`ALTER SYSTEM RESTORE r1 FROM '${DATA},${ARCHIVE}' UNTIL TIME = '${serverTimeText(restoreUs)}' WITH 'pool_list=p1'`));
  for (let i = 0; i < 900 && c.state.restoreJobs.length > 0; i++) {
    const rows = view(c, SYS, 'CDB_OB_RESTORE_PROGRESS');
    const sysRow = rows.find((r) => r['TENANT_ID'] === 1n);
    const tenantRow = rows.find((r) => r['TENANT_ID'] === BigInt(R1));
    if (sysRow) note(seen.sys, sysRow['STATUS']);
    if (tenantRow) note(seen.tenant, tenantRow['STATUS']);
    const job = c.state.restoreJobs.find((j) => j.tenantId === R1);
    if (midway === null && job?.status === 'RESTORE_WAIT_LS' && job.plan !== null && c.state.nowUs - job.plan.phaseStartUs >= job.plan.waitLsUs / 2) {
      midway = {
        progress: tenantRow!,
        sys: sysRow!,
        atUs: c.state.nowUs,
        tenant: view(c, SYS, 'DBA_OB_TENANTS').find((r) => r['TENANT_ID'] === BigInt(R1))!,
        waitLsUs: job.plan.waitLsUs,
        phaseStartUs: job.plan.phaseStartUs,
      };
    }
    advance(c, 1000);
  }
});

const us = (v: unknown): number => Number((v as Temporal).utcMicros);
const totalBytes = (): bigint => (sets[0]!['OUTPUT_BYTES'] as bigint) + (sets[1]!['OUTPUT_BYTES'] as bigint);

describe('CDB_OB_RESTORE_PROGRESS while the restore runs', () => {
  it('the sys row goes CREATE_TENANT → WAIT_TENANT_RESTORE_FINISH → RESTORE_SUCCESS, one second per step at first', () => {
    expect(seen.sys.map(([s]) => s)).toEqual(['CREATE_TENANT', 'WAIT_TENANT_RESTORE_FINISH', 'RESTORE_SUCCESS']);
    expect(seen.sys[0]![1]).toBe(startUs);
    expect(seen.sys[1]![1]).toBe(startUs + 1_000_000);
  });

  it('the tenant row shows RESTORE_PRE … POST_CHECK as RESTORING, then UPGRADE and RESTORE_SUCCESS raw', () => {
    expect(seen.tenant.map(([s]) => s)).toEqual(['RESTORING', 'UPGRADE', 'RESTORE_SUCCESS']);
    // Created with the tenant at +1 s (RESTORE_PRE), RESTORE_CREATE_INIT_LS at +2 s, RESTORE_WAIT_LS from +3 s.
    expect(seen.tenant[0]![1]).toBe(startUs + 1_000_000);
    expect(midway).not.toBeNull();
    expect(midway!.phaseStartUs).toBe(startUs + 3_000_000);
    // POST_CHECK at the end of RESTORE_WAIT_LS, UPGRADE one second later: the first whole-second look after it.
    const upgradeUs = midway!.phaseStartUs + midway!.waitLsUs + 1_000_000;
    expect(seen.tenant[1]![1] - upgradeUs).toBeGreaterThanOrEqual(0);
    expect(seen.tenant[1]![1] - upgradeUs).toBeLessThan(1_000_000);
  });

  it('midway, the tenant row has every list, TOTAL_BYTES = the sets\' OUTPUT_BYTES and FINISH_BYTES in proportion', () => {
    const p = midway!.progress;
    const full = `${DATA}/backup_set_1_full`;
    const inc = `${DATA}/backup_set_2_inc`;
    const piece = `${ARCHIVE}/piece_d1001r1p${String(pieces[0]!['PIECE_ID'])}`;
    expect([p['JOB_ID'], p['RESTORE_TENANT_NAME'], p['RESTORE_TENANT_ID'], p['BACKUP_TENANT_NAME'], p['BACKUP_TENANT_ID']]).toEqual([1n, 'r1', String(R1), 'mysql_tenant', '1002']);
    expect([p['BACKUP_CLUSTER_NAME'], p['BACKUP_DEST'], p['RESTORE_OPTION'], p['RESTORE_TYPE']]).toEqual(['obcluster', `${DATA},${ARCHIVE}`, 'pool_list=p1', 'FULL']);
    expect(p['RESTORE_SCN']).toBe(String(BigInt(restoreUs) * 1000n));
    expect(p['RESTORE_SCN_DISPLAY']).toEqual(new Temporal('DATETIME', BigInt(restoreUs)));
    expect([p['BACKUP_SET_LIST'], p['BACKUP_PIECE_LIST'], p['DESCRIPTION']]).toEqual([`${full},${inc}`, piece, '']);
    expect(us(p['START_TIMESTAMP'])).toBe(startUs);
    expect(p['TOTAL_BYTES']).toBe(totalBytes());
    // Bytes restored grow linearly over RESTORE_WAIT_LS: floor(total × elapsed / duration).
    const elapsed = BigInt(midway!.atUs - midway!.phaseStartUs);
    expect(p['FINISH_BYTES']).toBe((totalBytes() * elapsed) / BigInt(midway!.waitLsUs));
    expect(p['FINISH_BYTES_DISPLAY']).toMatch(/^\d+\.\d\dMB$/);
  });

  it('the sys row carries the same job and lists, WAIT_TENANT_RESTORE_FINISH, and NULL bytes (no progress row joins it)', () => {
    const s = midway!.sys;
    expect([s['JOB_ID'], s['STATUS'], s['RESTORE_TENANT_ID'], s['BACKUP_SET_LIST']]).toEqual([1n, 'WAIT_TENANT_RESTORE_FINISH', String(R1), midway!.progress['BACKUP_SET_LIST']]);
    expect([s['TOTAL_BYTES'], s['TOTAL_BYTES_DISPLAY'], s['FINISH_BYTES'], s['FINISH_BYTES_DISPLAY']]).toEqual([null, null, null, null]);
  });

  it('midway, DBA_OB_TENANTS shows the new tenant RESTORE / RESTORE with the base SCN and RECOVERY_UNTIL_SCN = the restore SCN', () => {
    const t = midway!.tenant;
    expect([t['TENANT_NAME'], t['TENANT_TYPE'], t['STATUS'], t['TENANT_ROLE']]).toEqual(['r1', 'USER', 'RESTORE', 'RESTORE']);
    expect([t['SYNC_SCN'], t['REPLAYABLE_SCN'], t['READABLE_SCN']]).toEqual([1n, 1n, 1n]);
    expect(t['RECOVERY_UNTIL_SCN']).toBe(BigInt(restoreUs) * 1000n);
  });
});

describe('CDB_OB_RESTORE_HISTORY after the restore', () => {
  it('has a TENANT_ID 1 row and a tenant row, in the history column order, STATUS SUCCESS', () => {
    const rows = view(c, SYS, 'CDB_OB_RESTORE_HISTORY');
    expect(rows.map((r) => [r['TENANT_ID'], r['JOB_ID'], r['STATUS']])).toEqual([[1n, 1n, 'SUCCESS'], [BigInt(R1), 1n, 'SUCCESS']]);
    expect(view(c, SYS, 'CDB_OB_RESTORE_PROGRESS')).toEqual([]);
    const names = Object.keys(rows[0]!);
    expect(names.slice(7, 12)).toEqual(['BACKUP_DEST', 'RESTORE_SCN', 'RESTORE_SCN_DISPLAY', 'RESTORE_OPTION', 'RESTORE_TYPE']);
    expect(names.slice(14, 18)).toEqual(['STATUS', 'BACKUP_PIECE_LIST', 'BACKUP_SET_LIST', 'BACKUP_CLUSTER_VERSION']);
  });

  it('typed values: integer ids and SCN, the encoded cluster version of 4.2.5.0, full counts and bytes', () => {
    for (const r of view(c, SYS, 'CDB_OB_RESTORE_HISTORY')) {
      expect([r['RESTORE_TENANT_NAME'], r['RESTORE_TENANT_ID'], r['BACKUP_TENANT_ID'], r['RESTORE_SCN']]).toEqual(['r1', BigInt(R1), 1002n, BigInt(restoreUs) * 1000n]);
      // cal_version(4, 2, 5, 0) = 4 << 32 | 2 << 16 | 5 << 8.
      expect(r['BACKUP_CLUSTER_VERSION']).toBe(4n * 2n ** 32n + 2n * 2n ** 16n + 5n * 2n ** 8n);
      const tablets = c.state.tenants.find((t) => t.id === T1)!.backup!.data.tabletCount;
      expect([r['LS_COUNT'], r['FINISH_LS_COUNT'], r['TABLET_COUNT'], r['FINISH_TABLET_COUNT']]).toEqual([2n, 2n, BigInt(tablets), BigInt(tablets)]);
      expect([r['TOTAL_BYTES'], r['FINISH_BYTES']]).toEqual([totalBytes(), totalBytes()]);
      expect(r['TOTAL_BYTES_DISPLAY']).toMatch(/^\d+\.\d\dMB$/);
      expect(r['FINISH_BYTES_DISPLAY']).toBe(r['TOTAL_BYTES_DISPLAY']);
      expect([r['DESCRIPTION'], r['COMMENT'], us(r['START_TIMESTAMP'])]).toEqual(['', '', startUs]);
    }
  });

  it('FINISH_TIMESTAMP: the tenant row when UPGRADE ended, the sys row when it saw the tenant finish', () => {
    const [sysRow, tenantRow] = view(c, SYS, 'CDB_OB_RESTORE_HISTORY');
    // End of RESTORE_WAIT_LS = E: POST_CHECK at E, UPGRADE at E+1 s, done at E+2 s; the tenant row leaves at
    // E+3 s and wakes the sys row, which finishes at E+4 s.
    const endWaitLs = midway!.phaseStartUs + midway!.waitLsUs;
    expect(us(tenantRow!['FINISH_TIMESTAMP'])).toBe(endWaitLs + 2_000_000);
    expect(us(sysRow!['FINISH_TIMESTAMP'])).toBe(endWaitLs + 4_000_000);
  });

  it('a user tenant reads its own rows in DBA_OB_RESTORE_HISTORY; sys\'s DBA form holds the sys row', () => {
    expect(view(c, R1, 'DBA_OB_RESTORE_HISTORY').map((r) => r['RESTORE_TENANT_NAME'])).toEqual(['r1']);
    expect(view(c, SYS, 'DBA_OB_RESTORE_HISTORY').map((r) => r['RESTORE_TENANT_ID'])).toEqual([BigInt(R1)]);
  });
});

describe('what the restored tenant shows elsewhere', () => {
  it('DBA_OB_TENANTS: a NORMAL STANDBY replayed to the restore SCN', () => {
    const t = view(c, SYS, 'DBA_OB_TENANTS').find((r) => r['TENANT_ID'] === BigInt(R1))!;
    const scn = BigInt(restoreUs) * 1000n;
    expect([t['STATUS'], t['TENANT_ROLE'], t['SYNC_SCN'], t['REPLAYABLE_SCN'], t['READABLE_SCN'], t['RECOVERY_UNTIL_SCN']]).toEqual(['NORMAL', 'STANDBY', scn, scn, scn, scn]);
  });

  it('DBA_OB_RESOURCE_POOLS: p1 (id 1003, after the start-up tenants\' own 1001, 1002) granted to the tenant when it was created; GV$OB_UNITS has its unit', () => {
    const pool = view(c, SYS, 'DBA_OB_RESOURCE_POOLS').find((r) => r['NAME'] === 'p1')!;
    expect([pool['RESOURCE_POOL_ID'], pool['TENANT_ID'], pool['UNIT_CONFIG_ID'], pool['ZONE_LIST']]).toEqual([1003n, BigInt(R1), 1003n, 'zone1']);
    expect(us(pool['MODIFY_TIME'])).toBe(startUs + 1_000_000);
    expect(us(pool['CREATE_TIME'])).toBe(startUs);
    const units = view(c, SYS, 'GV$OB_UNITS');
    expect(units.map((u) => [u['UNIT_ID'], u['TENANT_ID']])).toEqual([[1n, 1n], [1001n, 1002n], [1002n, 1004n], [1003n, BigInt(R1)]]);
    expect([units[3]!['MAX_CPU'], units[3]!['MEMORY_SIZE']]).toEqual([2, 4n * 1024n ** 3n]);
    expect(view(c, R1, 'GV$OB_UNITS').map((u) => u['TENANT_ID'])).toEqual([BigInt(R1)]);
  });

  it('DBA_OB_LOG_RESTORE_SOURCE: LOG_RESTORE_SOURCE shows as TYPE LOCATION with the path, RECOVERY_UNTIL_SCN the tenant\'s', () => {
    ok(c, session(SYS), sql(`ALTER SYSTEM SET LOG_RESTORE_SOURCE = 'LOCATION=${ARCHIVE}' TENANT = r1`));
    const scn = BigInt(restoreUs) * 1000n;
    expect(view(c, SYS, 'CDB_OB_LOG_RESTORE_SOURCE')).toEqual([{ TENANT_ID: BigInt(R1), ID: 1n, TYPE: 'LOCATION', VALUE: ARCHIVE, RECOVERY_UNTIL_SCN: scn }]);
    expect(view(c, R1, 'DBA_OB_LOG_RESTORE_SOURCE').map((r) => r['VALUE'])).toEqual([ARCHIVE]);
    // Not a DBA_OB_BACKUP_PARAMETER row (it is a log restore source, not a backup dest).
    expect(view(c, R1, 'DBA_OB_BACKUP_PARAMETER').map((r) => r['NAME'])).not.toContain('log_restore_source');
  });
});
