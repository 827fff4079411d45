/**
 * `__all_zone` (sys inner table): the cluster's global items (zone '') and each zone's items, as name / value /
 * info rows (ob_inner_table_schema_def.py table 116; the items of ObGlobalInfo and ObZoneInfo in
 * share/ob_zone_info.cpp, 4.2.1.6). Global: cluster (info the cluster name), privilege_version, config_version,
 * lease_info_version, time_zone_info_version (0 as initialised) and storage_format_version
 * (OB_STORAGE_FORMAT_VERSION_MAX - 1 = 4). Zone: status ACTIVE (2), region, idc, zone_type ReadWrite (0),
 * recovery_status NORMAL (0), storage_type LOCAL (0).
 */
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { clusterStartUs } from './read.js';
import type { ViewDef } from './types.js';
import { timestamp } from './values.js';

export const ALL_ZONE: ViewDef = {
  name: '__all_zone',
  kind: 'SYSTEM TABLE',
  visibility: 'sys',
  columns: [
    col('gmt_create', T.timestamp6(), 'YES'),
    col('gmt_modified', T.timestamp6(), 'YES'),
    col('zone', T.varchar(128), 'NO'),
    col('name', T.varchar(128), 'NO'),
    col('value', T.bigint(), 'NO'),
    col('info', T.varchar(4096), 'NO'),
  ],
  rows: (ctx) => {
    const at = timestamp(clusterStartUs(ctx));
    const cluster = ctx.state.clusterName === '' ? 'obcluster' : ctx.state.clusterName;
    const items: readonly (readonly [string, string, bigint, string])[] = [
      ['', 'cluster', 0n, cluster],
      ['', 'config_version', 0n, ''],
      ['', 'lease_info_version', 0n, ''],
      ['', 'privilege_version', 0n, ''],
      ['', 'storage_format_version', 4n, ''],
      ['', 'time_zone_info_version', 0n, ''],
      [SERVER.zone, 'idc', 0n, SERVER.idc],
      [SERVER.zone, 'recovery_status', 0n, 'NORMAL'],
      [SERVER.zone, 'region', 0n, SERVER.region],
      [SERVER.zone, 'status', 2n, 'ACTIVE'],
      [SERVER.zone, 'storage_type', 0n, 'LOCAL'],
      [SERVER.zone, 'zone_type', 0n, 'ReadWrite'],
    ];
    return items.map(([zone, name, value, info]) => [at, at, zone, name, value, info]);
  },
};
