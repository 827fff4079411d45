/**
 * DBA_OB_UNIT_CONFIGS (sys): resource unit configs. The 4.2 column set is the master DESC without the 4.3
 * additions DATA_DISK_SIZE, MAX_NET_BANDWIDTH and NET_BANDWIDTH_WEIGHT (source: desc_sys_views_in_sys.result).
 */
import { T, col } from './columns.js';
import { unitConfigs } from './resources.js';
import type { ViewDef } from './types.js';
import { int, timestamp } from './values.js';

export const DBA_OB_UNIT_CONFIGS: ViewDef = {
  name: 'DBA_OB_UNIT_CONFIGS',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('UNIT_CONFIG_ID', T.bigint(), 'NO'),
    col('NAME', T.varchar(128), 'NO'),
    col('CREATE_TIME', T.timestamp6(), 'YES'),
    col('MODIFY_TIME', T.timestamp6(), 'YES'),
    col('MAX_CPU', T.double(), 'NO'),
    col('MIN_CPU', T.double(), 'NO'),
    col('MEMORY_SIZE', T.bigint(), 'NO'),
    col('LOG_DISK_SIZE', T.bigint(), 'NO'),
    col('MAX_IOPS', T.bigint(), 'NO'),
    col('MIN_IOPS', T.bigint(), 'NO'),
    col('IOPS_WEIGHT', T.bigint(), 'NO'),
  ],
  rows: (ctx) =>
    unitConfigs(ctx).map((u) => [
      int(u.id),
      u.name,
      timestamp(u.createUs),
      timestamp(u.modifyUs),
      u.maxCpu,
      u.minCpu,
      u.memorySize,
      u.logDiskSize,
      u.maxIops,
      u.minIops,
      u.iopsWeight,
    ]),
};
