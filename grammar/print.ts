/**
 * The canonical printer, AST -> SQL: upper-case keywords, single spaces, `TENANT = name`, strings in single quotes.
 * For every AST the parser produces, parse(print(ast)) gives the same AST (the round-trip property). Model tests
 * print their commands through it, so a shrunk counterexample is already a script.
 *
 * One table with a printer per statement kind, assembled from each family's table: a kind without a printer does
 * not compile.
 */
import type { QueryStatement, Statement, StatementKind } from './ast.js';
import type { StatementOf } from './ast-owner.js';
import { BACKUP_PRINTERS, BACKUP_VARIABLE_PRINTERS, RESTORE_PRINTERS, TENANT_PRINTERS } from './print-backup.js';
import { BROWSE_PRINTERS } from './print-browse.js';
import { CONTROL_PRINTERS, PERSIST_PRINTERS } from './print-control.js';
import { DATA_PRINTERS } from './print-data.js';
import { printName, printQuery, printTable } from './print-expr.js';
import { printFilter, printScope, printTenant, type PrinterTable } from './print-parts.js';
import { SESSION_PRINTERS } from './print-session.js';

export { printExpr } from './print-expr.js';
export { printTenant } from './print-parts.js';

const QUERY_PRINTERS: PrinterTable<QueryStatement['kind']> = {
  Select: printQuery,
  Union: printQuery,
  Describe: (s) => `DESCRIBE ${printTable(s.table)}${s.column === undefined ? '' : ` ${printName(s.column)}`}`,
  ShowDatabases: (s) => `SHOW DATABASES${printFilter(s.like, s.where)}`,
  ShowTables: (s) => `SHOW ${s.full ? 'FULL ' : ''}TABLES${s.database === undefined ? '' : ` FROM ${printName(s.database)}`}${printFilter(s.like, s.where)}`,
  ShowVariables: (s) => `SHOW ${printScope(s.scope)}VARIABLES${printFilter(s.like, s.where)}`,
  ShowParameters: (s) => `SHOW PARAMETERS${printFilter(s.like, s.where)}${s.tenant === undefined ? '' : ` TENANT = ${printTenant(s.tenant)}`}`,
  ShowColumns: (s) => `SHOW ${s.full ? 'FULL ' : ''}COLUMNS FROM ${printTable(s.table)}${printFilter(s.like, undefined)}`,
  ShowWarnings: () => 'SHOW WARNINGS',
  ShowErrors: () => 'SHOW ERRORS',
  ShowStatus: (s) => `SHOW ${printScope(s.scope)}STATUS${printFilter(s.like, s.where)}`,
  ShowProcesslist: (s) => `SHOW ${s.full ? 'FULL ' : ''}PROCESSLIST`,
  ShowTenant: () => 'SHOW TENANT',
  ...BROWSE_PRINTERS,
};

const PRINTERS: PrinterTable<StatementKind> = {
  ...QUERY_PRINTERS,
  ...DATA_PRINTERS,
  ...SESSION_PRINTERS,
  ...BACKUP_PRINTERS,
  ...BACKUP_VARIABLE_PRINTERS,
  ...RESTORE_PRINTERS,
  ...TENANT_PRINTERS,
  ...CONTROL_PRINTERS,
  ...PERSIST_PRINTERS,
};

/** The kind and the statement are one value, passed twice so that the table's printer and its argument agree. */
function printKind<K extends StatementKind>(kind: K, s: StatementOf<K>): string {
  return PRINTERS[kind](s);
}

/** The statement as canonical SQL, without a trailing `;`. */
export function print(s: Statement): string {
  return printKind(s.kind, s);
}
