/** DBA_OB_ZONES (sys): the zones, 7 columns of the DESC (source: desc_sys_views_in_sys.result). One zone here. */
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { clusterStartUs } from './read.js';
import type { ViewDef } from './types.js';
import { timestamp } from './values.js';

const V4096 = T.varchar(4096);

export const DBA_OB_ZONES: ViewDef = {
  name: 'DBA_OB_ZONES',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('ZONE', T.varchar(128), 'NO'),
    col('CREATE_TIME', T.timestamp6(), 'NO'),
    col('MODIFY_TIME', T.timestamp6(), 'NO'),
    col('STATUS', V4096, 'NO'),
    col('IDC', V4096, 'NO'),
    col('REGION', V4096, 'NO'),
    col('TYPE', V4096, 'NO'),
  ],
  rows: (ctx) => {
    const start = clusterStartUs(ctx);
    return [[SERVER.zone, timestamp(start), timestamp(start), 'ACTIVE', SERVER.idc, SERVER.region, 'ReadWrite']];
  },
};
