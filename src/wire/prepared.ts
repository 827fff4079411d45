/**
 * COM_STMT_PREPARE / EXECUTE / SEND_LONG_DATA / CLOSE / RESET. The wire numbers statements per connection and keeps
 * their bound parameter types and long data; the session only sees the statement it described and the decoded
 * parameter values.
 */
import { isObError, obError, obErrorWith } from '../errors.js';
import { PARAMETER_DEFINITION, wireColumns } from './column-definition.js';
import { readParameters, type ExecuteState } from './execute-params.js';
import { writeEof, writeErr } from './generic-packets.js';
import type { PacketReader } from './packet-reader.js';
import { writeColumns, writeStatementResult, type ReplyTarget } from './results.js';
import type { PreparedStatement } from './session-port.js';
import { settle } from './settle.js';

export interface StatementEntry extends ExecuteState {
  readonly id: number;
  readonly statement: PreparedStatement;
  longDataBytes: number;
}

export class StatementTable {
  private readonly entries = new Map<number, StatementEntry>();
  private nextId = 1;

  add(statement: PreparedStatement): StatementEntry {
    const id = this.nextId;
    this.nextId = this.nextId >= 0xffff_ffff ? 1 : this.nextId + 1;
    const entry: StatementEntry = { id, statement, paramCount: statement.paramCount, boundTypes: null, longData: new Map(), longDataBytes: 0 };
    this.entries.set(id, entry);
    return entry;
  }

  get(id: number): StatementEntry | undefined {
    return this.entries.get(id);
  }

  delete(id: number): StatementEntry | undefined {
    const e = this.entries.get(id);
    this.entries.delete(id);
    return e;
  }

  /** Removes every statement (reset, change user, disconnect) and returns them for the session to close. */
  clear(): StatementEntry[] {
    const all = [...this.entries.values()];
    this.entries.clear();
    return all;
  }
}

/** OB_MAX_PS_PARAM_COUNT and OB_MAX_PS_FIELD_COUNT (ob_define.h): the most a 2-byte count holds. */
const MAX_PS_COUNT = 0xffff;

function unknownStatement(t: ReplyTarget, id: number, command: string): void {
  writeErr(t.out, obErrorWith('OB_ERR_UNKNOWN_STMT_HANDLER', String(id), command));
}

export function stmtPrepare(t: ReplyTarget, table: StatementTable, sql: string): void | Promise<void> {
  return settle(t.session.prepare(sql), (prepared) => {
    if (isObError(prepared)) {
      writeErr(t.out, prepared);
      return;
    }
    const statement = prepared;
    const cols = wireColumns(statement.columns);
    // PREPARE_OK counts both in 2 bytes: OceanBase refuses more than OB_MAX_PS_PARAM_COUNT / OB_MAX_PS_FIELD_COUNT.
    if (statement.paramCount > MAX_PS_COUNT || cols.length > MAX_PS_COUNT) {
      t.session.closePrepared(statement);
      writeErr(t.out, obError('OB_ERR_PS_TOO_MANY_PARAM'));
      return;
    }
    const entry = table.add(statement);
    t.out.begin().u8(0x00).u32(entry.id).u16(cols.length).u16(statement.paramCount).u8(0).u16(0).end();
    const status = t.session.serverStatus();
    if (statement.paramCount > 0) {
      for (let i = 0; i < statement.paramCount; i++) t.out.packet(PARAMETER_DEFINITION);
      writeEof(t.out, status);
    }
    if (cols.length > 0) {
      writeColumns(t.out, cols);
      writeEof(t.out, status);
    }
  });
}

export function stmtExecute(t: ReplyTarget, table: StatementTable, r: PacketReader): void | Promise<void> {
  const id = r.u32();
  r.u8(); // cursor flags: results are always sent directly, no cursor is opened
  r.u32(); // iteration count, always 1
  const entry = table.get(id);
  if (entry === undefined) return unknownStatement(t, id, 'mysqld_stmt_execute');
  const params = readParameters(r, entry);
  forgetLongData(entry);
  return settle(t.session.executePrepared(entry.statement, params), (result) => {
    writeStatementResult(t, result, false, true);
  });
}

/** Long data is for one execution only. Map#clear allocates a new table even when empty, so it is skipped then. */
function forgetLongData(entry: StatementEntry): void {
  if (entry.longData.size === 0) return;
  entry.longData.clear();
  entry.longDataBytes = 0;
}

/** Appends a chunk; no reply. Returns false when the statement's long data would pass `maxBytes`. */
export function stmtSendLongData(table: StatementTable, r: PacketReader, maxBytes: number): boolean {
  const entry = table.get(r.u32());
  const param = r.u16();
  const data = r.rest();
  if (entry === undefined || param >= entry.paramCount) return true;
  entry.longDataBytes += data.length;
  if (entry.longDataBytes > maxBytes) return false;
  const chunks = entry.longData.get(param);
  if (chunks === undefined) entry.longData.set(param, [Buffer.from(data)]);
  else chunks.push(Buffer.from(data));
  return true;
}

export function stmtClose(t: ReplyTarget, table: StatementTable, r: PacketReader): void {
  const entry = table.delete(r.u32());
  if (entry !== undefined) t.session.closePrepared(entry.statement);
}

export function stmtReset(t: ReplyTarget, table: StatementTable, r: PacketReader, ok: () => void): void {
  const id = r.u32();
  const entry = table.get(id);
  if (entry === undefined) return unknownStatement(t, id, 'mysqld_stmt_reset');
  forgetLongData(entry);
  ok();
}
