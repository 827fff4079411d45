/**
 * Cuts the incoming byte stream into logical packets: 3-byte length, 1-byte sequence id, payload; payloads of
 * 0xFFFFFF bytes continue in the next packet and are joined here. Chunks are kept as received and joined only once a
 * whole packet is there, so a 16 MB packet arriving in 64 KB pieces is copied once, not quadratically.
 */
import { InvariantError } from '../errors.js';
import { MAX_PACKET_PAYLOAD } from './protocol.js';

export type FramingFault = 'too-large' | 'out-of-order';

export class FramingError extends Error {
  override readonly name = 'FramingError';
  constructor(
    readonly fault: FramingFault,
    message: string,
    /** Sequence id of the offending packet, for the ERR reply. */
    readonly seq: number,
  ) {
    super(message);
  }
}

export interface Frame {
  readonly payload: Buffer;
  /** Sequence id of the last physical packet: replies continue from it. */
  readonly lastSeq: number;
}

export class PacketFramer {
  private chunks: Buffer[] = [];
  /** Bytes of chunks[0] already taken: chunks are kept as received and never re-sliced to drop a header. */
  private head = 0;
  private parts: Buffer[] = [];
  private partsLength = 0;
  private nextPartSeq = -1;
  buffered = 0;

  /** @param maxPayload the largest joined payload accepted (max_allowed_packet). */
  constructor(private readonly maxPayload: number) {}

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /** True while a packet has started but not fully arrived. */
  get midPacket(): boolean {
    return this.buffered > 0 || this.parts.length > 0;
  }

  /**
   * The next complete logical packet, or null when more bytes are needed.
   * @param expectedSeq the sequence id the first physical packet must carry.
   */
  next(expectedSeq: number): Frame | null {
    return this.nextInFirstChunk(expectedSeq) ?? this.nextJoined(expectedSeq);
  }

  /**
   * The common case, read without walking the chunk list: a whole packet of less than 16 MB at the head of the first
   * chunk, with the expected sequence id and not too large. Anything else is left to nextJoined, which also reports it.
   */
  private nextInFirstChunk(expectedSeq: number): Frame | null {
    const first = this.chunks[0];
    const at = this.head;
    if (first === undefined || this.parts.length > 0 || first.length - at < 4) return null;
    const length = (first[at] as number) | ((first[at + 1] as number) << 8) | ((first[at + 2] as number) << 16);
    const seq = first[at + 3] as number;
    const end = at + 4 + length;
    if (seq !== expectedSeq || length === MAX_PACKET_PAYLOAD || length > this.maxPayload || end > first.length) return null;
    this.buffered -= 4 + length;
    if (end === first.length) {
      this.chunks.shift();
      this.head = 0;
    } else {
      this.head = end;
    }
    return { payload: first.subarray(at + 4, end), lastSeq: seq };
  }

  private nextJoined(expectedSeq: number): Frame | null {
    for (;;) {
      if (this.buffered < 4) return null;
      const length = this.byteAt(0) | (this.byteAt(1) << 8) | (this.byteAt(2) << 16);
      const seq = this.byteAt(3);
      const want = this.parts.length === 0 ? expectedSeq : this.nextPartSeq;
      if (seq !== want) throw new FramingError('out-of-order', `got packet sequence ${seq}, expected ${want}`, seq);
      if (this.partsLength + length > this.maxPayload) {
        throw new FramingError('too-large', `packet of ${this.partsLength + length} bytes exceeds ${this.maxPayload}`, seq);
      }
      if (this.buffered < 4 + length) return null;
      this.take(4);
      const payload = this.take(length);
      if (length === MAX_PACKET_PAYLOAD) {
        this.parts.push(payload);
        this.partsLength += length;
        this.nextPartSeq = (seq + 1) & 0xff;
        continue;
      }
      if (this.parts.length === 0) return { payload, lastSeq: seq };
      this.parts.push(payload);
      const joined = Buffer.concat(this.parts, this.partsLength + length);
      this.parts = [];
      this.partsLength = 0;
      return { payload: joined, lastSeq: seq };
    }
  }

  /** Byte `i` of the buffered bytes (i < buffered). */
  private byteAt(i: number): number {
    let at = this.head + i;
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k] as Buffer;
      if (at < chunk.length) return chunk[at] as number;
      at -= chunk.length;
    }
    throw new InvariantError(`byte ${i} of ${this.buffered} buffered`);
  }

  /** Removes n buffered bytes; no copy when they lie in one chunk. */
  private take(n: number): Buffer {
    this.buffered -= n;
    const first = this.chunks[0];
    if (first !== undefined && first.length - this.head >= n) {
      const from = this.head;
      this.head += n;
      if (this.head === first.length) {
        this.chunks.shift();
        this.head = 0;
      }
      return from === 0 && n === first.length ? first : first.subarray(from, from + n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0] as Buffer;
      const use = Math.min(chunk.length - this.head, n - filled);
      chunk.copy(out, filled, this.head, this.head + use);
      filled += use;
      this.head += use;
      if (this.head === chunk.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    return out;
  }
}
