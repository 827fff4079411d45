/**
 * The system variables clients read at connect (wire.md §7, §8) with OceanBase 4.2's defaults and scopes
 * (src/share/system_variable/ob_system_variable_init.json): character sets are utf8mb4 / utf8mb4_general_ci
 * (collation 45), time_zone is +08:00, sql_mode is 281018368 = STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_AUTO_CREATE_USER.
 */
import type { SysVarValue, VersionProfile } from './catalog.js';

export type SysVarKind = 'int' | 'bool' | 'string';

export interface SysVarDef {
  readonly name: string;
  readonly kind: SysVarKind;
  /** GLOBAL-only variables have no session value (version, version_comment, system_time_zone, …). */
  readonly globalOnly?: boolean;
  readonly sessionOnly?: boolean;
  /** Neither SET GLOBAL nor SET SESSION may change it. */
  readonly readOnly?: boolean;
  /** SET SESSION refused; SET GLOBAL allowed (max_allowed_packet, net_buffer_length). */
  readonly sessionReadOnly?: boolean;
  readonly min?: bigint;
  readonly max?: bigint;
  /** Allowed words, upper-case, for enumerations such as tx_isolation. */
  readonly values?: readonly string[];
  readonly default: (v: VersionProfile) => SysVarValue;
}

export const DEFAULT_VERSION: VersionProfile = {
  obVersion: '4.2.5.0',
  // The build part names the emulator: a real cluster prints its RPM build number and commit here.
  versionComment: 'OceanBase_CE 4.2.5.0 (r1-ob-backup-sim) (Built Jan  1 2025 00:00:00)',
};

const n = (x: bigint) => (): SysVarValue => x;
const s = (x: string) => (): SysVarValue => x;
const ISOLATION = ['READ-UNCOMMITTED', 'READ-COMMITTED', 'REPEATABLE-READ', 'SERIALIZABLE'];
const MAX_TIMEOUT = 2n ** 63n - 1n;

const DEFS: readonly SysVarDef[] = [
  { name: 'auto_increment_increment', kind: 'int', min: 1n, max: 65535n, default: n(1n) },
  { name: 'auto_increment_offset', kind: 'int', min: 1n, max: 65535n, default: n(1n) },
  { name: 'autocommit', kind: 'bool', default: n(1n) },
  { name: 'character_set_client', kind: 'string', default: s('utf8mb4') },
  { name: 'character_set_connection', kind: 'string', default: s('utf8mb4') },
  { name: 'character_set_database', kind: 'string', default: s('utf8mb4') },
  { name: 'character_set_filesystem', kind: 'string', default: s('binary') },
  { name: 'character_set_results', kind: 'string', default: s('utf8mb4') },
  { name: 'character_set_server', kind: 'string', default: s('utf8mb4') },
  { name: 'character_set_system', kind: 'string', readOnly: true, default: s('utf8mb4') },
  { name: 'collation_connection', kind: 'string', default: s('utf8mb4_general_ci') },
  { name: 'collation_database', kind: 'string', default: s('utf8mb4_general_ci') },
  { name: 'collation_server', kind: 'string', default: s('utf8mb4_general_ci') },
  { name: 'div_precision_increment', kind: 'int', min: 0n, max: 30n, default: n(4n) },
  { name: 'explicit_defaults_for_timestamp', kind: 'bool', default: n(1n) },
  { name: 'group_concat_max_len', kind: 'int', min: 4n, default: n(1024n) },
  { name: 'init_connect', kind: 'string', globalOnly: true, default: s('') },
  { name: 'interactive_timeout', kind: 'int', min: 1n, max: 31536000n, default: n(28800n) },
  { name: 'last_insert_id', kind: 'int', sessionOnly: true, min: 0n, default: n(0n) },
  { name: 'license', kind: 'string', globalOnly: true, readOnly: true, default: s('') },
  { name: 'lower_case_table_names', kind: 'int', globalOnly: true, readOnly: true, default: n(1n) },
  { name: 'max_allowed_packet', kind: 'int', sessionReadOnly: true, min: 1024n, max: 1073741824n, default: n(16777216n) },
  { name: 'net_buffer_length', kind: 'int', sessionReadOnly: true, min: 1024n, max: 1048576n, default: n(16384n) },
  { name: 'net_read_timeout', kind: 'int', min: 1n, max: 31536000n, default: n(30n) },
  { name: 'net_write_timeout', kind: 'int', min: 1n, max: 31536000n, default: n(60n) },
  { name: 'ob_query_timeout', kind: 'int', min: 0n, max: MAX_TIMEOUT, default: n(10000000n) },
  { name: 'ob_trx_idle_timeout', kind: 'int', min: 100000000n, max: MAX_TIMEOUT, default: n(86400000000n) },
  { name: 'ob_trx_timeout', kind: 'int', min: 0n, max: MAX_TIMEOUT, default: n(86400000000n) },
  { name: 'query_cache_size', kind: 'int', globalOnly: true, default: n(0n) },
  { name: 'query_cache_type', kind: 'string', globalOnly: true, readOnly: true, values: ['OFF', 'ON', 'DEMAND'], default: s('OFF') },
  { name: 'read_only', kind: 'bool', globalOnly: true, default: n(0n) },
  { name: 'sql_auto_is_null', kind: 'bool', default: n(0n) },
  { name: 'sql_mode', kind: 'string', default: s('STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_AUTO_CREATE_USER') },
  { name: 'sql_quote_show_create', kind: 'bool', default: n(1n) },
  { name: 'sql_select_limit', kind: 'int', min: 0n, default: n(9223372036854775807n) },
  { name: 'system_time_zone', kind: 'string', globalOnly: true, readOnly: true, default: s('CST') },
  { name: 'time_zone', kind: 'string', default: s('+08:00') },
  { name: 'transaction_isolation', kind: 'string', values: ISOLATION, default: s('READ-COMMITTED') },
  { name: 'transaction_read_only', kind: 'bool', default: n(0n) },
  { name: 'tx_isolation', kind: 'string', values: ISOLATION, default: s('READ-COMMITTED') },
  { name: 'tx_read_only', kind: 'bool', default: n(0n) },
  { name: 'version', kind: 'string', globalOnly: true, default: (v) => `5.7.25-OceanBase_CE-v${v.obVersion}` },
  { name: 'version_comment', kind: 'string', globalOnly: true, readOnly: true, default: (v) => v.versionComment },
  { name: 'wait_timeout', kind: 'int', min: 1n, max: 31536000n, default: n(28800n) },
];

const BY_NAME = new Map(DEFS.map((d) => [d.name, d]));

export function sysVarDef(name: string): SysVarDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** All definitions in name order (SHOW VARIABLES order). */
export function sysVarDefs(): readonly SysVarDef[] {
  return DEFS;
}
