/**
 * The AST of the emulator's fault control statements (emulator.md "Faults"): INJECT FAULT, CLEAR FAULT(S), SHOW
 * EMULATOR FAULTS. Ours, not OceanBase's.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { ControlStatement, FaultEffectText, FaultTarget, TimeSpan, TimeUnit } from './ast.js';
import { tenantOf } from './ast-backup.js';
import { has, identifierText, need, node, token, tokens } from './cst-util.js';

function spanOf(n: CstNode | undefined): TimeSpan | null {
  if (n === undefined) return null;
  return { amount: (token(n, 'amount') as IToken).image, unit: (token(n, 'unit') as IToken).image.toUpperCase() as TimeUnit };
}

function targetOf(n: CstNode): FaultTarget {
  const words = tokens(n, 'target').map((t) => t.image.toUpperCase());
  return words.join(' ') as FaultTarget;
}

function effectOf(n: CstNode): FaultEffectText {
  const word = (token(n, 'effect') as IToken).image.toUpperCase();
  if (word === 'ERROR') return { kind: 'ERROR', name: identifierText(token(n, 'errorName') as IToken) };
  if (word === 'THROUGHPUT') return { kind: 'THROUGHPUT', mbPerSecond: (token(n, 'throughput') as IToken).image };
  return { kind: 'DOWN' };
}

/** ALTER EMULATOR INJECT FAULT … / CLEAR FAULT id / CLEAR FAULTS, or undefined for the other ALTER EMULATOR forms. */
export function buildFaultControl(n: CstNode): ControlStatement | undefined {
  const inject = node(n, 'injectFault');
  if (inject !== undefined) {
    return {
      kind: 'EmulatorInjectFault',
      target: targetOf(inject),
      tenant: tenantOf(node(inject, 'tenantClause')),
      effect: effectOf(inject),
      after: spanOf(node(inject, 'after')),
      for: spanOf(node(inject, 'for')),
    };
  }
  if (!has(n, 'CLEAR')) return undefined;
  const id = token(n, 'faultId');
  return { kind: 'EmulatorClearFault', faultId: id === undefined ? null : id.image };
}

/** SHOW EMULATOR STATUS | FAULTS. */
export function buildShowEmulator(n: CstNode): ControlStatement {
  return has(need(n, 'showEmulator'), 'FAULTS') ? { kind: 'ShowEmulatorFaults' } : { kind: 'ShowEmulatorStatus' };
}
