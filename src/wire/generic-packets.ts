/**
 * OK, ERR and classic EOF packets (never DEPRECATE_EOF: OceanBase does not advertise it, spec/wire.md §3).
 *
 * OK info follows OceanBase's OMPKOK: a client that negotiated CLIENT_SESSION_TRACK gets the info as a
 * length-encoded string, 0x00 when empty, and never a session-state block; other clients get the text as is.
 */
import type { ObError } from '../errors.js';
import type { PacketWriter } from './packet-writer.js';
import { Capability, ServerStatus } from './protocol.js';

export interface OkFields {
  readonly affectedRows?: bigint | number;
  readonly lastInsertId?: bigint | number;
  readonly status: number;
  readonly warnings?: number;
  readonly info?: string;
}

/** Status as sent: 0x0004 is cleared whatever the session says (Oracle mode for OceanBase Connector/J). */
export function wireStatus(status: number): number {
  return status & 0xffff & ~ServerStatus.ORACLE_MODE_BIT;
}

export function writeOk(w: PacketWriter, ok: OkFields, clientCapabilities: number): void {
  w.begin()
    .u8(0x00)
    .lenenc(ok.affectedRows ?? 0)
    .lenenc(ok.lastInsertId ?? 0)
    .u16(wireStatus(ok.status))
    .u16(Math.min(ok.warnings ?? 0, 0xffff));
  const info = ok.info ?? '';
  if (clientCapabilities & Capability.SESSION_TRACK) w.lenencStr(info);
  else if (info !== '') w.str(info);
  w.end();
}

/** @param protocol41 false only before the handshake, where mysqld leaves out the `#` and SQL state. */
export function writeErr(w: PacketWriter, error: Pick<ObError, 'errno' | 'sqlState' | 'message'>, protocol41 = true): void {
  w.begin().u8(0xff).u16(error.errno);
  if (protocol41) w.u8(0x23).str(error.sqlState.padEnd(5, '0').slice(0, 5));
  w.str(error.message).end();
}

export function writeEof(w: PacketWriter, status: number, warnings = 0): void {
  w.begin().u8(0xfe).u16(Math.min(warnings, 0xffff)).u16(wireStatus(status)).end();
}
