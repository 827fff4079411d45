/**
 * The pieces several statement printers share (filters, scopes, tenant names, option lists, restore points) and
 * the type of a printer table. Every print-*.ts file imports from here, never from print.ts, so the printers form
 * no import circle.
 */
import type { Expr, NamedOption, OptionValue, StatementKind, Until } from './ast.js';
import type { StatementOf } from './ast-owner.js';
import { printExpr, printName, printString } from './print-expr.js';

/** One printer per statement kind of K: a table, so a kind without a printer does not compile. */
export type PrinterTable<K extends StatementKind> = { readonly [P in K]: (s: StatementOf<P>) => string };

export function printFilter(like: string | undefined, where: Expr | undefined): string {
  if (like !== undefined) return ` LIKE ${printString(like)}`;
  return where === undefined ? '' : ` WHERE ${printExpr(where)}`;
}

export function printScope(s: 'GLOBAL' | 'SESSION' | null): string {
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
