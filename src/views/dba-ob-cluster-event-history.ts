/**
 * DBA_OB_CLUSTER_EVENT_HISTORY (sys): cluster-level events in the order they happened, such as the upgrade jobs of
 * RUN UPGRADE JOB (obshell counts `event = 'UPGRADE_ALL' AND value3 = ob_version() AND value5 = <tenant id>`;
 * clients.md §7). Columns: desc_sys_views_in_sys.result (c8ace58297bb2326ecab2048bd3f80b1dc997c16). Unused
 * NAMEn / VALUEn are '' as in DBA_OB_ROOTSERVICE_EVENT_HISTORY (the event writer fills every pair; inferred).
 */
import { T, col } from './columns.js';
import type { Row, ViewDef } from './types.js';
import { timestamp } from './values.js';

export const DBA_OB_CLUSTER_EVENT_HISTORY: ViewDef = {
  name: 'DBA_OB_CLUSTER_EVENT_HISTORY',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('TIMESTAMP', T.timestamp6(), 'NO'),
    col('MODULE', T.varchar(256), 'NO'),
    col('EVENT', T.varchar(256), 'NO'),
    // desc_sys_views_in_sys.result (c8ace58297bb2326ecab2048bd3f80b1dc997c16): NAMEn varchar(256) and VALUEn / EXTRA_INFO
    // text, all Null NO.
    ...[1, 2, 3, 4, 5, 6].flatMap((i) => [col(`NAME${i}`, T.varchar(256), 'NO'), col(`VALUE${i}`, T.text(), 'NO')]),
    col('EXTRA_INFO', T.text(), 'NO'),
  ],
  rows: (ctx) =>
    ctx.state.clusterEvents.map((e): Row => {
      const pairs: string[] = [];
      for (let i = 0; i < 6; i++) pairs.push(e.values[i]?.[0] ?? '', e.values[i]?.[1] ?? '');
      return [timestamp(e.atUs), e.module, e.event, ...pairs, ''];
    }),
};
