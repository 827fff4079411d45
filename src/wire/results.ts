/**
 * Writes what a session returns: OK packets, text or binary result sets (column count, definitions, EOF, rows,
 * EOF), ERR packets, and COM_QUERY's chain of results with SERVER_MORE_RESULTS_EXISTS on every result but the last.
 */
import type { ObError } from '../errors.js';
import type { ResultSet } from '../result.js';
import { wireColumns, type WireColumn } from './column-definition.js';
import { writeEof, writeErr, writeOk } from './generic-packets.js';
import type { PacketWriter } from './packet-writer.js';
import { Capability, ServerStatus } from './protocol.js';
import { writeKeptResultSet } from './result-cache.js';
import { writeRow } from './row-cache.js';
import type { StatementResult, WireSession } from './session-port.js';

/** Rows are flushed to the socket in pieces of about this size, so a large result never sits whole in the slab. */
const FLUSH_BYTES = 256 * 1024;

export interface ReplyTarget {
  readonly out: PacketWriter;
  readonly session: WireSession;
  /** Negotiated capabilities (client & server). */
  readonly capabilities: number;
}

export function writeColumns(out: PacketWriter, cols: readonly WireColumn[]): void {
  for (const c of cols) out.packet(c.payload);
}

function writeResultSet(t: ReplyTarget, rs: ResultSet, status: number, warnings: number, binary: boolean): void {
  const timeZone = t.session.timeZone();
  writeKeptResultSet(t.out, rs, { binary, timeZone, status, warnings }, () => encodeResultSet(t, rs, status, warnings, binary, timeZone));
}

function encodeResultSet(t: ReplyTarget, rs: ResultSet, status: number, warnings: number, binary: boolean, timeZone: string | undefined): void {
  const { out, session } = t;
  const cols = wireColumns(rs.columns);
  out.begin().lenenc(cols.length).end();
  writeColumns(out, cols);
  writeEof(out, status, warnings);
  const offsetOf = (utcMicros: bigint): number => session.utcOffsetSeconds(utcMicros);
  for (const row of rs.rows) {
    writeRow(out, cols, row, offsetOf, timeZone, binary);
    if (out.pending >= FLUSH_BYTES) out.flush();
  }
  writeEof(out, status, warnings);
}

/** One statement's reply. Returns false for an error, which ends a chain of results. */
export function writeStatementResult(t: ReplyTarget, result: StatementResult, more: boolean, binary: boolean): boolean {
  if (result.kind === 'ObError') {
    writeErr(t.out, result);
    return false;
  }
  const status = t.session.serverStatus() | (more ? ServerStatus.MORE_RESULTS_EXISTS : 0);
  if (result.kind === 'rows' && result.resultSet.columns.length > 0) {
    writeResultSet(t, result.resultSet, status, result.warnings ?? 0, binary);
  } else if (result.kind === 'rows') {
    writeOk(t.out, { status, warnings: result.warnings ?? 0 }, t.capabilities);
  } else {
    // CLIENT_FOUND_ROWS (mysql2 and most drivers ask for it): UPDATE reports the rows it matched, not only changed.
    const affectedRows = result.foundRows !== undefined && (t.capabilities & Capability.FOUND_ROWS) !== 0 ? result.foundRows : result.affectedRows;
    writeOk(t.out, { ...result, ...(affectedRows === undefined ? {} : { affectedRows }), status }, t.capabilities);
  }
  return true;
}

/** COM_QUERY's reply: every statement's result in order, chained with MORE_RESULTS_EXISTS, ending at an error. */
export function writeQueryResults(t: ReplyTarget, results: readonly StatementResult[]): void {
  if (results.length === 0) {
    writeOk(t.out, { status: t.session.serverStatus() }, t.capabilities);
    return;
  }
  for (let i = 0; i < results.length; i++) {
    const more = i < results.length - 1;
    if (!writeStatementResult(t, results[i] as StatementResult, more, false)) return;
  }
}

export function writeOkOrErr(t: ReplyTarget, error: ObError | null): void {
  if (error === null) writeOk(t.out, { status: t.session.serverStatus() }, t.capabilities);
  else writeErr(t.out, error);
}
