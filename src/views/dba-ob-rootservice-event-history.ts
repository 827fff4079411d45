/**
 * DBA_OB_ROOTSERVICE_EVENT_HISTORY (sys): the engine's rootservice events (backup_data change_job_status,
 * log_archive change_status, …) in the order they happened; 18 columns of the DESC (source:
 * desc_sys_views_in_sys.result). Unused NAMEn / VALUEn are '' (the inner table's default), not NULL.
 */
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import type { Row, ViewDef } from './types.js';
import { int, timestamp } from './values.js';

const NAME = T.varchar(256);
const VALUE = T.varchar(512);

export const DBA_OB_ROOTSERVICE_EVENT_HISTORY: ViewDef = {
  name: 'DBA_OB_ROOTSERVICE_EVENT_HISTORY',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('TIMESTAMP', T.timestamp6(), 'NO'),
    col('MODULE', T.varchar(64), 'NO'),
    col('EVENT', T.varchar(64), 'NO'),
    ...[1, 2, 3, 4, 5, 6].flatMap((i) => [col(`NAME${i}`, NAME, 'YES'), col(`VALUE${i}`, VALUE, 'YES')]),
    col('EXTRA_INFO', T.varchar(512), 'YES'),
    col('RS_SVR_IP', T.varchar(46), 'YES'),
    col('RS_SVR_PORT', T.bigint(), 'YES'),
  ],
  rows: (ctx) =>
    ctx.state.rootserviceEvents.map((e): Row => {
      const pairs: string[] = [];
      for (let i = 0; i < 6; i++) pairs.push(e.values[i]?.[0] ?? '', e.values[i]?.[1] ?? '');
      return [timestamp(e.atUs), e.module, e.event, ...pairs, '', SERVER.ip, int(SERVER.rpcPort)];
    }),
};
