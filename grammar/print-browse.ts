/** Canonical SQL for the statements of rules-browse.ts (the SHOW family browsing clients send, LOCK TABLES). */
import type { Expr, Statement } from './ast.js';
import { printExpr, printName, printString, printTable } from './print-expr.js';

function filter(like: string | undefined, where: Expr | undefined): string {
  if (like !== undefined) return ` LIKE ${printString(like)}`;
  return where === undefined ? '' : ` WHERE ${printExpr(where)}`;
}

function from(database: string | undefined): string {
  return database === undefined ? '' : ` FROM ${printName(database)}`;
}

/** `root@%` reads back the same through `'root'@'%'`. */
function printUser(user: string): string {
  const at = user.indexOf('@');
  return at < 0 ? printString(user) : `${printString(user.slice(0, at))}@${printString(user.slice(at + 1))}`;
}

export function printBrowse(s: Statement): string | undefined {
  switch (s.kind) {
    case 'ShowTableStatus':
      return `SHOW TABLE STATUS${from(s.database)}${filter(s.like, s.where)}`;
    case 'ShowIndex':
      return `SHOW INDEX FROM ${printTable(s.table)}${filter(undefined, s.where)}`;
    case 'ShowCreateTable':
      return `SHOW CREATE TABLE ${printTable(s.table)}`;
    case 'ShowCreateView':
      return `SHOW CREATE VIEW ${printTable(s.table)}`;
    case 'ShowCreateDatabase':
      return `SHOW CREATE DATABASE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printName(s.database)}`;
    case 'ShowGrants':
      return s.user === undefined ? 'SHOW GRANTS' : `SHOW GRANTS FOR ${printUser(s.user)}`;
    case 'ShowEngines':
      return 'SHOW ENGINES';
    case 'ShowCharset':
      return `SHOW CHARACTER SET${filter(s.like, s.where)}`;
    case 'ShowCollation':
      return `SHOW COLLATION${filter(s.like, s.where)}`;
    case 'ShowRoutineStatus':
      return `SHOW ${s.routine} STATUS${filter(s.like, s.where)}`;
    case 'ShowTriggers':
    case 'ShowEvents':
      return `SHOW ${s.kind === 'ShowTriggers' ? 'TRIGGERS' : 'EVENTS'}${from(s.database)}${filter(s.like, s.where)}`;
    case 'ShowPlugins':
      return 'SHOW PLUGINS';
    case 'ShowMasterStatus':
      return 'SHOW MASTER STATUS';
    case 'LockTables':
      return `LOCK TABLES ${s.tables.map((t) => `${printTable(t.table)}${t.alias === undefined ? '' : ` AS ${printName(t.alias)}`} ${t.write ? 'WRITE' : 'READ'}`).join(', ')}`;
    case 'UnlockTables':
      return 'UNLOCK TABLES';
    default:
      return undefined;
  }
}
