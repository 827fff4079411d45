/** The shape of a built-in function: its arity, and how it compiles given its compiled arguments. */
import type { Compiled, Scope } from './scope.js';

export interface FnDef {
  readonly min: number;
  /** Infinity for variadic functions (CONCAT, COALESCE, GREATEST). */
  readonly max: number;
  readonly compile: (args: readonly Compiled[], scope: Scope) => Compiled;
}

export type FnTable = Readonly<Record<string, FnDef>>;
