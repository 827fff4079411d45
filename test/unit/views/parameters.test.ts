/**
 * ALTER SYSTEM SET and GV$OB_PARAMETERS / SHOW PARAMETERS over OceanBase 4.2's parameters. Each case below is a
 * DEF_* line of src/share/parameter/ob_parameter_seed.ipp (oceanbase/oceanbase b5f92605ac4224fcfd0eea561dd09fed1c11c7c6,
 * 4.2.1.6) read by hand: its scope, a value inside its range (or one its item type takes) and one outside (or one
 * its parser refuses). verify_config (rootserver/ob_system_admin_util.cpp) answers the second with
 * OB_INVALID_CONFIG, 4147 `Invalid config`, and the statement changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError } from '../../../src/index.js';
import type { EmulatorSession } from '../../../src/index.js';

type Scope = 'CLUSTER' | 'TENANT';
/** [name, scope, accepted value, rejected value, why the second is rejected]. */
const CASES: readonly (readonly [string, Scope, string, string, string])[] = [
  ['memory_limit_percentage', 'CLUSTER', '60', '96', '[10, 95]'],
  ['system_memory', 'CLUSTER', '2G', '2', 'capacity without unit (check_unit)'],
  ['memory_limit', 'CLUSTER', '8G', '-1G', 'negative capacity'],
  ['cpu_count', 'CLUSTER', '16', '-1', '[0,]'],
  ['datafile_disk_percentage', 'CLUSTER', '90', '100', '[0,99]'],
  ['datafile_size', 'CLUSTER', '20G', '20GiB', 'unknown unit'],
  ['datafile_next', 'CLUSTER', '1G', 'abc', 'not a number'],
  ['datafile_maxsize', 'CLUSTER', '100G', '100', 'capacity without unit'],
  ['log_disk_percentage', 'CLUSTER', '30', '99x', 'trailing text'],
  ['log_disk_size', 'CLUSTER', '20G', '', 'empty'],
  ['syslog_level', 'CLUSTER', 'INFO', 'VERBOSE', 'not a log level'],
  ['max_syslog_file_count', 'CLUSTER', '4', '-2', '[0,]'],
  ['enable_syslog_recycle', 'CLUSTER', 'True', 'maybe', 'not a boolean word'],
  ['enable_syslog_wf', 'CLUSTER', 'off', '2', 'not a boolean word'],
  ['cache_wash_threshold', 'CLUSTER', '1GB', '-1GB', '[0B,]'],
  ['trace_log_slow_query_watermark', 'CLUSTER', '100ms', '0ms', '[1ms,]'],
  ['internal_sql_execute_timeout', 'CLUSTER', '10s', '2h', '[1000us, 1h]'],
  ['dead_socket_detection_timeout', 'CLUSTER', '0s', '3h', '[0s,2h]'],
  ['schema_history_expire_time', 'CLUSTER', '1d', '31d', '[1m, 30d]'],
  ['net_thread_count', 'CLUSTER', '8', '65', '[0,64] (STATIC_EFFECTIVE is still settable)'],
  ['server_cpu_quota_min', 'CLUSTER', '1.5', '17', '[0,16], a double'],
  ['server_cpu_quota_max', 'CLUSTER', '16', '16.5', '[0,16], a double'],
  ['enable_sql_audit', 'CLUSTER', 'false', 'nope', 'not a boolean word'],
  ['large_query_threshold', 'CLUSTER', '1s', '0s', '[1ms,)'],
  ['memstore_limit_percentage', 'CLUSTER', '60', '100', '(0, 100)'],
  ['recyclebin_object_expire_time', 'CLUSTER', '1d', '1w', 'unknown time unit'],
  ['_ob_enable_prepared_statement', 'CLUSTER', 'true', 'enabled', 'not a boolean word'],
  ['enable_perf_event', 'CLUSTER', 'False', 'F1', 'not a boolean word'],
  ['location_cache_refresh_min_interval', 'CLUSTER', '1s', '-1s', 'negative time'],
  ['server_permanent_offline_time', 'CLUSTER', '1h', '10s', '[20s,)'],
  ['workers_per_cpu_quota', 'CLUSTER', '10', '21', '[2,20]'],
  ['ob_event_history_recycle_interval', 'CLUSTER', '30d', '12h', '[1d, 180d]'],
  ['weak_read_version_refresh_interval', 'CLUSTER', '1s', '10ms', '[50ms,)'],
  ['stack_size', 'CLUSTER', '1M', '21M', '[512K, 20M]'],
  ['rpc_port', 'CLUSTER', '2882', '1024', '(1024,65536), open'],
  ['mysql_port', 'CLUSTER', '2881', '65536', '(1024,65536), open'],
  ['location_cache_cpu_quota', 'CLUSTER', '5', '10.1', '[0,10]'],
  ['large_query_worker_percentage', 'CLUSTER', '30', '101', '[0,100]'],
  ['lease_time', 'CLUSTER', '10s', '6m', '[1s, 5m]'],
  ['tenant_task_queue_size', 'CLUSTER', '0x4000', '1023', '[1024,]; strtol base 0 takes hex'],
  ['_max_rpc_packet_size', 'CLUSTER', '2047M', '2048M', '[2M,2047M]'],
  ['data_storage_error_tolerance_time', 'CLUSTER', '300s', '5s', '[10s,7200s]'],
  ['cpu_quota_concurrency', 'TENANT', '4', '0.5', '[1,20], a double'],
  ['major_freeze_duty_time', 'TENANT', '03:30', '24:00', 'not %H:%M'],
  ['open_cursors', 'TENANT', '100', '65536', '[0,65535]'],
  ['archive_lag_target', 'TENANT', '60s', '7201s', '[0ms,7200s]'],
  ['log_archive_concurrency', 'TENANT', '8', '101', '[0, 100]'],
  ['log_restore_concurrency', 'TENANT', '8', '101', '[0, 100]'],
  ['ha_low_thread_score', 'TENANT', '10', '101', '[0,100]'],
  ['ha_high_thread_score', 'TENANT', '10', '-1', '[0,100]'],
  ['backup_data_file_size', 'TENANT', '1G', '5G', '[512M,4G]'],
  ['enable_rebalance', 'TENANT', 'False', 'sometimes', 'not a boolean word'],
  ['balancer_idle_time', 'TENANT', '30s', '5s', '[10s,]'],
  ['major_compact_trigger', 'TENANT', '5', '65536', '[0,65535]'],
  ['minor_compact_trigger', 'TENANT', '16', '17', '[0,16]'],
  ['freeze_trigger_percentage', 'TENANT', '40', '0', '(0, 100), open'],
  ['writing_throttling_trigger_percentage', 'TENANT', '100', '0', '(0, 100]'],
  ['log_disk_utilization_threshold', 'TENANT', '90', '100', '[10, 100)'],
  ['log_disk_utilization_limit_threshold', 'TENANT', '100', '79', '[80, 100]'],
  ['undo_retention', 'TENANT', '4294967295', '4294967296', '[0, 4294967295]'],
  ['sql_work_area', 'TENANT', '2G', '5M', '[10M,)'],
  ['ob_enable_batched_multi_statement', 'TENANT', 'yes', 'si', 'not a boolean word'],
  ['enable_early_lock_release', 'TENANT', '0', '00', 'not a boolean word'],
  ['merger_check_interval', 'TENANT', '5m', '5s', '[10s, 60m]'],
  ['ob_compaction_schedule_interval', 'TENANT', '1m', '1s', '[3s,5m]'],
  ['query_response_time_stats', 'TENANT', 'true', 'truthy', 'not a boolean word'],
  ['enable_monotonic_weak_read', 'TENANT', 'on', 'onn', 'not a boolean word'],
  ['_parallel_server_sleep_time', 'TENANT', '10', '2001', '[0, 2000]'],
  ['_px_max_message_pool_pct', 'TENANT', '50', '91', '[0,90]'],
  ['max_stale_time_for_weak_consistency', 'TENANT', '10s', '4s', '[5s,)'],
  ['log_disk_throttling_percentage', 'TENANT', '100', '39', '[40, 100]'],
  ['arbitration_timeout', 'TENANT', '5s', '2s', '[3s,]'],
  ['kv_ttl_history_recycle_interval', 'TENANT', '7d', '181d', '[1d, 180d]'],
  ['enable_kv_ttl', 'TENANT', 'true', 'yess', 'not a boolean word'],
  ['connection_control_failed_connections_threshold', 'TENANT', '3', '2147483648', '[0,2147483647]'],
];

const TENANT = 'mysql_tenant';

function emulator() {
  return createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 });
}

function rows(s: EmulatorSession, q: string): unknown[][] {
  const rs = s.rows(q);
  if (isObError(rs)) throw new Error(`${q}: ${rs.message}`);
  return rs.rows.map((r) => [...r]);
}

function quoted(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

/** The value GV$OB_PARAMETERS shows for the parameter: of the cluster, or of mysql_tenant. */
function shown(s: EmulatorSession, name: string, scope: Scope): unknown {
  const tenant = scope === 'CLUSTER' ? 'TENANT_ID IS NULL' : `TENANT_ID = (SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = '${TENANT}')`;
  const got = rows(s, `SELECT VALUE, ISDEFAULT FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = '${name}' AND ${tenant}`);
  expect(got.length).toBe(1);
  return got[0]?.[0];
}

describe('ALTER SYSTEM SET: OceanBase 4.2 parameters, their ranges and scopes', () => {
  it(`covers at least 50 parameters of both scopes`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    expect(CASES.filter((c) => c[1] === 'CLUSTER').length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter((c) => c[1] === 'TENANT').length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('%s (%s): %s is accepted and shown, %s is refused with 4147 (%s)', (name, scope, good, bad) => {
    const e = emulator();
    const sys = e.session({ tenant: 'sys' });
    const target = scope === 'TENANT' ? ` TENANT = ${TENANT}` : '';
    const before = shown(sys, name, scope);
    const refused = sys.execute(`ALTER SYSTEM SET ${name} = ${quoted(bad)}${target}`);
    expect(isObError(refused) ? [refused.errno, refused.message] : refused).toEqual([4147, 'Invalid config']);
    expect(shown(sys, name, scope)).toEqual(before);
    const accepted = sys.execute(`ALTER SYSTEM SET ${name} = ${quoted(good)}${target}`);
    expect(isObError(accepted) ? accepted.message : 'ok').toBe('ok');
    expect(shown(sys, name, scope)).toBe(good);
  });

  it('a user tenant sets its own tenant parameters, and is told a cluster parameter is unknown (its config has none)', () => {
    const e = emulator();
    const t1 = e.session({ tenant: TENANT });
    expect(isObError(t1.execute("ALTER SYSTEM SET open_cursors = '200'"))).toBe(false);
    expect(rows(t1, "SELECT VALUE FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'open_cursors'")).toEqual([['200']]);
    const cluster = t1.execute("ALTER SYSTEM SET syslog_level = 'INFO'");
    expect(isObError(cluster) ? [cluster.errno, cluster.message] : cluster).toEqual([5099, 'System config unknown']);
    // The other tenant's value is untouched.
    const sys = e.session({ tenant: 'sys' });
    expect(rows(sys, "SELECT VALUE FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'open_cursors' AND TENANT_ID = 1")).toEqual([['50']]);
  });

  it('names OceanBase does not have are 5099; READONLY ones and cluster_id are refused as the source refuses them', () => {
    const sys = emulator().session({ tenant: 'sys' });
    const unknown = sys.execute("ALTER SYSTEM SET no_such_parameter = '1'");
    expect(isObError(unknown) ? [unknown.errno, unknown.message] : unknown).toEqual([5099, 'System config unknown']);
    const tenantScoped = sys.execute(`ALTER SYSTEM SET syslog_level = 'INFO' TENANT = ${TENANT}`);
    expect(isObError(tenantScoped) ? tenantScoped.errno : tenantScoped).toBe(5099);
    const readonly = sys.execute("ALTER SYSTEM SET data_dir = '/data/1'");
    expect(isObError(readonly) ? readonly.errno : readonly).toBe(4147);
    const clusterId = sys.execute("ALTER SYSTEM SET cluster_id = 2");
    expect(isObError(clusterId) ? [clusterId.errno, clusterId.message] : clusterId).toEqual([4179, 'alter the parameter cluster_id not allowed']);
  });

  it('a statement with one bad item changes none of its items', () => {
    const sys = emulator().session({ tenant: 'sys' });
    const r = sys.execute("ALTER SYSTEM SET memory_limit_percentage = '70', cpu_count = 'x'");
    expect(isObError(r)).toBe(true);
    expect(shown(sys, 'memory_limit_percentage', 'CLUSTER')).toBe('80');
  });
});

describe('GV$OB_PARAMETERS and SHOW PARAMETERS', () => {
  it('one row per cluster parameter, one per tenant parameter and tenant; the tenant of each tenant-scope row', () => {
    const sys = emulator().session({ tenant: 'sys' });
    const scopes = rows(sys, "SELECT NAME, SCOPE, TENANT_ID IS NULL, COUNT(*) FROM oceanbase.GV$OB_PARAMETERS WHERE NAME IN ('syslog_level', 'open_cursors') GROUP BY NAME, SCOPE, TENANT_ID IS NULL ORDER BY NAME");
    expect(scopes).toEqual([
      ['open_cursors', 'TENANT', 0n, 5n],
      ['syslog_level', 'CLUSTER', 1n, 1n],
    ]);
    const tenants = rows(sys, "SELECT TENANT_ID FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'open_cursors' ORDER BY TENANT_ID");
    const all = rows(sys, 'SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS ORDER BY TENANT_ID');
    expect(tenants).toEqual(all);
    const count = rows(sys, 'SELECT COUNT(DISTINCT NAME) FROM oceanbase.GV$OB_PARAMETERS');
    expect(Number(count[0]?.[0])).toBeGreaterThan(350);
  });

  it('DEFAULT_VALUE and ISDEFAULT (4.2.2+): YES until the value is changed', () => {
    const sys = emulator().session({ tenant: 'sys' });
    const q = "SELECT VALUE, DEFAULT_VALUE, ISDEFAULT FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'enable_sql_audit'";
    expect(rows(sys, q)).toEqual([['true', 'true', 'YES']]);
    sys.execute("ALTER SYSTEM SET enable_sql_audit = 'False'");
    expect(rows(sys, q)).toEqual([['False', 'true', 'NO']]);
  });

  it('SHOW PARAMETERS: the session tenant and the cluster, hidden ones only once changed, TENANT = only from sys', () => {
    const e = emulator();
    const sys = e.session({ tenant: 'sys' });
    const show = rows(sys, "SHOW PARAMETERS LIKE 'open_cursors'");
    expect(show.map((r) => [r[4], r[6], r[9], r[13]])).toEqual([['open_cursors', '50', 'TENANT', 1n]]);
    sys.execute(`ALTER SYSTEM SET open_cursors = 77 TENANT = ${TENANT}`);
    expect(rows(sys, `SHOW PARAMETERS LIKE 'open_cursors' TENANT = ${TENANT}`).map((r) => [r[6], r[13]])).toEqual([['77', 0n]]);
    expect(rows(sys, "SHOW PARAMETERS LIKE '_ob_enable_prepared_statement'")).toEqual([]);
    sys.execute("ALTER SYSTEM SET _ob_enable_prepared_statement = 'False'");
    expect(rows(sys, "SHOW PARAMETERS LIKE '_ob_enable_prepared_statement'").map((r) => r[6])).toEqual(['False']);
    const t1 = e.session({ tenant: TENANT });
    const denied = t1.rows("SHOW PARAMETERS LIKE 'open_cursors' TENANT = sys");
    expect(isObError(denied) ? denied.name : denied).toBe('OB_ERR_NO_PRIVILEGE');
    const nope = sys.rows("SHOW PARAMETERS LIKE 'open_cursors' TENANT = nope");
    expect(isObError(nope) ? nope.name : nope).toBe('OB_ERR_INVALID_TENANT_NAME');
  });

  it('descriptions, sections and edit levels are the seed lines', () => {
    const sys = emulator().session({ tenant: 'sys' });
    const q = "SELECT DISTINCT NAME, SCOPE, SECTION, EDIT_LEVEL, INFO FROM oceanbase.GV$OB_PARAMETERS WHERE NAME IN ('ha_low_thread_score', 'backup_data_file_size', 'data_dir', 'net_thread_count') ORDER BY NAME";
    expect(rows(sys, q)).toEqual([
      ['backup_data_file_size', 'TENANT', 'OBSERVER', 'DYNAMIC_EFFECTIVE', 'backup data file size. Range: [512M, 4G] in integer'],
      ['data_dir', 'CLUSTER', 'SSTABLE', 'READONLY', 'the directory for the data file'],
      ['ha_low_thread_score', 'TENANT', 'OBSERVER', 'DYNAMIC_EFFECTIVE', 'the current work thread score of high availability low thread. Range: [0,100] in integer. Especially, 0 means default value'],
      ['net_thread_count', 'CLUSTER', 'OBSERVER', 'STATIC_EFFECTIVE', 'the number of rpc/mysql I/O threads for Libeasy. Range: [0, 64] in integer, 0 stands for max(6, CPU_NUM/8)'],
    ]);
  });
});
