/**
 * `__all_server` (sys inner table): one row per observer. ob-operator reads ten columns (`id, zone, svr_ip, svr_port,
 * inner_port, with_rootserver, with_partition, lower(status) as status, start_service_time, build_version`) and
 * needs them non-NULL (clients.md §5.3). Columns follow the 4.x inner table; `with_partition` is kept because
 * ob-operator selects it (inferred: the 4.x schema definition was not read).
 */
import { serverStatus } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { clusterStartUs } from './read.js';
import type { ViewDef } from './types.js';
import { int, timestamp } from './values.js';

export const ALL_SERVER: ViewDef = {
  name: '__all_server',
  kind: 'SYSTEM TABLE',
  visibility: 'sys',
  columns: [
    col('gmt_create', T.timestamp6(), 'YES'),
    col('gmt_modified', T.timestamp6(), 'YES'),
    col('svr_ip', T.varchar(46), 'NO'),
    col('svr_port', T.bigint(), 'NO'),
    col('id', T.ubigint(), 'NO'),
    col('zone', T.varchar(128), 'NO'),
    col('inner_port', T.bigint(), 'NO'),
    col('with_rootserver', T.bigint(), 'NO'),
    col('with_partition', T.bigint(), 'NO'),
    col('status', T.varchar(64), 'NO'),
    col('start_service_time', T.bigint(), 'NO'),
    col('block_migrate_in_time', T.bigint(), 'NO'),
    col('stop_time', T.bigint(), 'NO'),
    col('build_version', T.varchar(256), 'NO'),
    col('last_offline_time', T.bigint(), 'NO'),
  ],
  rows: (ctx) => {
    const start = clusterStartUs(ctx);
    return [
      [
        timestamp(start),
        timestamp(start),
        SERVER.ip,
        int(SERVER.rpcPort),
        int(SERVER.id),
        SERVER.zone,
        int(SERVER.sqlPort),
        1n,
        1n,
        // Upper case as stored; ob-operator lower()s it.
        serverStatus(ctx.state),
        int(start),
        0n,
        0n,
        SERVER.buildVersion,
        0n,
      ],
    ];
  },
};
