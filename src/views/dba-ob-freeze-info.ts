/**
 * DBA_OB_FREEZE_INFO / CDB_OB_FREEZE_INFO: the tenant's major freezes (__all_freeze_info). Columns:
 * desc_sys_views_in_sys.result (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16), where the CDB form,
 * read from __all_virtual_freeze_info, prints GMT_CREATE / GMT_MODIFIED NOT NULL and the DBA form NULL-able.
 *
 * Rows: the freeze info a tenant is created with (FROZEN_SCN = SCN::base_scn(), 1) and one major freeze a day at
 * major_freeze_duty_time's default, 02:00 in the server's zone (+08:00), the FROZEN_SCN being that instant's GTS;
 * CLUSTER_VERSION is 4.2.5.0 encoded (17180001536) and SCHEMA_VERSION the µs instant, as schema versions are. Sys
 * and user tenants freeze; a meta tenant merges with its user tenant and shows none (inferred). OceanBase purges
 * old freeze info; the emulator keeps the last 30 (inferred, a bound rather than the source's rule). Changing
 * major_freeze_duty_time is stored but does not move these (the emulator does not model it).
 */
import { scnOfUs } from '../engine/index.js';
import { T, col } from './columns.js';
import { tenantOf } from './read.js';
import { SERVER_UTC_OFFSET_US } from './server-time.js';
import { twins } from './twins.js';
import type { Row, ViewContext } from './types.js';
import { timestamp } from './values.js';

const CLUSTER_VERSION_4_2_5_0 = 17180001536n;
const DAY_US = 86_400_000_000;
const DUTY_US = 2 * 3_600_000_000;
const KEPT = 30;
const OFFSET_US = Number(SERVER_UTC_OFFSET_US);

const columns = (gmtNull: 'YES' | 'NO') => [
  col('FROZEN_SCN', T.ubigint(), 'NO'),
  col('CLUSTER_VERSION', T.bigint(), 'NO'),
  col('SCHEMA_VERSION', T.bigint(), 'NO'),
  col('GMT_CREATE', T.timestamp6(), gmtNull),
  col('GMT_MODIFIED', T.timestamp6(), gmtNull),
];

function row(frozenScn: bigint, atUs: number): Row {
  return [frozenScn, CLUSTER_VERSION_4_2_5_0, BigInt(atUs), timestamp(atUs), timestamp(atUs)];
}

function freezeRows(ctx: ViewContext, tenantId: number): Row[] {
  const t = tenantOf(ctx, tenantId);
  if (t === undefined || t.type === 'META') return [];
  const rows: Row[] = [row(1n, t.createUs)];
  // The first 02:00 (server time) after creation, then every day up to now.
  const localStart = t.createUs + OFFSET_US;
  let duty = Math.floor(localStart / DAY_US) * DAY_US + DUTY_US - OFFSET_US;
  if (duty <= t.createUs) duty += DAY_US;
  const last = Math.floor((ctx.nowUs - duty) / DAY_US);
  for (let d = Math.max(0, last - KEPT + 2); d <= last; d++) {
    const at = duty + d * DAY_US;
    rows.push(row(scnOfUs(at), at));
  }
  return rows.length > KEPT ? rows.slice(rows.length - KEPT) : rows;
}

const [dba, cdb] = twins({ suffix: 'OB_FREEZE_INFO', columns: columns('YES'), rowsOf: freezeRows });
export const DBA_OB_FREEZE_INFO = dba;
export const CDB_OB_FREEZE_INFO = { ...cdb, columns: [cdb.columns[0]!, ...columns('NO')] };
