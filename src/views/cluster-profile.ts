/**
 * The emulated cluster's fixed shape: one observer in one zone, answering the server, zone and resource views.
 * These are the emulator's configuration (like a real cluster's hardware), not values OceanBase computes; they match
 * the rest of the product: SQL port 2881 (emulator.md), RPC port 2882, the version of src/query's DEFAULT_VERSION.
 */
export const SERVER = {
  ip: '127.0.0.1',
  rpcPort: 2882,
  sqlPort: 2881,
  id: 1,
  zone: 'zone1',
  region: 'sys_region',
  idc: '',
  /** DBA_OB_SERVERS.BUILD_VERSION, same build tag as @@version_comment (wire.md §5). */
  buildVersion: '4.2.5.0_1-ob-backup-sim(Jan  1 2025 00:00:00)',
  /** The cluster_id parameter (V$OB_PARAMETERS), which obshell reads as an integer. */
  clusterId: 1,
  cpuCapacity: 16,
  memCapacity: 32n * 1024n ** 3n,
  memoryLimit: 40n * 1024n ** 3n,
  logDiskCapacity: 64n * 1024n ** 3n,
  dataDiskCapacity: 256n * 1024n ** 3n,
} as const;

/** MAX_IOPS / MIN_IOPS when a unit config gives none: INT64_MAX, "unlimited". */
export const UNLIMITED_IOPS = 9223372036854775807n;
