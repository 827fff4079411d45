/**
 * The base of every model command (STYLE.md §F): `predict` reads the model before the statement and says what
 * must happen (an exact error, or success plus the model update); `run` sends the SQL, asserts the outcome, applies
 * the update, then compares every view with the model and runs the engine's invariant checker. `toString` is the
 * SQL, and `record` the same step as a scenario-file record, so a shrunk counterexample is a paste-ready script.
 */
import type fc from 'fast-check';
import type { ExpectedError } from '../errors.js';
import { sqlName } from '../model.js';
import type { Conn, Model } from '../model.js';
import type { Outcome, System } from '../system.js';
import { checkViews } from '../views-check.js';

export type Prediction =
  | { readonly kind: 'ok'; readonly apply: () => void }
  | { readonly kind: 'error'; readonly error: ExpectedError; readonly apply?: () => void };

export const ok = (apply: () => void = () => undefined): Prediction => ({ kind: 'ok', apply });
/** An error; `apply` only for OceanBase's quirk of NOARCHIVELOG from sys, which fails after switching tenants. */
export const fail = (error: ExpectedError, apply?: () => void): Prediction => (apply === undefined ? { kind: 'error', error } : { kind: 'error', error, apply });

/** ` TENANT = a, b`, or nothing for no list. */
export function tenantClause(list: readonly string[] | null): string {
  return list === null ? '' : ` TENANT = ${list.map(sqlName).join(', ')}`;
}

/** How often each command ran and what the model predicted (printed by the tests, to show the mix is useful). */
export const outcomeCounts = new Map<string, number>();

function count(cmd: ModelCommand, p: Prediction): void {
  const k = `${cmd.constructor.name} ${p.kind === 'ok' ? 'ok' : p.error.name}`;
  outcomeCounts.set(k, (outcomeCounts.get(k) ?? 0) + 1);
}

export abstract class ModelCommand implements fc.AsyncCommand<Model, System> {
  abstract readonly conn: Conn;
  abstract statement(): string;
  abstract check(m: Readonly<Model>): boolean;
  abstract predict(m: Model): Prediction;

  /** Sends the statement; Advance and Reconnect override this. */
  act(s: System): Promise<Outcome> {
    return s.exec(this.conn, this.statement());
  }

  async run(m: Model, s: System): Promise<void> {
    const p = this.predict(m);
    const out = await this.act(s);
    assertOutcome(this, p, out);
    count(this, p);
    p.apply?.();
    await this.extraCheck(m, s);
    await checkViews(m, s);
    s.invariants();
  }

  /** A check of this command's own view (e.g. a parameter), after the model update. */
  extraCheck(_m: Model, _s: System): Promise<void> {
    return Promise.resolve();
  }

  /** The scenario record of this step (model only), applying the model update as `run` would. */
  record(m: Model): string {
    const p = this.predict(m);
    p.apply?.();
    if (p.kind === 'ok') {
      return `statement ok\n${this.statement()}`;
    }
    return `statement error (${p.error.name})\n${this.statement()}\n----\n${p.error.message}`;
  }

  toString(): string {
    return `${this.conn}> ${this.statement()}`;
  }
}

function assertOutcome(cmd: ModelCommand, p: Prediction, out: Outcome): void {
  const where = `${cmd.toString()}`;
  if (p.kind === 'ok') {
    if (out.kind === 'error') throw new Error(`${where}: the model expects success, got ${out.errno} ${out.message}`);
    return;
  }
  if (out.kind !== 'error') throw new Error(`${where}: the model expects ${p.error.name} (${p.error.errno}), got success`);
  if (out.errno !== p.error.errno || out.message !== p.error.message) {
    throw new Error(`${where}: the model expects ${p.error.errno} '${p.error.message}', got ${out.errno} '${out.message}'`);
  }
}
