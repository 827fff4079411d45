/**
 * What tools run around a restore (clients.md §7, statements.md §4.6): ACTIVATE STANDBY, RECOVER STANDBY,
 * SWITCHOVER, RUN UPGRADE JOB, resource units and pools, DROP TENANT … FORCE, SET LOG_RESTORE_SOURCE.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/index.js';
import { SYS, T1, fails, newCluster, ok, readyTenant, session, step, tenant } from './helpers.js';
import { ARCHIVE, DATA, backupNow, finishRestores, sql, timeText } from './restore-helpers.js';

const SCN_MAX = 4611686018427387903n;

/** A cluster with a finished restore of mysql_tenant into `t1r` (id 1006, STANDBY), pool p1 granted to it. */
function restored(): Cluster {
  const cluster = newCluster();
  const t = readyTenant(cluster);
  backupNow(cluster, t);
  step(cluster, 600_000, 10_000);
  const sys = session(SYS);
  ok(cluster, sys, sql("CREATE RESOURCE UNIT uc1 MAX_CPU 2, MEMORY_SIZE '4G'"));
  ok(cluster, sys, sql("CREATE RESOURCE POOL p1 UNIT='uc1', UNIT_NUM=1, ZONE_LIST=('zone1')"));
  ok(cluster, sys, sql(`ALTER SYSTEM RESTORE t1r FROM '${DATA},${ARCHIVE}' WITH 'pool_list=p1'`));
  finishRestores(cluster);
  expect(tenant(cluster, 1006).role).toBe('STANDBY');
  return cluster;
}

describe('ACTIVATE STANDBY (clients.md §7: TENANT_ROLE becomes PRIMARY)', () => {
  it('from sys with TENANT, the standby becomes PRIMARY and follows the GTS', () => {
    const cluster = restored();
    ok(cluster, session(SYS), sql("ALTER SYSTEM ACTIVATE STANDBY TENANT 't1r'"));
    const t = tenant(cluster, 1006);
    expect([t.role, t.followsGts, t.recoveryUntilScn, t.switchoverStatus]).toEqual(['PRIMARY', true, SCN_MAX, 'NORMAL']);
    // Activating a tenant that is already primary succeeds and changes nothing (ObStandbyService: "already is
    // primary tenant, no need switch").
    const before = structuredClone(t);
    ok(cluster, session(SYS), sql('ALTER SYSTEM ACTIVATE STANDBY TENANT t1r'));
    expect(tenant(cluster, 1006)).toEqual(before);
  });

  it('in the standby\'s own session without a name; VERIFY changes nothing', () => {
    const cluster = restored();
    const own = session(1006);
    ok(cluster, own, sql('ALTER SYSTEM ACTIVATE STANDBY VERIFY'));
    expect(tenant(cluster, 1006).role).toBe('STANDBY');
    ok(cluster, own, sql('ALTER SYSTEM ACTIVATE STANDBY'));
    expect(tenant(cluster, 1006).role).toBe('PRIMARY');
  });

  it('a tenant still restoring cannot be activated', () => {
    const cluster = newCluster();
    const t = readyTenant(cluster);
    backupNow(cluster, t);
    step(cluster, 600_000, 10_000);
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE t1r FROM '${DATA},${ARCHIVE}' WITH 'concurrency=4'`));
    step(cluster, 2000);
    expect(fails(cluster, session(SYS), sql('ALTER SYSTEM ACTIVATE STANDBY TENANT t1r')).errno).toBe(4179);
  });
});

describe('RECOVER STANDBY (clients.md §7: OK, role stays STANDBY)', () => {
  it('UNTIL SCN, TIME and UNLIMITED record RECOVERY_UNTIL_SCN', () => {
    const cluster = restored();
    const sys = session(SYS);
    ok(cluster, sys, sql("ALTER SYSTEM RECOVER STANDBY TENANT 't1r' UNTIL SCN=1714564800000000000"));
    expect(tenant(cluster, 1006).recoveryUntilScn).toBe(1714564800000000000n);
    ok(cluster, sys, sql(`ALTER SYSTEM RECOVER STANDBY TENANT = t1r UNTIL TIME='${timeText(1714564800000000)}'`));
    expect(tenant(cluster, 1006).recoveryUntilScn).toBe(1714564800000000000n);
    ok(cluster, sys, sql('ALTER SYSTEM RECOVER STANDBY TENANT t1r UNTIL UNLIMITED'));
    expect([tenant(cluster, 1006).recoveryUntilScn, tenant(cluster, 1006).role]).toEqual([SCN_MAX, 'STANDBY']);
    expect(fails(cluster, sys, sql('ALTER SYSTEM RECOVER STANDBY TENANT mysql_tenant UNTIL UNLIMITED')).errno).toBe(4179);
  });
});

describe('SWITCHOVER (clients.md §7: roles swap; the former primary shows STANDBY / NORMAL)', () => {
  it('TO STANDBY on the primary, then TO PRIMARY on the standby', () => {
    const cluster = newCluster();
    const sys = session(SYS);
    ok(cluster, sys, sql('ALTER SYSTEM SWITCHOVER TO STANDBY TENANT = mysql_tenant VERIFY'));
    expect(tenant(cluster, T1).role).toBe('PRIMARY');
    ok(cluster, sys, sql('ALTER SYSTEM SWITCHOVER TO STANDBY TENANT = mysql_tenant'));
    expect([tenant(cluster, T1).role, tenant(cluster, T1).switchoverStatus, tenant(cluster, T1).followsGts]).toEqual(['STANDBY', 'NORMAL', false]);
    ok(cluster, sys, sql('ALTER SYSTEM SWITCHOVER TO PRIMARY TENANT = mysql_tenant'));
    expect(tenant(cluster, T1).role).toBe('PRIMARY');
  });
});

describe('RUN UPGRADE JOB (clients.md §7: a DBA_OB_CLUSTER_EVENT_HISTORY row)', () => {
  it("'UPGRADE_ALL' TENANT = t gives event UPGRADE_ALL with VALUE3 = ob_version() and VALUE5 = the tenant id", () => {
    const cluster = restored();
    ok(cluster, session(SYS), sql("ALTER SYSTEM RUN UPGRADE JOB 'UPGRADE_ALL' TENANT = t1r"));
    const ev = cluster.state.clusterEvents.at(-1)!;
    expect([ev.event, ev.values[2]![1], ev.values[4]![1]]).toEqual(['UPGRADE_ALL', '4.2.5.0', '1006']);
    expect(fails(cluster, session(SYS), sql("ALTER SYSTEM RUN UPGRADE JOB 'NO_SUCH_JOB'")).errno).toBe(1210);
    expect(fails(cluster, session(T1), sql("ALTER SYSTEM RUN UPGRADE JOB 'UPGRADE_ALL'")).errno).toBe(4179);
  });
});

describe('resource units and pools (clients.md §7; DBA_OB_UNIT_CONFIGS, DBA_OB_RESOURCE_POOLS)', () => {
  it('IF NOT EXISTS / IF EXISTS, ids after the built-in and start-up ones, a granted pool cannot be dropped until DROP TENANT … FORCE frees it', () => {
    const cluster = restored();
    const sys = session(SYS);
    ok(cluster, sys, sql("CREATE RESOURCE UNIT IF NOT EXISTS uc1 MAX_CPU 4, MEMORY_SIZE '8G'"));
    expect(fails(cluster, sys, sql("CREATE RESOURCE UNIT uc1 MAX_CPU 4, MEMORY_SIZE '8G'")).errno).toBe(4649);
    // sys_unit_config / sys_pool (1), then mysql_tenant's and oracle_tenant's own (1001, 1002), then these.
    expect(cluster.state.resourceUnits.map((u) => [u.id, u.name])).toEqual([
      [1, 'sys_unit_config'],
      [1001, 'mysql_tenant_unit'],
      [1002, 'oracle_tenant_unit'],
      [1003, 'uc1'],
    ]);
    expect(cluster.state.resourcePools.map((p) => [p.id, p.name, p.tenantId])).toEqual([
      [1, 'sys_pool', 1],
      [1001, 'mysql_tenant_pool', 1002],
      [1002, 'oracle_tenant_pool', 1004],
      [1003, 'p1', 1006],
    ]);
    // OB_RESOURCE_POOL_ALREADY_GRANTED and OB_RESOURCE_UNIT_IS_REFERENCED (ObUnitManager::drop_resource_pool / drop_unit_config).
    expect(fails(cluster, sys, sql('DROP RESOURCE POOL IF EXISTS `p1`')).errno).toBe(4626);
    expect(fails(cluster, sys, sql('DROP RESOURCE UNIT uc1')).errno).toBe(4634);
    ok(cluster, sys, sql('DROP TENANT t1r FORCE'));
    expect(cluster.state.tenants.some((t) => t.id === 1006 || t.id === 1005)).toBe(false);
    ok(cluster, sys, sql('DROP RESOURCE POOL IF EXISTS `p1`'));
    ok(cluster, sys, sql('DROP RESOURCE POOL IF EXISTS `p1`'));
    ok(cluster, sys, sql('DROP RESOURCE UNIT uc1'));
    ok(cluster, sys, sql('DROP TENANT IF EXISTS t1r FORCE'));
    expect(fails(cluster, sys, sql("CREATE RESOURCE POOL p2 UNIT='nounit', UNIT_NUM=1")).errno).toBe(4648);
  });

  it('dropping a tenant that is being restored ends its restore (progress rows gone, FAIL history row)', () => {
    const cluster = newCluster();
    const t = readyTenant(cluster);
    backupNow(cluster, t);
    step(cluster, 600_000, 10_000);
    ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE t1r FROM '${DATA},${ARCHIVE}' WITH 'concurrency=4'`));
    step(cluster, 3000);
    ok(cluster, session(SYS), sql('DROP TENANT t1r FORCE'));
    expect(cluster.state.restoreJobs).toEqual([]);
    expect(cluster.state.restoreHistory.at(-1)!.status).toBe('FAIL');
  });
});

describe('SET LOG_RESTORE_SOURCE (statements.md §4.6, clients.md §7)', () => {
  it("'LOCATION=uri' and 'SERVICE=… USER=… PASSWORD=…' are stored; anything else is OB_INVALID_ARGUMENT", () => {
    const cluster = restored();
    const sys = session(SYS);
    ok(cluster, sys, sql(`ALTER SYSTEM SET LOG_RESTORE_SOURCE ='LOCATION=${ARCHIVE}' TENANT = t1r`));
    expect(tenant(cluster, 1006).backup!.logRestoreSource).toEqual({ type: 'LOCATION', value: `LOCATION=${ARCHIVE}` });
    const service = 'SERVICE=10.0.0.1:2881;10.0.0.2:2881 USER=standbyro@t1 PASSWORD=pw';
    ok(cluster, sys, sql(`alter system set LOG_RESTORE_SOURCE = '${service}' TENANT = 't1r'`));
    expect(tenant(cluster, 1006).backup!.logRestoreSource).toEqual({ type: 'SERVICE', value: service });
    const e = fails(cluster, sys, sql("ALTER SYSTEM SET LOG_RESTORE_SOURCE = 'SERVICE=nowhere' TENANT = t1r"));
    expect(e.message).toBe('Incorrect arguments to log_restore_source');
  });
});
