/**
 * SHOW EMULATOR FAULTS (emulator.md "Control statements"): one row per fault of the session's cluster, FAULT_ID,
 * TARGET, TENANT_ID, EFFECT, ARMED_FROM, ARMED_UNTIL (NULL = until cleared), FIRED. Times are TIMESTAMPs, shown in
 * the session's time zone like the views' START_TIMESTAMP.
 */
import type { Fault } from '../engine/index.js';
import { Temporal } from '../result.js';
import type { ColumnDef } from '../result.js';
import type { StatementResult } from './port.js';

const BIGINT = { base: 'bigint', width: 20, unsigned: false } as const;
const COLUMNS: readonly ColumnDef[] = [
  { name: 'FAULT_ID', type: BIGINT, nullable: false },
  { name: 'TARGET', type: { base: 'varchar', length: 64 }, nullable: false },
  { name: 'TENANT_ID', type: BIGINT, nullable: false },
  { name: 'EFFECT', type: { base: 'varchar', length: 256 }, nullable: false },
  { name: 'ARMED_FROM', type: { base: 'timestamp', fsp: 6 }, nullable: false },
  { name: 'ARMED_UNTIL', type: { base: 'timestamp', fsp: 6 }, nullable: true },
  { name: 'FIRED', type: BIGINT, nullable: false },
];

function effectText(f: Fault): string {
  const e = f.effect;
  if (e.kind === 'ERROR') return `ERROR = ${e.errorName}`;
  if (e.kind === 'THROUGHPUT') return `THROUGHPUT = ${e.mbPerSecond} MB PER SECOND`;
  return 'DOWN';
}

export function faultsResult(faults: readonly Fault[]): StatementResult {
  const when = (us: number): Temporal => new Temporal('TIMESTAMP', BigInt(us));
  const rows = faults.map((f) => [
    BigInt(f.faultId),
    f.target,
    BigInt(f.tenantId),
    effectText(f),
    when(f.armedFromUs),
    f.armedUntilUs === null ? null : when(f.armedUntilUs),
    BigInt(f.fired),
  ]);
  return { kind: 'rows', resultSet: { columns: COLUMNS, rows } };
}
