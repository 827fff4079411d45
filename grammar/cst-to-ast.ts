/**
 * The CST-to-AST step: one function per statement family, dispatched on the single child of `statement`. The
 * builders are plain functions over chevrotain's CST (no visitor class) because this runs once per statement on
 * the hot path of every query a client sends.
 */
import type { CstNode } from 'chevrotain';
import type { Statement } from './ast.js';
import { buildAlterSystemBackup } from './ast-backup.js';
import { buildLockStatement } from './ast-browse.js';
import { buildAlterTable, buildCreateDatabase, buildCreateTable, buildDelete, buildDropDatabase, buildDropTable, buildInsert, buildRename, buildTruncate, buildUpdate } from './ast-data.js';
import { buildQuery } from './ast-query.js';
import { buildAlterEmulator, buildAlterSystemRestore, buildCreate, buildDrop } from './ast-restore.js';
import { buildDescribe, buildKill, buildSet, buildShow, buildTransactionStatement, buildUse } from './ast-session.js';
import { node } from './cst-util.js';
import type { BuildContext } from './cst-util.js';

function buildAlter(n: CstNode, ctx: BuildContext): Statement {
  const table = node(n, 'alterTable');
  if (table !== undefined) return buildAlterTable(table, ctx);
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
        return buildAlter(child, ctx);
      case 'createStatement': {
        const database = node(child, 'createDatabase');
        if (database !== undefined) return buildCreateDatabase(database);
        const table = node(child, 'createTable');
        return table === undefined ? buildCreate(child) : buildCreateTable(table, ctx);
      }
      case 'dropStatement': {
        const database = node(child, 'dropDatabase');
        if (database !== undefined) return buildDropDatabase(database);
        const table = node(child, 'dropTable');
        return table === undefined ? buildDrop(child) : buildDropTable(table);
      }
      case 'insertStatement':
        return buildInsert(child, ctx);
      case 'updateStatement':
        return buildUpdate(child, ctx);
      case 'deleteStatement':
        return buildDelete(child, ctx);
      case 'truncateStatement':
        return buildTruncate(child);
      case 'renameStatement':
        return buildRename(child);
      case 'lockStatement':
        return buildLockStatement(child);
    }
  }
  throw new Error(`statement CST has no known branch: ${Object.keys(cst.children).join(', ')}`);
}
