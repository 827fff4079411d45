/** Canonical SQL for the SHOW statements of rules-browse.ts (the family browsing clients send). */
import type { ShowBrowseStatement } from './ast.js';
import { printName, printString, printTable } from './print-expr.js';
import { printFilter, type PrinterTable } from './print-parts.js';

function from(database: string | undefined): string {
  return database === undefined ? '' : ` FROM ${printName(database)}`;
}

/** `root@%` reads back the same through `'root'@'%'`. */
function printUser(user: string): string {
  const at = user.indexOf('@');
  return at < 0 ? printString(user) : `${printString(user.slice(0, at))}@${printString(user.slice(at + 1))}`;
}

export const BROWSE_PRINTERS: PrinterTable<ShowBrowseStatement['kind']> = {
  ShowTableStatus: (s) => `SHOW TABLE STATUS${from(s.database)}${printFilter(s.like, s.where)}`,
  ShowIndex: (s) => `SHOW INDEX FROM ${printTable(s.table)}${printFilter(undefined, s.where)}`,
  ShowCreateTable: (s) => `SHOW CREATE TABLE ${printTable(s.table)}`,
  ShowCreateView: (s) => `SHOW CREATE VIEW ${printTable(s.table)}`,
  ShowCreateDatabase: (s) => `SHOW CREATE DATABASE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printName(s.database)}`,
  ShowGrants: (s) => (s.user === undefined ? 'SHOW GRANTS' : `SHOW GRANTS FOR ${printUser(s.user)}`),
  ShowEngines: () => 'SHOW ENGINES',
  ShowCharset: (s) => `SHOW CHARACTER SET${printFilter(s.like, s.where)}`,
  ShowCollation: (s) => `SHOW COLLATION${printFilter(s.like, s.where)}`,
  ShowRoutineStatus: (s) => `SHOW ${s.routine} STATUS${printFilter(s.like, s.where)}`,
  ShowTriggers: (s) => `SHOW TRIGGERS${from(s.database)}${printFilter(s.like, s.where)}`,
  ShowEvents: (s) => `SHOW EVENTS${from(s.database)}${printFilter(s.like, s.where)}`,
  ShowPlugins: () => 'SHOW PLUGINS',
  ShowMasterStatus: () => 'SHOW MASTER STATUS',
};
