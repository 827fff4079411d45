/**
 * SHOW EMULATOR STATUS (emulator.md "Control statements"): clock mode, speed, virtual now, SCN, seed, cluster and
 * tenants, as `Variable_name` / `Value` rows like SHOW STATUS, so scripts can pick one with a LIKE in their head.
 */
import type { EmulatorStatus } from '../engine/index.js';
import { formatTemporal } from '../query/index.js';
import type { ColumnDef } from '../result.js';
import type { StatementResult } from './port.js';

const COLUMNS: readonly ColumnDef[] = [
  { name: 'Variable_name', type: { base: 'varchar', length: 128 }, nullable: false },
  { name: 'Value', type: { base: 'varchar', length: 4096 }, nullable: false },
];

export function statusResult(status: EmulatorStatus, timeZone: string | undefined): StatementResult {
  const tenants = status.tenants.map((t) => `${t.name}(${t.id},${t.mode})`).join(',');
  const rows: [string, string][] = [
    ['clock_mode', status.clockMode],
    ['speed', String(status.speed)],
    ['now', formatTemporal(BigInt(status.nowUs), 'DATETIME', 6, timeZone)],
    ['now_usec', String(status.nowUs)],
    ['scn', String(status.scn)],
    ['seed', String(status.seed)],
    ['cluster', status.cluster],
    ['tenants', tenants],
  ];
  return { kind: 'rows', resultSet: { columns: COLUMNS, rows: rows } };
}
