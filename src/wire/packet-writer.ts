/**
 * Builds outgoing packets into one slab so each command's reply leaves in as few socket writes as possible.
 *
 * Regions already handed to the socket are never written again: the writer moves on to fresh space instead of
 * copying, which keeps the hot path free of per-packet allocations. Payloads of 16 MB or more are split into
 * 0xFFFFFF-byte packets with consecutive sequence ids, plus an empty packet when the length is an exact multiple.
 */
import { InvariantError } from '../errors.js';
import { MAX_PACKET_PAYLOAD } from './protocol.js';

const SLAB_BYTES = 64 * 1024;
const MIN_TAIL_BYTES = 2048;
/** Strings shorter than this take lenencStr's ASCII path (its length byte is one byte below 251). */
const SHORT_STRING = 64;

export type Sink = (chunk: Buffer) => void;

export class PacketWriter {
  private buf = Buffer.allocUnsafe(SLAB_BYTES);
  private start = 0;
  private pos = 0;
  private headerAt = -1;
  /** Bytes handed to the sink so far. */
  private flushed = 0;
  /** Sequence id of the next packet. */
  seq = 0;

  constructor(private readonly sink: Sink) {}

  /** Bytes waiting to be flushed. */
  get pending(): number {
    return this.pos - this.start;
  }

  begin(): this {
    this.ensure(4);
    this.headerAt = this.pos;
    this.pos += 4;
    return this;
  }

  end(): void {
    const at = this.headerAt;
    const length = this.pos - at - 4;
    this.headerAt = -1;
    if (length < MAX_PACKET_PAYLOAD) {
      const buf = this.buf;
      buf[at] = length & 0xff;
      buf[at + 1] = (length >> 8) & 0xff;
      buf[at + 2] = length >> 16;
      buf[at + 3] = this.seq;
      this.seq = (this.seq + 1) & 0xff;
      return;
    }
    this.splitLast(at, length);
  }

  /** Bytes written so far, flushed or not: a mark for copySince. */
  get written(): number {
    return this.flushed + this.pos - this.start;
  }

  /**
   * A copy of everything written since `written` was `mark`, headers included, or undefined when part of it has been
   * flushed already or it is longer than `maxBytes`.
   */
  copySince(mark: number, maxBytes: number): Buffer | undefined {
    if (mark < this.flushed || this.written - mark > maxBytes) return undefined;
    return Buffer.from(this.buf.subarray(this.start + (mark - this.flushed), this.pos));
  }

  /**
   * A copy of the payload of the one packet written since `pending` was `mark` (no flush in between), or undefined
   * when that payload was split into several packets (16 MB and up).
   */
  copyPayloadSince(mark: number): Buffer | undefined {
    const at = this.start + mark;
    if (this.pos - at - 4 >= MAX_PACKET_PAYLOAD) return undefined;
    return Buffer.from(this.buf.subarray(at + 4, this.pos));
  }

  /** Drops a packet begun but not ended (a reply that failed half-way). */
  discardOpen(): void {
    if (this.headerAt < 0) return;
    this.pos = this.headerAt;
    this.headerAt = -1;
  }

  /** A whole payload as one logical packet. */
  packet(payload: Buffer): void {
    this.begin().bytes(payload).end();
  }

  flush(): void {
    if (this.pos === this.start) return;
    this.sink(this.buf.subarray(this.start, this.pos));
    this.flushed += this.pos - this.start;
    this.start = this.pos;
    if (this.buf.length - this.pos < MIN_TAIL_BYTES) {
      this.buf = Buffer.allocUnsafe(SLAB_BYTES);
      this.start = this.pos = 0;
    }
  }

  u8(v: number): this {
    this.ensure(1);
    this.buf[this.pos++] = v;
    return this;
  }

  u16(v: number): this {
    if (v < 0 || v > 0xffff) throw new InvariantError(`${v} does not fit 16 bits`);
    this.ensure(2);
    this.buf[this.pos++] = v & 0xff;
    this.buf[this.pos++] = v >> 8;
    return this;
  }

  u32(v: number): this {
    this.ensure(4);
    this.pos = this.buf.writeUInt32LE(v >>> 0, this.pos);
    return this;
  }

  /**
   * A signed 64-bit integer given as a safe-integer number: two 32-bit halves, without the BigInt arithmetic of
   * writeBigInt64LE (a BIGINT column's values are almost always ids, counts and sizes well inside 2^53).
   */
  i64Safe(n: number): this {
    if (!Number.isSafeInteger(n)) throw new InvariantError(`${n} is not a safe integer`);
    this.ensure(8);
    // ToUint32 takes the value modulo 2^32, which is the low half in two's complement for negatives too.
    this.buf.writeUInt32LE(n >>> 0, this.pos);
    this.buf.writeInt32LE(Math.floor(n / 0x1_0000_0000), this.pos + 4);
    this.pos += 8;
    return this;
  }

  i64(v: bigint): this {
    this.ensure(8);
    this.pos = this.buf.writeBigInt64LE(v, this.pos);
    return this;
  }

  u64(v: bigint): this {
    this.ensure(8);
    this.pos = this.buf.writeBigUInt64LE(v, this.pos);
    return this;
  }

  f32(v: number): this {
    this.ensure(4);
    this.pos = this.buf.writeFloatLE(v, this.pos);
    return this;
  }

  f64(v: number): this {
    this.ensure(8);
    this.pos = this.buf.writeDoubleLE(v, this.pos);
    return this;
  }

  zeros(n: number): this {
    this.ensure(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
    return this;
  }

  /** `n` zero bytes; returns where they start within the packet being built, for setBit. */
  zeroBits(n: number): number {
    this.zeros(n);
    return this.pos - n - this.headerAt;
  }

  /** Sets bit `bit` of the bytes starting at `offset` within the packet being built (see zeroBits). */
  setBit(offset: number, bit: number): void {
    const at = this.headerAt + offset + (bit >> 3);
    this.buf[at] = (this.buf[at] as number) | (1 << (bit & 7));
  }

  /**
   * Whole packets already framed (from copySince), after which the next sequence id is `nextSeq`. With nothing
   * pending they go to the sink as they are: a reply that is all kept bytes leaves without being copied or sliced.
   * The sink must not change them, as the socket does not.
   */
  framed(packets: Buffer, nextSeq: number): void {
    if (this.headerAt >= 0) throw new InvariantError('framed packets inside an open packet');
    if (this.pos === this.start) {
      this.sink(packets);
      this.flushed += packets.length;
    } else {
      this.bytes(packets);
    }
    this.seq = nextSeq;
  }

  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** A length-encoded integer (1, 3, 4 or 9 bytes). */
  lenenc(n: number | bigint): this {
    if (typeof n === 'number') {
      if (n < 251) return this.u8(n);
      if (n < 0x1_0000) return this.u8(0xfc).u16(n);
      if (n < 0x100_0000) {
        this.u8(0xfd).ensure(3);
        this.pos = this.buf.writeUIntLE(n, this.pos, 3);
        return this;
      }
      return this.u8(0xfe).u64(BigInt(n));
    }
    return n < 0x100_0000n ? this.lenenc(Number(n)) : this.u8(0xfe).u64(n);
  }

  /** A UTF-8 string without terminator or length. */
  str(s: string): this {
    const n = Buffer.byteLength(s);
    this.ensure(n);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    return this;
  }

  /** A NUL-terminated UTF-8 string. */
  strz(s: string): this {
    return this.str(s).u8(0);
  }

  /** A length-encoded UTF-8 string. */
  lenencStr(s: string): this {
    // Short ASCII (ids, states, times, names): written byte by byte, without byteLength and write calls, which
    // cost more than the copy for strings this short.
    if (s.length < SHORT_STRING) {
      this.ensure(s.length + 1);
      const buf = this.buf;
      const at = this.pos;
      let i = 0;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[at + 1 + i] = c;
      }
      if (i === s.length) {
        buf[at] = i;
        this.pos = at + 1 + i;
        return this;
      }
    }
    const n = Buffer.byteLength(s);
    this.lenenc(n).ensure(n);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    return this;
  }

  lenencBytes(b: Uint8Array): this {
    return this.lenenc(b.length).bytes(b);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const used = this.pos - this.start;
    const next = Buffer.allocUnsafe(Math.max(SLAB_BYTES, (used + n) * 2));
    this.buf.copy(next, 0, this.start, this.pos);
    if (this.headerAt >= 0) this.headerAt -= this.start;
    this.buf = next;
    this.start = 0;
    this.pos = used;
  }

  /** Rewrites the payload just written at `at` as 0xFFFFFF-byte packets. Rare: only for payloads of 16 MB and up. */
  private splitLast(at: number, length: number): void {
    const payload = Buffer.from(this.buf.subarray(at + 4, at + 4 + length));
    this.pos = at;
    for (let offset = 0; ; offset += MAX_PACKET_PAYLOAD) {
      const size = Math.min(MAX_PACKET_PAYLOAD, length - offset);
      this.ensure(4 + size);
      this.pos = this.buf.writeUIntLE(size, this.pos, 3);
      this.buf[this.pos++] = this.seq;
      this.seq = (this.seq + 1) & 0xff;
      this.buf.set(payload.subarray(offset, offset + size), this.pos);
      this.pos += size;
      if (size < MAX_PACKET_PAYLOAD) return;
    }
  }
}
