/**
 * Whole result sets kept encoded, for frozen row lists. A constant SELECT (`SELECT 1`, the validation query of
 * connection pools) answers with the one frozen row list its kept plan computed (query/select.ts), so its reply,
 * from the column count to the last EOF, is the same bytes on every run as long as the column list, the protocol,
 * the session's time zone, the server status, the warning count and the first sequence id are the same. Those make
 * the key; a row list that is not frozen (itself and every row), or a reply longer than KEEP_BYTES, is encoded
 * every time.
 *
 * One kept reply per row list: a frozen list shared by several column lists (an empty one) is encoded again when
 * the key changes, never answered with another reply's bytes.
 */
import type { ResultSet, SqlValue } from '../result.js';
import type { PacketWriter } from './packet-writer.js';

/** Replies of a few rows: pings and constants, not data, which would pin its encoding in memory. */
const KEEP_BYTES = 4096;

/** What else a reply's bytes depend on besides its rows. */
export interface ReplyKey {
  readonly binary: boolean;
  readonly timeZone: string | undefined;
  readonly status: number;
  readonly warnings: number;
}

interface KeptReply extends ReplyKey {
  readonly columns: ResultSet['columns'];
  readonly firstSeq: number;
  readonly packets: Buffer;
  readonly nextSeq: number;
}

const kept = new WeakMap<readonly (readonly SqlValue[])[], KeptReply>();

/** Writes the result set from its kept encoding when one holds; otherwise `encode` writes it, and it is kept if it may be. */
export function writeKeptResultSet(out: PacketWriter, rs: ResultSet, key: ReplyKey, encode: () => void): void {
  // Looked up before asking whether the rows are frozen: a hit needs no other check (only frozen rows are kept), and
  // Object.isFrozen is a call into the runtime.
  const hit = kept.get(rs.rows);
  const firstSeq = out.seq;
  if (hit !== undefined && holds(hit, rs, key, firstSeq)) {
    out.framed(hit.packets, hit.nextSeq);
    return;
  }
  // A frozen list of rows that are not all frozen could still change under a kept reply.
  if (!Object.isFrozen(rs.rows) || !rs.rows.every((row) => Object.isFrozen(row))) {
    encode();
    return;
  }
  const mark = out.written;
  encode();
  const packets = out.copySince(mark, KEEP_BYTES);
  if (packets === undefined) return;
  kept.set(rs.rows, { columns: rs.columns, ...key, firstSeq, packets, nextSeq: out.seq });
}

function holds(hit: KeptReply, rs: ResultSet, key: ReplyKey, firstSeq: number): boolean {
  return (
    hit.columns === rs.columns &&
    hit.binary === key.binary &&
    hit.timeZone === key.timeZone &&
    hit.status === key.status &&
    hit.warnings === key.warnings &&
    hit.firstSeq === firstSeq
  );
}
