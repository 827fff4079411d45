/** Canonical SQL for the statements the session answers (SET, USE, KILL, transactions, locks, SHOW RESTORE PREVIEW). */
import type { SessionStatement } from './ast.js';
import { printExpr, printName, printString, printTable } from './print-expr.js';
import { printScope, type PrinterTable } from './print-parts.js';

export const SESSION_PRINTERS: PrinterTable<SessionStatement['kind']> = {
  Set: (s) =>
    `SET ${s.assignments
      .map(({ target, value }) => {
        const t = target.kind === 'UserVariable' ? printExpr(target) : `${printScope(target.scope)}${printName(target.name)}`;
        return `${t} = ${printExpr(value)}`;
      })
      .join(', ')}`,
  SetNames: (s) => `SET NAMES ${printString(s.charset)}${s.collate === undefined ? '' : ` COLLATE ${printString(s.collate)}`}`,
  SetCharset: (s) => `SET CHARACTER SET ${printString(s.charset)}`,
  SetTransaction: (s) => {
    const parts = [
      ...(s.isolation === undefined ? [] : [`ISOLATION LEVEL ${s.isolation}`]),
      ...(s.readOnly === undefined ? [] : [s.readOnly ? 'READ ONLY' : 'READ WRITE']),
    ];
    return `SET ${printScope(s.scope)}TRANSACTION ${parts.join(', ')}`;
  },
  Use: (s) => `USE ${printName(s.database)}`,
  Kill: (s) => `KILL ${s.query ? 'QUERY ' : ''}${printExpr(s.id)}`,
  Transaction: (s) => s.action,
  Savepoint: (s) => `${s.action === 'SAVEPOINT' ? '' : `${s.action} `}SAVEPOINT ${printName(s.name)}`,
  LockTables: (s) =>
    `LOCK TABLES ${s.tables.map((t) => `${printTable(t.table)}${t.alias === undefined ? '' : ` AS ${printName(t.alias)}`} ${t.write ? 'WRITE' : 'READ'}`).join(', ')}`,
  UnlockTables: () => 'UNLOCK TABLES',
  ShowRestorePreview: () => 'SHOW RESTORE PREVIEW',
};
