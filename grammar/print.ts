/**
 * The canonical printer, AST -> SQL: upper-case keywords, single spaces, `TENANT = name`, strings in single quotes.
 * For every AST the parser produces, parse(print(ast)) gives the same AST (the round-trip property). Model tests
 * print their commands through it, so a shrunk counterexample is already a script.
 */
import type { BackupStatement, Expr, NamedOption, OptionValue, Statement, Until } from './ast.js';
import { printBackup } from './print-backup.js';
import { printBrowse } from './print-browse.js';
import { printExpr, printName, printQuery, printString, printTable } from './print-expr.js';

export { printExpr } from './print-expr.js';

function filter(like: string | undefined, where: Expr | undefined): string {
  if (like !== undefined) return ` LIKE ${printString(like)}`;
  return where === undefined ? '' : ` WHERE ${printExpr(where)}`;
}

function scope(s: 'GLOBAL' | 'SESSION' | null): string {
  return s === null ? '' : `${s} `;
}

/** A tenant name in a TENANT clause: a string always reads back as the same name (relation_name_or_string). */
export function printTenant(name: string): string {
  return /^all$/i.test(name) ? name : printString(name);
}

export function printOptionValue(v: OptionValue): string {
  switch (v.kind) {
    case 'StringValue':
      return printString(v.value);
    case 'NumberValue':
      return v.text;
    case 'WordValue':
      return printName(v.word);
    case 'ListValue':
      return `(${v.items.map(printOptionValue).join(', ')})`;
  }
}

export function printOptions(options: readonly NamedOption[]): string {
  return options.map((o) => `${printName(o.name)} = ${printOptionValue(o.value)}`).join(', ');
}

export function printUntil(u: Until): string {
  switch (u.kind) {
    case 'UntilTime':
      return ` UNTIL TIME = ${printString(u.time)}`;
    case 'UntilScn':
      return ` UNTIL SCN = ${/^\d+$/.test(u.scn) ? u.scn : printString(u.scn)}`;
    case 'UntilUnlimited':
      return ' UNTIL UNLIMITED';
  }
}

function printSession(s: Statement): string | undefined {
  switch (s.kind) {
    case 'Set':
      return `SET ${s.assignments
        .map(({ target, value }) => {
          const t = target.kind === 'UserVariable' ? printExpr(target) : `${scope(target.scope)}${printName(target.name)}`;
          return `${t} = ${printExpr(value)}`;
        })
        .join(', ')}`;
    case 'SetNames':
      return `SET NAMES ${printString(s.charset)}${s.collate === undefined ? '' : ` COLLATE ${printString(s.collate)}`}`;
    case 'SetCharset':
      return `SET CHARACTER SET ${printString(s.charset)}`;
    case 'SetTransaction': {
      const parts = [
        ...(s.isolation === undefined ? [] : [`ISOLATION LEVEL ${s.isolation}`]),
        ...(s.readOnly === undefined ? [] : [s.readOnly ? 'READ ONLY' : 'READ WRITE']),
      ];
      return `SET ${scope(s.scope)}TRANSACTION ${parts.join(', ')}`;
    }
    case 'Use':
      return `USE ${printName(s.database)}`;
    case 'Kill':
      return `KILL ${s.query ? 'QUERY ' : ''}${printExpr(s.id)}`;
    case 'Describe':
      return `DESCRIBE ${printTable(s.table)}${s.column === undefined ? '' : ` ${printName(s.column)}`}`;
    case 'Transaction':
      return s.action;
    case 'Savepoint':
      return `${s.action === 'SAVEPOINT' ? '' : `${s.action} `}SAVEPOINT ${printName(s.name)}`;
    default:
      return undefined;
  }
}

function printShow(s: Statement): string | undefined {
  switch (s.kind) {
    case 'ShowDatabases':
      return `SHOW DATABASES${filter(s.like, s.where)}`;
    case 'ShowTables':
      return `SHOW ${s.full ? 'FULL ' : ''}TABLES${s.database === undefined ? '' : ` FROM ${printName(s.database)}`}${filter(s.like, s.where)}`;
    case 'ShowVariables':
      return `SHOW ${scope(s.scope)}VARIABLES${filter(s.like, s.where)}`;
    case 'ShowParameters':
      return `SHOW PARAMETERS${filter(s.like, s.where)}${s.tenant === undefined ? '' : ` TENANT = ${printTenant(s.tenant)}`}`;
    case 'ShowColumns':
      return `SHOW ${s.full ? 'FULL ' : ''}COLUMNS FROM ${printTable(s.table)}${filter(s.like, undefined)}`;
    case 'ShowWarnings':
      return 'SHOW WARNINGS';
    case 'ShowErrors':
      return 'SHOW ERRORS';
    case 'ShowStatus':
      return `SHOW ${scope(s.scope)}STATUS${filter(s.like, s.where)}`;
    case 'ShowProcesslist':
      return `SHOW ${s.full ? 'FULL ' : ''}PROCESSLIST`;
    case 'ShowTenant':
      return 'SHOW TENANT';
    case 'ShowRestorePreview':
      return 'SHOW RESTORE PREVIEW';
    case 'ShowEmulatorStatus':
      return 'SHOW EMULATOR STATUS';
    case 'ShowEmulatorFaults':
      return 'SHOW EMULATOR FAULTS';
    default:
      return undefined;
  }
}

function printControl(s: Statement): string | undefined {
  const tenant = (t: string | null): string => (t === null ? '' : ` TENANT = ${printTenant(t)}`);
  switch (s.kind) {
    case 'EmulatorAdvanceTime':
      return `ALTER EMULATOR ADVANCE TIME ${s.amount} ${s.unit}`;
    case 'EmulatorSetClock':
      return `ALTER EMULATOR SET CLOCK ${s.mode}${s.speed === null ? '' : ` SPEED ${s.speed}`}`;
    case 'EmulatorWriteMacroblocks':
      return `ALTER EMULATOR WRITE ${s.count} MACROBLOCKS${tenant(s.tenant)}`;
    case 'EmulatorSetWriteRate':
      return `ALTER EMULATOR SET WRITE RATE ${s.mbPerSecond} MB PER SECOND${tenant(s.tenant)}`;
    case 'EmulatorReset':
      return 'ALTER EMULATOR RESET';
    case 'EmulatorInjectFault': {
      const effect = s.effect.kind === 'ERROR' ? `ERROR = ${s.effect.name}` : s.effect.kind === 'THROUGHPUT' ? `THROUGHPUT = ${s.effect.mbPerSecond} MB PER SECOND` : 'DOWN';
      const span = (word: string, t: typeof s.after): string => (t === null ? '' : ` ${word} ${t.amount} ${t.unit}`);
      return `ALTER EMULATOR INJECT FAULT ${s.target}${tenant(s.tenant)} ${effect}${span('AFTER', s.after)}${span('FOR', s.for)}`;
    }
    case 'EmulatorClearFault':
      return s.faultId === null ? 'ALTER EMULATOR CLEAR FAULTS' : `ALTER EMULATOR CLEAR FAULT ${s.faultId}`;
    case 'EmulatorSnapshot':
      return `ALTER EMULATOR ${s.action} SNAPSHOT ${printString(s.name)}`;
    default:
      return undefined;
  }
}

const WRITE_PREFIX = { INSERT: 'INSERT INTO', REPLACE: 'REPLACE INTO', UPDATE: 'UPDATE', DELETE: 'DELETE FROM', TRUNCATE: 'TRUNCATE TABLE' };

/** The statement as canonical SQL, without a trailing `;`. */
export function print(s: Statement): string {
  if (s.kind === 'Select' || s.kind === 'Union') return printQuery(s);
  if (s.kind === 'Write') return `${WRITE_PREFIX[s.verb]} ${printTable(s.table)}`;
  const text = printSession(s) ?? printShow(s) ?? printBrowse(s) ?? printControl(s);
  return text ?? printBackup(s as BackupStatement);
}
