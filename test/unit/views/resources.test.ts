/**
 * DBA_OB_UNIT_CONFIGS, DBA_OB_RESOURCE_POOLS and GV$OB_UNITS after create / drop / grant (stable ids from 1001,
 * never reused; creation and modification times; a pool's tenant), and DBA_OB_CLUSTER_EVENT_HISTORY after an upgrade
 * job, also through SQL as obshell counts it (clients.md §6-§7, §9).
 */
import { describe, expect, it } from 'vitest';
import { advance, createCluster } from '../../../src/engine/index.js';
import { createEmulator, isObError } from '../../../src/index.js';
import type { Temporal } from '../../../src/result.js';
import { START_US, newCluster, ok, session, sql, view } from './helpers.js';

const SYS = 1;
const us = (v: unknown): number => Number((v as Temporal).utcMicros);

describe('resource units and pools', () => {
  it('ids follow creation and survive a drop; times are when each was created and last changed; a grant sets TENANT_ID', () => {
    // No start-up user tenant, so no start-up units or pools: the ids here are the first user ones.
    const c = createCluster({ startTimeUs: START_US, seed: 42, tenants: [] });
    const sys = session(SYS);
    ok(c, sys, sql("CREATE RESOURCE UNIT u1 MAX_CPU 1, MEMORY_SIZE '2G'"));
    advance(c, 1000);
    ok(c, sys, sql("CREATE RESOURCE UNIT u2 MAX_CPU 4, MIN_CPU 2, MEMORY_SIZE '8G', LOG_DISK_SIZE '20G'"));
    ok(c, sys, sql('DROP RESOURCE UNIT u1'));
    advance(c, 1000);
    ok(c, sys, sql("CREATE RESOURCE UNIT u3 MAX_CPU 2, MEMORY_SIZE '4G'"));
    const units = view(c, SYS, 'DBA_OB_UNIT_CONFIGS');
    expect(units.map((u) => [u['UNIT_CONFIG_ID'], u['NAME']])).toEqual([[1n, 'sys_unit_config'], [1002n, 'u2'], [1003n, 'u3']]);
    expect([units[1]!['MAX_CPU'], units[1]!['MIN_CPU'], units[1]!['MEMORY_SIZE'], units[1]!['LOG_DISK_SIZE']]).toEqual([4, 2, 8n * 1024n ** 3n, 20n * 1024n ** 3n]);
    expect([us(units[0]!['CREATE_TIME']), us(units[1]!['CREATE_TIME']), us(units[2]!['CREATE_TIME'])]).toEqual([START_US, START_US + 1_000_000, START_US + 2_000_000]);

    ok(c, sys, sql("CREATE RESOURCE POOL p1 UNIT='u2', UNIT_NUM=1, ZONE_LIST=('zone1')"));
    ok(c, sys, sql("CREATE RESOURCE POOL p2 UNIT='u3', UNIT_NUM=1, ZONE_LIST=('zone1')"));
    ok(c, sys, sql('DROP RESOURCE POOL p1'));
    ok(c, sys, sql("CREATE RESOURCE POOL p3 UNIT='u2', UNIT_NUM=1, ZONE_LIST=('zone1')"));
    let pools = view(c, SYS, 'DBA_OB_RESOURCE_POOLS');
    expect(pools.map((p) => [p['RESOURCE_POOL_ID'], p['NAME'], p['TENANT_ID'], p['UNIT_CONFIG_ID']])).toEqual([
      [1n, 'sys_pool', 1n, 1n],
      [1002n, 'p2', null, 1003n],
      [1003n, 'p3', null, 1002n],
    ]);
    // A pool nobody uses has no unit on the server.
    expect(view(c, SYS, 'GV$OB_UNITS').map((u) => u['UNIT_ID'])).toEqual([1n]);

    advance(c, 5000);
    ok(c, sys, sql("CREATE TENANT t9 resource_pool_list=('p2')"));
    const t9 = c.state.tenants.find((t) => t.name === 't9')!.id;
    pools = view(c, SYS, 'DBA_OB_RESOURCE_POOLS');
    const p2 = pools.find((p) => p['NAME'] === 'p2')!;
    expect(p2['TENANT_ID']).toBe(BigInt(t9));
    expect([us(p2['CREATE_TIME']), us(p2['MODIFY_TIME'])]).toEqual([START_US + 2_000_000, START_US + 7_000_000]);
    expect(pools.find((p) => p['NAME'] === 'p3')!['TENANT_ID']).toBeNull();
    const units2 = view(c, SYS, 'GV$OB_UNITS');
    expect(units2.map((u) => [u['UNIT_ID'], u['TENANT_ID'], u['MAX_CPU'], u['MEMORY_SIZE']])).toEqual([
      [1n, 1n, 1, 2n * 1024n ** 3n],
      [1002n, BigInt(t9), 2, 4n * 1024n ** 3n],
    ]);
    expect(us(units2[1]!['CREATE_TIME'])).toBe(START_US + 7_000_000);

    ok(c, sys, sql('DROP TENANT t9 FORCE'));
    expect(view(c, SYS, 'DBA_OB_RESOURCE_POOLS').find((p) => p['NAME'] === 'p2')!['TENANT_ID']).toBeNull();
  });
});

describe('DBA_OB_CLUSTER_EVENT_HISTORY', () => {
  it('RUN UPGRADE JOB UPGRADE_ALL writes the row obshell counts: VALUE3 = ob_version(), VALUE5 = the tenant id', () => {
    const c = newCluster();
    expect(view(c, SYS, 'DBA_OB_CLUSTER_EVENT_HISTORY')).toEqual([]);
    advance(c, 3000);
    ok(c, session(SYS), sql("ALTER SYSTEM RUN UPGRADE JOB 'UPGRADE_ALL' TENANT = mysql_tenant"));
    const rows = view(c, SYS, 'DBA_OB_CLUSTER_EVENT_HISTORY');
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(us(r['TIMESTAMP'])).toBe(START_US + 3_000_000);
    expect([r['MODULE'], r['EVENT'], r['NAME1'], r['VALUE1'], r['NAME3'], r['VALUE3'], r['NAME5'], r['VALUE5']]).toEqual(
      ['UPGRADE', 'UPGRADE_ALL', 'job_id', '1', 'target_data_version', '4.2.5.0', 'tenant_id', '1002'],
    );
    expect(r['EXTRA_INFO']).toBe('');
  });

  it('through SQL: obshell\'s count is 0 before the job and 1 after', () => {
    const emulator = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 });
    const s = emulator.session({ tenant: 'sys', database: 'oceanbase' });
    const count = (): unknown => {
      const rs = s.rows("SELECT count(*) FROM `oceanbase`.`DBA_OB_CLUSTER_EVENT_HISTORY` WHERE event = 'UPGRADE_ALL' AND value3 = ob_version() AND value5 = 1002");
      if (isObError(rs)) throw new Error(rs.message);
      return rs.rows[0]?.[0];
    };
    expect(count()).toBe(0n);
    const run = s.execute("ALTER SYSTEM RUN UPGRADE JOB 'UPGRADE_ALL' TENANT = mysql_tenant");
    expect(isObError(run)).toBe(false);
    expect(count()).toBe(1n);
  });
});
