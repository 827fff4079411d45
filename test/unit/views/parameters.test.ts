/**
 * GV$OB_PARAMETERS / SHOW PARAMETERS describe each parameter as its DEF_* line in ob_parameter_seed.ipp (4.2) does:
 * INFO is the description string, SECTION the ObParameterAttr section, SCOPE the parameter kind
 * (OB_TENANT_PARAMETER → TENANT), EDIT_LEVEL the edit level (all DYNAMIC_EFFECTIVE here).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/index.js';
import { isObError } from '../../../src/errors.js';

const sys = () => createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 }).session({ tenant: 'sys', database: 'oceanbase' });

function rows(s: ReturnType<typeof sys>, q: string): unknown[][] {
  const rs = s.rows(q);
  if (isObError(rs)) throw new Error(rs.message);
  return rs.rows.map((r) => [...r]);
}

const HA_LOW = 'the current work thread score of high availability low thread. Range: [0,100] in integer. Especially, 0 means default value';

describe('parameter descriptions, sections and scopes from ob_parameter_seed.ipp', () => {
  it('ha_low_thread_score: DEF_INT(…, OB_TENANT_PARAMETER, "0", "[0,100]", …, Section::OBSERVER, DYNAMIC_EFFECTIVE) (statements.md §4.7)', () => {
    const s = sys();
    const q = "SELECT DISTINCT SCOPE, INFO, SECTION, EDIT_LEVEL FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'ha_low_thread_score'";
    expect(rows(s, q)).toEqual([['TENANT', HA_LOW, 'OBSERVER', 'DYNAMIC_EFFECTIVE']]);
    const show = rows(s, "SHOW PARAMETERS LIKE 'ha_low_thread_score'");
    expect(show.length).toBe(3);
    for (const r of show) expect([r[4], r[7], r[8], r[9], r[11]]).toEqual(['ha_low_thread_score', HA_LOW, 'OBSERVER', 'TENANT', 'DYNAMIC_EFFECTIVE']);
  });

  it('every parameter shown: the source description, section and scope', () => {
    const got = rows(sys(), 'SELECT DISTINCT NAME, SCOPE, SECTION, EDIT_LEVEL, INFO FROM oceanbase.GV$OB_PARAMETERS ORDER BY NAME');
    const want: [string, string, string, string][] = [
      ['archive_lag_target', 'TENANT', 'LOGSERVICE', 'The lag target of the log archive. The log archive target affects not only the backup availability, but also the lag of the standby database based on archive. Values larger than 7200s are not reasonable lag. The typical value is 120s. Extremely low values can result in high IOPS, which is not optimal for object storage; such values can also affect the performance of the database. The value 0ms means to archive as soon as possible. Range: [0ms,7200s]'],
      ['backup_data_file_size', 'CLUSTER', 'OBSERVER', 'backup data file size. Range: [512M, 4G] in integer'],
      ['cluster', 'CLUSTER', 'OBSERVER', 'Name of the cluster'],
      ['cluster_id', 'CLUSTER', 'OBSERVER', 'ID of the cluster'],
      ['ha_high_thread_score', 'TENANT', 'OBSERVER', 'the current work thread score of high availability high thread. Range: [0,100] in integer. Especially, 0 means default value'],
      ['ha_low_thread_score', 'TENANT', 'OBSERVER', HA_LOW],
      ['log_archive_concurrency', 'TENANT', 'LOGSERVICE', 'log archive concurrency, for both archive fetcher and sender. If the value is default 0, the database will automatically calculate the number of archive worker threads based on the tenant specification, which is tenant max_cpu divided by 4; otherwise set the the worker count equals to the value.Range: [0, 100] in integer'],
      ['log_restore_concurrency', 'TENANT', 'LOGSERVICE', 'log restore concurrency, for both the restore tenant and standby tenant. If the value is default 0, the database will automatically calculate the number of restore worker threads based on the tenant specification, which is tenant max_cpu; otherwise set the the worker count equals to the value.Range: [0, 100] in integer'],
      ['syslog_io_bandwidth_limit', 'CLUSTER', 'OBSERVER', 'Syslog IO bandwidth limitation, exceeding syslog would be truncated. Use 0 to disable ERROR log.'],
      ['syslog_level', 'CLUSTER', 'OBSERVER', 'specifies the current level of logging. There are DEBUG, TRACE, WDIAG, EDIAG, INFO, WARN, ERROR, seven different log levels.'],
    ];
    expect(got).toEqual(want.map(([name, scope, section, info]) => [name, scope, section, 'DYNAMIC_EFFECTIVE', info]));
  });
});
