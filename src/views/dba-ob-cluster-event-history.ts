/**
 * DBA_OB_CLUSTER_EVENT_HISTORY (sys): cluster-level events such as upgrade jobs (`UPGRADE_ALL`, value3 =
 * ob_version(), value5 = tenant id; clients.md §7). The engine runs no upgrade job in this build (RUN UPGRADE JOB is
 * refused), so the view has no rows. Columns follow `__all_cluster_event_history` (inferred: the 4.2 DESC was not read).
 */
import { T, col } from './columns.js';
import type { ViewDef } from './types.js';

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
  rows: () => [],
};
