/**
 * The utility commands that need only the session: COM_INIT_DB, COM_FIELD_LIST, COM_STATISTICS, COM_PROCESS_KILL
 * and COM_SET_OPTION. COM_QUERY, the prepared-statement commands and those touching connection state live in
 * connection.ts and prepared.ts.
 */
import { isObError, obError } from '../errors.js';
import { wireColumns } from './column-definition.js';
import { writeEof, writeErr } from './generic-packets.js';
import type { PacketReader } from './packet-reader.js';
import { writeOkOrErr, type ReplyTarget } from './results.js';
import { settle } from './settle.js';

export function initDb(t: ReplyTarget, r: PacketReader): void | Promise<void> {
  return settle(t.session.initDb(r.rest().toString('utf8')), (error) => writeOkOrErr(t, error));
}

/** Column definitions with COM_FIELD_LIST's extra default-value field (NULL), then EOF. */
export function fieldList(t: ReplyTarget, r: PacketReader): void | Promise<void> {
  const table = r.strz(true);
  const wildcard = r.rest().toString('utf8');
  return settle(t.session.fieldList(table, wildcard), (columns) => {
    if (isObError(columns)) {
      writeErr(t.out, columns);
      return;
    }
    for (const c of wireColumns(columns)) t.out.begin().bytes(c.payload).u8(0xfb).end();
    writeEof(t.out, t.session.serverStatus());
  });
}

/** The reply is the bare status text, neither OK nor a result set. */
export function statistics(t: ReplyTarget): void | Promise<void> {
  return settle(t.session.statistics(), (text) => {
    t.out.begin().str(text).end();
  });
}

/** `closed` tells whether the session closed this very connection, which then gets no reply. */
export function processKill(t: ReplyTarget, r: PacketReader, closed: () => boolean): void | Promise<void> {
  return settle(t.session.kill(r.u32()), (error) => {
    if (!closed()) writeOkOrErr(t, error);
  });
}

/** MULTI_STATEMENTS on (0) or off (1): answered with EOF. Statements are split either way (spec/wire.md §10). */
export function setOption(t: ReplyTarget, r: PacketReader): void {
  const option = r.u16();
  if (option === 0 || option === 1) writeEof(t.out, t.session.serverStatus());
  else writeErr(t.out, obError('OB_ERR_UNKNOWN_COM'));
}
