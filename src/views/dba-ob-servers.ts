/**
 * DBA_OB_SERVERS (sys): the observers, 14 columns of the DESC (source: desc_sys_views_in_sys.result). STOP_TIME,
 * BLOCK_MIGRATE_IN_TIME and LAST_OFFLINE_TIME are NULL while unset although DESC says NO, as the view's CASE gives.
 */
import { serverStatus } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { clusterStartUs } from './read.js';
import type { ViewDef } from './types.js';
import { int, timestamp } from './values.js';

export const DBA_OB_SERVERS: ViewDef = {
  name: 'DBA_OB_SERVERS',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('SVR_IP', T.varchar(46), 'NO'),
    col('SVR_PORT', T.bigint(), 'NO'),
    col('ID', T.bigint(), 'NO'),
    col('ZONE', T.varchar(128), 'NO'),
    col('SQL_PORT', T.bigint(), 'NO'),
    col('WITH_ROOTSERVER', T.varchar(3), 'NO'),
    col('STATUS', T.varchar(64), 'NO'),
    col('START_SERVICE_TIME', T.timestamp6(), 'NO'),
    col('STOP_TIME', T.timestamp6(), 'NO'),
    col('BLOCK_MIGRATE_IN_TIME', T.timestamp6(), 'NO'),
    col('CREATE_TIME', T.timestamp6(), 'YES'),
    col('MODIFY_TIME', T.timestamp6(), 'YES'),
    col('BUILD_VERSION', T.varchar(256), 'NO'),
    col('LAST_OFFLINE_TIME', T.timestamp6(), 'NO'),
  ],
  rows: (ctx) => {
    const start = clusterStartUs(ctx);
    return [
      [
        SERVER.ip,
        int(SERVER.rpcPort),
        int(SERVER.id),
        SERVER.zone,
        int(SERVER.sqlPort),
        'YES',
        serverStatus(ctx.state),
        timestamp(start),
        null,
        null,
        timestamp(start),
        timestamp(start),
        SERVER.buildVersion,
        null,
      ],
    ];
  },
};
