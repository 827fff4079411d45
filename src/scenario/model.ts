/**
 * The scenario-file model (STYLE.md §G): a `.slt` file as a flat list of lines grouped into items — blank lines,
 * `#` comments (the header and the narration) and records. Records keep the text they were written with, so the
 * printer gives the file back byte for byte and `--rewrite` changes only expected blocks.
 */

/** `skipif wire`, `onlyif engine`: which of the two runs a record belongs to. */
export type RunMode = 'engine' | 'wire';

export interface Condition {
  readonly kind: 'skipif' | 'onlyif';
  readonly mode: RunMode;
  /** The line as written. */
  readonly text: string;
}

interface RecordBase {
  /** 1-based line of the directive (`statement ok`, `query ITT`, `clock advance 10m`, …). */
  readonly line: number;
  readonly conditions: readonly Condition[];
  /** The directive line as written. */
  readonly directive: string;
}

/** What a `statement error` record expects. */
export type ErrorExpectation =
  | { readonly kind: 'any' }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'pattern'; readonly pattern: string };

export interface StatementRecord extends RecordBase {
  readonly kind: 'statement';
  readonly expect: { readonly kind: 'ok' } | { readonly kind: 'error'; readonly error: ErrorExpectation };
  readonly sql: readonly string[];
  /** The exact message after `----`, or null when the record has no `----`. */
  readonly message: string | null;
}

export type SortMode = 'nosort' | 'rowsort';

export interface QueryRecord extends RecordBase {
  readonly kind: 'query';
  /** One letter per column: I integer, T text, R decimal or float (informative; the column count is checked). */
  readonly types: string;
  readonly sort: SortMode;
  readonly sql: readonly string[];
  /** False when the record has no `----` line yet (a rewrite adds it). */
  readonly separator: boolean;
  /** Expected rows, one line each, cells separated by a tab. */
  readonly rows: readonly string[];
}

export interface ClockRecord extends RecordBase {
  readonly kind: 'clock';
  readonly amount: number;
  readonly unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';
}

export interface ConnectionRecord extends RecordBase {
  readonly kind: 'connection';
  readonly name: string;
  /** `user@tenant` or `user` (sys), or null to switch to (or first open) the named connection. */
  readonly login: string | null;
}

export interface WriteRecord extends RecordBase {
  readonly kind: 'write';
  readonly macroblocks: number;
  readonly tenant: string | null;
}

export interface IncludeRecord extends RecordBase {
  readonly kind: 'include';
  /** As written, relative to the including file. */
  readonly path: string;
}

export type ScenarioRecord = StatementRecord | QueryRecord | ClockRecord | ConnectionRecord | WriteRecord | IncludeRecord;

export interface BlankItem {
  readonly kind: 'blank';
  readonly line: number;
}

export interface CommentItem {
  readonly kind: 'comment';
  readonly line: number;
  /** The whole line, `#` included. */
  readonly text: string;
}

export type ScenarioItem = BlankItem | CommentItem | ScenarioRecord;

/** The `# key: value` lines that open a fixture. */
export interface ScenarioHeader {
  readonly name: string | null;
  readonly description: string | null;
  readonly teaches: string | null;
  readonly seed: number | null;
  readonly startTime: string | null;
}

export interface ScenarioFile {
  /** The path it was read from (as given), used in every message. */
  readonly path: string;
  readonly items: readonly ScenarioItem[];
  readonly header: ScenarioHeader;
  /** Whether the text ends with a newline. */
  readonly finalNewline: boolean;
}

/** Defaults when the header names no seed or start time: a fixed, deterministic cluster. */
export const DEFAULT_SEED = 1;
export const DEFAULT_START_TIME = '2024-01-31T03:20:00Z';

export function isRecord(item: ScenarioItem): item is ScenarioRecord {
  return item.kind !== 'blank' && item.kind !== 'comment';
}
