/**
 * Every user tenant owns resources, and unit / pool names are unique with the built-in ones (issue 16, items 1-2).
 * Errors: ob_errno.def (OB_RESOURCE_UNIT_EXIST -4649, OB_RESOURCE_POOL_EXIST -4651, OB_RESOURCE_POOL_ALREADY_GRANTED
 * -4626, OB_RESOURCE_UNIT_IS_REFERENCED -4634) as ObUnitManager::drop_unit_config / drop_resource_pool raise them
 * (rootserver/ob_unit_manager.cpp, oceanbase/oceanbase b5f92605ac4224fcfd0eea561dd09fed1c11c7c6).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError } from '../../../src/index.js';
import type { EmulatorSession } from '../../../src/index.js';

function rows(s: EmulatorSession, q: string): unknown[][] {
  const rs = s.rows(q);
  if (isObError(rs)) throw new Error(`${q}: ${rs.message}`);
  return rs.rows.map((r) => [...r]);
}

function error(s: EmulatorSession, q: string): [number, string] | 'ok' {
  const r = s.execute(q);
  return isObError(r) ? [r.errno, r.message] : 'ok';
}

const withTenants = () =>
  createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42, tenants: [{ name: 't1' }, { name: 't2' }] }).session({ tenant: 'sys' });

/** obdiag's pool × unit join (plugins/gather/tasks/observer/backup.yaml, 4.x steps). */
const POOL_UNIT_JOIN =
  "SELECT c.TENANT_ID, e.TENANT_NAME, concat(c.NAME, ': ', d.NAME) `pool:conf`,concat(c.UNIT_COUNT, ' unit: ', d.min_cpu, 'C/', ROUND(d.MEMORY_SIZE/1024/1024/1024,0), 'G') unit_info FROM oceanbase.DBA_OB_RESOURCE_POOLS c, oceanbase.DBA_OB_UNIT_CONFIGS d, oceanbase.DBA_OB_TENANTS e WHERE c.UNIT_CONFIG_ID=d.UNIT_CONFIG_ID AND c.TENANT_ID=e.TENANT_ID AND c.TENANT_ID>1000 ORDER BY c.TENANT_ID";

describe('start-up tenants own a unit config and a pool', () => {
  it('--tenant t1 --tenant t2: pools for 1, 1002 and 1004, each with its own unit config', () => {
    const sys = withTenants();
    expect(rows(sys, 'SELECT RESOURCE_POOL_ID, NAME, TENANT_ID, UNIT_COUNT, ZONE_LIST FROM oceanbase.DBA_OB_RESOURCE_POOLS ORDER BY RESOURCE_POOL_ID')).toEqual([
      [1n, 'sys_pool', 1n, 1n, 'zone1'],
      [1001n, 't1_pool', 1002n, 1n, 'zone1'],
      [1002n, 't2_pool', 1004n, 1n, 'zone1'],
    ]);
    expect(rows(sys, 'SELECT UNIT_CONFIG_ID, NAME FROM oceanbase.DBA_OB_UNIT_CONFIGS ORDER BY UNIT_CONFIG_ID')).toEqual([
      [1n, 'sys_unit_config'],
      [1001n, 't1_unit'],
      [1002n, 't2_unit'],
    ]);
  });

  it('the pool × unit join a backup script runs gives one row per user tenant', () => {
    const sys = withTenants();
    expect(rows(sys, POOL_UNIT_JOIN)).toEqual([
      [1002n, 't1', 't1_pool: t1_unit', '1 unit: 2C/4G'],
      [1004n, 't2', 't2_pool: t2_unit', '1 unit: 2C/4G'],
    ]);
    const join = rows(sys, 'SELECT p.TENANT_ID, p.UNIT_COUNT, p.ZONE_LIST FROM oceanbase.DBA_OB_RESOURCE_POOLS p JOIN oceanbase.DBA_OB_UNIT_CONFIGS u ON p.UNIT_CONFIG_ID = u.UNIT_CONFIG_ID WHERE p.TENANT_ID > 1000 ORDER BY p.TENANT_ID');
    expect(join).toEqual([
      [1002n, 1n, 'zone1'],
      [1004n, 1n, 'zone1'],
    ]);
  });

  it('GV$OB_UNITS and DBA_OB_UNITS list each tenant\'s unit; DBA_OB_TENANTS.UNIT_NUM agrees with the pools', () => {
    const sys = withTenants();
    expect(rows(sys, 'SELECT UNIT_ID, TENANT_ID FROM oceanbase.GV$OB_UNITS ORDER BY UNIT_ID')).toEqual([
      [1n, 1n],
      [1001n, 1002n],
      [1002n, 1004n],
    ]);
    expect(rows(sys, 'SELECT UNIT_ID, TENANT_ID, RESOURCE_POOL_ID, UNIT_CONFIG_ID FROM oceanbase.DBA_OB_UNITS ORDER BY UNIT_ID')).toEqual([
      [1n, 1n, 1n, 1n],
      [1001n, 1002n, 1001n, 1001n],
      [1002n, 1004n, 1002n, 1002n],
    ]);
    const unitNum = rows(sys, 'SELECT t.TENANT_ID, t.UNIT_NUM, p.UNIT_COUNT FROM oceanbase.DBA_OB_TENANTS t, oceanbase.DBA_OB_RESOURCE_POOLS p WHERE p.TENANT_ID = t.TENANT_ID ORDER BY t.TENANT_ID');
    expect(unitNum.length).toBe(3);
    for (const [, n, count] of unitNum) expect(n).toBe(count);
    // GV$OB_SERVERS adds the units up: sys 1 + 2 + 2 CPUs, 2 + 4 + 4 GB.
    expect(rows(sys, 'SELECT CPU_ASSIGNED, MEM_ASSIGNED FROM oceanbase.GV$OB_SERVERS')).toEqual([[5, 10n * 1024n ** 3n]]);
  });

  it('a tenant made by CREATE TENANT without a pool list, or by a restore naming none, gets its own too', () => {
    const sys = withTenants();
    expect(error(sys, 'CREATE TENANT t3')).toBe('ok');
    expect(rows(sys, "SELECT p.NAME, u.NAME FROM oceanbase.DBA_OB_RESOURCE_POOLS p, oceanbase.DBA_OB_UNIT_CONFIGS u, oceanbase.DBA_OB_TENANTS t WHERE p.UNIT_CONFIG_ID = u.UNIT_CONFIG_ID AND p.TENANT_ID = t.TENANT_ID AND t.TENANT_NAME = 't3'")).toEqual([['t3_pool', 't3_unit']]);
    // With a resource_pool_list, the tenant owns those pools and nothing more is created.
    expect(error(sys, "CREATE RESOURCE UNIT u4 MAX_CPU 4, MEMORY_SIZE '8G'")).toBe('ok');
    expect(error(sys, "CREATE RESOURCE POOL p4 UNIT = 'u4', UNIT_NUM = 1, ZONE_LIST = ('zone1')")).toBe('ok');
    expect(error(sys, "CREATE TENANT t4 RESOURCE_POOL_LIST = ('p4')")).toBe('ok');
    expect(rows(sys, "SELECT p.NAME FROM oceanbase.DBA_OB_RESOURCE_POOLS p, oceanbase.DBA_OB_TENANTS t WHERE p.TENANT_ID = t.TENANT_ID AND t.TENANT_NAME = 't4'")).toEqual([['p4']]);
    expect(rows(sys, "SELECT COUNT(*) FROM oceanbase.DBA_OB_UNIT_CONFIGS WHERE NAME = 't4_unit'")).toEqual([[0n]]);
  });
});

describe('unit and pool names are unique, the built-in ones included', () => {
  it('CREATE RESOURCE UNIT [IF NOT EXISTS] sys_unit_config: a no-op, or 4649', () => {
    const sys = withTenants();
    const before = rows(sys, 'SELECT * FROM oceanbase.DBA_OB_UNIT_CONFIGS');
    expect(error(sys, "CREATE RESOURCE UNIT IF NOT EXISTS sys_unit_config MAX_CPU 8, MEMORY_SIZE '16G'")).toBe('ok');
    expect(rows(sys, 'SELECT * FROM oceanbase.DBA_OB_UNIT_CONFIGS')).toEqual(before);
    expect(error(sys, "CREATE RESOURCE UNIT sys_unit_config MAX_CPU 8, MEMORY_SIZE '16G'")).toEqual([4649, "resource unit 'sys_unit_config' already exist"]);
    expect(error(sys, "CREATE RESOURCE UNIT t1_unit MAX_CPU 8, MEMORY_SIZE '16G'")).toEqual([4649, "resource unit 't1_unit' already exist"]);
    expect(rows(sys, 'SELECT * FROM oceanbase.DBA_OB_UNIT_CONFIGS')).toEqual(before);
  });

  it('CREATE RESOURCE POOL sys_pool / t1_pool: 4651; IF NOT EXISTS is a no-op', () => {
    const sys = withTenants();
    expect(error(sys, "CREATE RESOURCE POOL sys_pool UNIT = 'sys_unit_config', UNIT_NUM = 1")).toEqual([4651, "resource pool 'sys_pool' exist"]);
    expect(error(sys, "CREATE RESOURCE POOL IF NOT EXISTS t1_pool UNIT = 't1_unit', UNIT_NUM = 1")).toBe('ok');
    expect(rows(sys, 'SELECT COUNT(*) FROM oceanbase.DBA_OB_RESOURCE_POOLS')).toEqual([[3n]]);
  });

  it('dropping a unit a pool uses is 4634, a pool granted to a tenant 4626, and both change nothing', () => {
    const sys = withTenants();
    expect(error(sys, 'DROP RESOURCE UNIT sys_unit_config')).toEqual([4634, "resource unit 'sys_unit_config' is referenced by some resource pool"]);
    expect(error(sys, 'DROP RESOURCE UNIT t1_unit')).toEqual([4634, "resource unit 't1_unit' is referenced by some resource pool"]);
    expect(error(sys, 'DROP RESOURCE POOL sys_pool')).toEqual([4626, "resource pool 'sys_pool' has already been granted to a tenant"]);
    expect(error(sys, 'DROP RESOURCE POOL t2_pool')).toEqual([4626, "resource pool 't2_pool' has already been granted to a tenant"]);
    expect(rows(sys, 'SELECT COUNT(*) FROM oceanbase.DBA_OB_RESOURCE_POOLS')).toEqual([[3n]]);
    // Once the tenant is dropped its pool is free, and pool then unit can go.
    expect(error(sys, 'DROP TENANT t2 FORCE')).toBe('ok');
    expect(rows(sys, "SELECT TENANT_ID FROM oceanbase.DBA_OB_RESOURCE_POOLS WHERE NAME = 't2_pool'")).toEqual([[null]]);
    expect(error(sys, 'DROP RESOURCE POOL t2_pool')).toBe('ok');
    expect(error(sys, 'DROP RESOURCE UNIT t2_unit')).toBe('ok');
  });

  it('CREATE TENANT naming a granted pool is 4626', () => {
    const sys = withTenants();
    expect(error(sys, "CREATE TENANT t5 RESOURCE_POOL_LIST = ('t1_pool')")).toEqual([4626, "resource pool 't1_pool' has already been granted to a tenant"]);
    expect(rows(sys, "SELECT COUNT(*) FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = 't5'")).toEqual([[0n]]);
  });
});
