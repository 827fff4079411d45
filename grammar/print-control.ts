/** Canonical SQL for the emulator's control statements (ALTER EMULATOR …, SHOW EMULATOR …, SAVE / LOAD SNAPSHOT). */
import type { ControlStatement, PersistStatement } from './ast.js';
import { printString } from './print-expr.js';
import { printTenant, type PrinterTable } from './print-parts.js';

function tenant(t: string | null): string {
  return t === null ? '' : ` TENANT = ${printTenant(t)}`;
}

export const CONTROL_PRINTERS: PrinterTable<ControlStatement['kind']> = {
  EmulatorAdvanceTime: (s) => `ALTER EMULATOR ADVANCE TIME ${s.amount} ${s.unit}`,
  EmulatorSetClock: (s) => `ALTER EMULATOR SET CLOCK ${s.mode}${s.speed === null ? '' : ` SPEED ${s.speed}`}`,
  EmulatorWriteMacroblocks: (s) => `ALTER EMULATOR WRITE ${s.count} MACROBLOCKS${tenant(s.tenant)}`,
  EmulatorSetWriteRate: (s) => `ALTER EMULATOR SET WRITE RATE ${s.mbPerSecond} MB PER SECOND${tenant(s.tenant)}`,
  EmulatorReset: () => 'ALTER EMULATOR RESET',
  EmulatorInjectFault: (s) => {
    const effect = s.effect.kind === 'ERROR' ? `ERROR = ${s.effect.name}` : s.effect.kind === 'THROUGHPUT' ? `THROUGHPUT = ${s.effect.mbPerSecond} MB PER SECOND` : 'DOWN';
    const span = (word: string, t: typeof s.after): string => (t === null ? '' : ` ${word} ${t.amount} ${t.unit}`);
    return `ALTER EMULATOR INJECT FAULT ${s.target}${tenant(s.tenant)} ${effect}${span('AFTER', s.after)}${span('FOR', s.for)}`;
  },
  EmulatorClearFault: (s) => (s.faultId === null ? 'ALTER EMULATOR CLEAR FAULTS' : `ALTER EMULATOR CLEAR FAULT ${s.faultId}`),
  ShowEmulatorStatus: () => 'SHOW EMULATOR STATUS',
  ShowEmulatorFaults: () => 'SHOW EMULATOR FAULTS',
};

export const PERSIST_PRINTERS: PrinterTable<PersistStatement['kind']> = {
  EmulatorSnapshot: (s) => `ALTER EMULATOR ${s.action} SNAPSHOT ${printString(s.name)}`,
};
