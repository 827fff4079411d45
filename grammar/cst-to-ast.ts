/**
 * The CST-to-AST step: one function per statement family, dispatched on the single child of `statement`. The
 * builders are plain functions over chevrotain's CST (no visitor class) because this runs once per statement on
 * the hot path of every query a client sends.
 */
import type { CstNode } from 'chevrotain';
import type { Statement } from './ast.js';
import { buildAlterSystemBackup } from './ast-backup.js';
import { buildLockStatement } from './ast-browse.js';
import { buildQuery, buildWrite } from './ast-query.js';
import { buildAlterEmulator, buildAlterSystemRestore, buildCreate, buildDrop } from './ast-restore.js';
import { buildDescribe, buildKill, buildSet, buildShow, buildTransactionStatement, buildUse } from './ast-session.js';
import { node } from './cst-util.js';
import type { BuildContext } from './cst-util.js';

function buildAlter(n: CstNode): Statement {
  const emulator = node(n, 'alterEmulator');
  if (emulator !== undefined) return buildAlterEmulator(emulator);
  const stmt = buildAlterSystemBackup(n) ?? buildAlterSystemRestore(n);
  if (stmt === undefined) throw new Error('ALTER SYSTEM has no known branch');
  return stmt;
}

/** The AST of a `statement` CST node; `text` is the statement's source, which CST offsets index into. */
export function buildStatement(cst: CstNode, text: string): Statement {
  const ctx: BuildContext = { text, nextParameter: 0, query: buildQuery };
  for (const key in cst.children) {
    const child = node(cst, key);
    if (child === undefined) continue;
    switch (key) {
      case 'queryExpression':
        return buildQuery(child, ctx);
      case 'showStatement':
        return buildShow(child, ctx);
      case 'setStatement':
        return buildSet(child, ctx);
      case 'useStatement':
        return buildUse(child);
      case 'killStatement':
        return buildKill(child, ctx);
      case 'describeStatement':
        return buildDescribe(child);
      case 'transactionStatement':
        return buildTransactionStatement(child);
      case 'alterStatement':
        return buildAlter(child);
      case 'createStatement':
        return buildCreate(child);
      case 'dropStatement':
        return buildDrop(child);
      case 'writeStatement':
        return buildWrite(child);
      case 'lockStatement':
        return buildLockStatement(child);
    }
  }
  throw new Error(`statement CST has no known branch: ${Object.keys(cst.children).join(', ')}`);
}
