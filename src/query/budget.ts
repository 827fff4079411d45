/**
 * The running statement's budget (ob_query_timeout, KILL QUERY, the per-statement memory bound), checked by the
 * evaluator's row loops. The session sets it around one synchronous evaluation (`underBudget`); the loops call
 * `spendRows` for rows they step and `holdRows` for rows they keep. The query layer reads no clock: the session
 * passes `expired`, which does; a statement without a budget (describe, the plan cache's warm-up) runs unbounded.
 */
import { obError, obErrorWith } from '../errors.js';
import { fail } from './scope.js';

export interface StatementBudget {
  /** True once the statement is past ob_query_timeout (the session reads its clock). */
  readonly expired: () => boolean;
  /** ob_query_timeout as the error quotes it. */
  readonly timeoutUs: number;
  /** Values (rows × columns) a statement may keep at once before OB_ALLOCATE_MEMORY_FAILED. */
  readonly maxHeldValues: number;
  /** True once KILL QUERY or a closed client cancelled the statement. */
  readonly cancelled: () => boolean;
  /**
   * True once the statement has run long enough on the session's thread that it should go on elsewhere: the
   * evaluation then stops with HandOff (not an error) and the session runs it again off the event loop
   * (session/query-offload.ts). Absent: the statement runs here to its end.
   */
  readonly handOff?: () => boolean;
  /** max_allowed_packet: string functions give NULL past it (fn-string.ts). Absent: the default, 16 MB. */
  readonly maxAllowedPacket?: number;
}

/** max_allowed_packet's default (OceanBase's and MySQL 8's). */
export const DEFAULT_MAX_ALLOWED_PACKET = 16_777_216;

/**
 * The running statement's max_allowed_packet. Read while a function runs, not when it is planned, so a kept plan
 * (plan-cache.ts) follows SET GLOBAL max_allowed_packet like everything else a statement's budget carries.
 */
export function maxAllowedPacket(): number {
  return current?.maxAllowedPacket ?? DEFAULT_MAX_ALLOWED_PACKET;
}

/** Thrown through the evaluator when StatementBudget.handOff says so; the session catches it. Never an answer. */
export class HandOff {}

/** How many rows pass between two reads of the clock: cheap enough per row, often enough for milliseconds. */
const CHECK_EVERY = 4096;

let current: StatementBudget | null = null;
let untilCheck = CHECK_EVERY;
let held = 0;

/** Runs one evaluation under a budget; nested calls keep the outer budget. */
export function underBudget<T>(budget: StatementBudget, body: () => T): T {
  if (current !== null) return body();
  current = budget;
  untilCheck = CHECK_EVERY;
  held = 0;
  try {
    return body();
  } finally {
    current = null;
  }
}

/** `rows` rows stepped (joined, filtered, grouped): ends the statement once it is past its deadline or killed. */
export function spendRows(rows: number): void {
  if (current === null) return;
  untilCheck -= rows;
  if (untilCheck > 0) return;
  untilCheck = CHECK_EVERY;
  checkBudget(current);
}

/** `rows` rows of `width` values kept in memory by the statement (a join's inner side, a sort, the result). */
export function holdRows(rows: number, width: number): void {
  if (current === null) return;
  held += rows * Math.max(1, width);
  if (held > current.maxHeldValues) fail(obError('OB_ALLOCATE_MEMORY_FAILED'));
}

export function checkBudget(budget: StatementBudget): void {
  if (budget.cancelled() || budget.expired()) fail(timeoutError(budget.timeoutUs));
  if (budget.handOff?.() === true) throw new HandOff();
}

export function timeoutError(timeoutUs: number) {
  return obErrorWith('OB_TIMEOUT', timeoutUs);
}
