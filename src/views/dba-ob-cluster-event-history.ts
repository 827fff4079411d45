/**
 * DBA_OB_CLUSTER_EVENT_HISTORY (sys): cluster-level events in the order they happened, such as the upgrade jobs of
 * RUN UPGRADE JOB (obshell counts `event = 'UPGRADE_ALL' AND value3 = ob_version() AND value5 = <tenant id>`;
 * clients.md §7). Columns follow `__all_cluster_event_history` (inferred: the 4.2 DESC was not read). Unused
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
    ...[1, 2, 3, 4, 5, 6].flatMap((i) => [col(`NAME${i}`, T.varchar(256), 'YES'), col(`VALUE${i}`, T.longtext(), 'YES')]),
    col('EXTRA_INFO', T.longtext(), 'YES'),
  ],
  rows: (ctx) =>
    ctx.state.clusterEvents.map((e): Row => {
      const pairs: string[] = [];
      for (let i = 0; i < 6; i++) pairs.push(e.values[i]?.[0] ?? '', e.values[i]?.[1] ?? '');
      return [timestamp(e.atUs), e.module, e.event, ...pairs, ''];
    }),
};
