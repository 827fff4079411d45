/**
 * Reads one command's whole reply from a fuzzed connection, checking its shape as it goes: sequence ids from 1 and
 * consecutive, OK / ERR / EOF where the protocol puts them, result sets that end, chains that end. A reply the
 * protocol does not allow throws ProtocolViolation, which fails the property with the input that caused it.
 */
import type { Packet, WireClient } from './wire-client.js';

export class ProtocolViolation extends Error {
  override readonly name = 'ProtocolViolation';
}

/** How a command ended: answered (the connection lives on), or the server closed the connection. */
export type Reply =
  | { readonly kind: 'answered'; readonly errno: number | null }
  | { readonly kind: 'closed'; readonly errno: number | null }
  /** COM_QUIT: the server closed without a word, as it should. */
  | { readonly kind: 'quit' };

const MORE_RESULTS = 0x0008;

const isEof = (p: Packet): boolean => p.payload[0] === 0xfe && p.payload.length < 9;
const isErr = (p: Packet): boolean => p.payload[0] === 0xff;
const errnoOf = (p: Packet): number => p.payload.readUInt16LE(1);

/** A length-encoded integer at `at` (for OK packets and column counts). */
function lenenc(b: Buffer, at: number): [value: number, next: number] {
  const first = b[at];
  if (first === undefined) throw new ProtocolViolation('length-encoded integer past the end of the packet');
  if (first < 0xfb) return [first, at + 1];
  if (first === 0xfc) return [b.readUInt16LE(at + 1), at + 3];
  if (first === 0xfd) return [b.readUIntLE(at + 1, 3), at + 4];
  if (first === 0xfe) return [Number(b.readBigUInt64LE(at + 1)), at + 9];
  throw new ProtocolViolation(`0x${first.toString(16)} is not a length-encoded integer`);
}

function okStatus(p: Packet): number {
  const [, afterRows] = lenenc(p.payload, 1);
  const [, afterId] = lenenc(p.payload, afterRows);
  return p.payload.readUInt16LE(afterId);
}

/** Reads packets in order, checking sequence ids; null when the server closed the connection. */
class ReplyStream {
  private seq = 1;
  errno: number | null = null;

  constructor(private readonly client: WireClient) {}

  async next(): Promise<Packet | null> {
    const p = await this.client.next();
    if (p === null) return null;
    if (p.seq !== this.seq) throw new ProtocolViolation(`reply packet has sequence ${p.seq}, expected ${this.seq}`);
    this.seq = (this.seq + 1) & 0xff;
    if (isErr(p)) this.errno = errnoOf(p);
    return p;
  }

  async must(what: string): Promise<Packet | 'closed'> {
    const p = await this.next();
    if (p === null) return 'closed';
    if (isErr(p)) throw new ProtocolViolation(`ERR ${errnoOf(p)} where the protocol wants ${what}`);
    return p;
  }
}

/** Column definitions then EOF; false when the server closed. */
async function definitions(s: ReplyStream, n: number): Promise<boolean> {
  for (let i = 0; i < n; i++) {
    const p = await s.must('a column definition');
    if (p === 'closed') return false;
    if (isEof(p)) throw new ProtocolViolation(`EOF after ${i} of ${n} column definitions`);
  }
  const eof = await s.must('the EOF after column definitions');
  if (eof === 'closed') return false;
  if (!isEof(eof)) throw new ProtocolViolation('column definitions not followed by EOF');
  return true;
}

/** One result of a text or binary reply: OK, ERR, or a result set. Returns the status, or 'err' / 'closed'. */
async function oneResult(s: ReplyStream, first: Packet): Promise<number | 'err' | 'closed'> {
  if (isErr(first)) return 'err';
  if (first.payload[0] === 0x00) return okStatus(first);
  const [columns] = lenenc(first.payload, 0);
  if (columns === 0) throw new ProtocolViolation('result set with 0 columns');
  if (!(await definitions(s, columns))) return 'closed';
  for (;;) {
    const row = await s.next();
    if (row === null) return 'closed';
    if (isErr(row)) return 'err';
    if (isEof(row)) return row.payload.readUInt16LE(3);
  }
}

async function chain(s: ReplyStream): Promise<boolean> {
  for (;;) {
    const first = await s.next();
    if (first === null) return false;
    const status = await oneResult(s, first);
    if (status === 'closed') return false;
    if (status === 'err' || (status & MORE_RESULTS) === 0) return true;
  }
}

async function prepareOk(s: ReplyStream): Promise<boolean> {
  const first = await s.next();
  if (first === null) return false;
  if (isErr(first)) return true;
  if (first.payload[0] !== 0x00 || first.payload.length < 12) throw new ProtocolViolation('PREPARE_OK expected');
  const columns = first.payload.readUInt16LE(5);
  const params = first.payload.readUInt16LE(7);
  if (params > 0 && !(await definitions(s, params))) return false;
  if (columns > 0 && !(await definitions(s, columns))) return false;
  return true;
}

async function fieldList(s: ReplyStream): Promise<boolean> {
  for (;;) {
    const p = await s.next();
    if (p === null) return false;
    if (isErr(p) || isEof(p)) return true;
  }
}

/** A single packet: OK, ERR, EOF (SET_OPTION), status text (STATISTICS) or an auth switch (CHANGE_USER). */
async function single(s: ReplyStream, allowed: (p: Packet) => boolean, what: string): Promise<boolean> {
  const p = await s.next();
  if (p === null) return false;
  if (!isErr(p) && !allowed(p)) throw new ProtocolViolation(`${what} expected, got 0x${p.payload.subarray(0, 8).toString('hex')}`);
  return true;
}

const isOk = (p: Packet): boolean => p.payload[0] === 0x00;

/**
 * Reads the reply to the command whose first payload byte is `code`. COM_STMT_CLOSE and COM_STMT_SEND_LONG_DATA have
 * no reply: the batch sends a COM_PING after each, and its OK is what is read here. An ERR is ambiguous (an answer,
 * or the last word before the server closes): the next read tells, which is why COM_QUIT is preceded by a PING.
 */
export async function readReply(client: WireClient, code: number): Promise<Reply> {
  const s = new ReplyStream(client);
  let alive: boolean;
  switch (code) {
    case 0x01: {
      // The batch sends a COM_PING before every COM_QUIT: its OK proves the connection was still alive, so the
      // close that follows is the quit's, not an earlier command's fatal ERR.
      if (!(await single(s, isOk, 'OK'))) return { kind: 'closed', errno: s.errno };
      if (s.errno !== null) return { kind: 'answered', errno: s.errno };
      const after = await client.next();
      return after === null ? { kind: 'quit' } : { kind: 'closed', errno: s.errno };
    }
    case 0x03:
    case 0x17:
      alive = await chain(s);
      break;
    case 0x16:
      alive = await prepareOk(s);
      break;
    case 0x04:
      alive = await fieldList(s);
      break;
    case 0x09:
      alive = await single(s, () => true, 'status text');
      break;
    case 0x1b:
      alive = await single(s, isEof, 'EOF');
      break;
    case 0x11:
      alive = await single(s, (p) => isOk(p) || p.payload[0] === 0xfe, 'OK or AuthSwitchRequest');
      break;
    default:
      alive = await single(s, isOk, 'OK');
  }
  return { kind: alive ? 'answered' : 'closed', errno: s.errno };
}
