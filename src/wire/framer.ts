/**
 * Cuts the incoming byte stream into logical packets: 3-byte length, 1-byte sequence id, payload; payloads of
 * 0xFFFFFF bytes continue in the next packet and are joined here. Chunks are kept as received and joined only once a
 * whole packet is there, so a 16 MB packet arriving in 64 KB pieces is copied once, not quadratically.
 */
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
    for (;;) {
      if (this.buffered < 4) return null;
      const header = this.peek4();
      const length = header.readUIntLE(0, 3);
      const seq = header[3] as number;
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

  private peek4(): Buffer {
    const first = this.chunks[0] as Buffer;
    if (first.length >= 4) return first;
    return Buffer.concat(this.chunks, Math.min(this.buffered, 8)).subarray(0, 4);
  }

  /** Removes n buffered bytes; no copy when they lie in one chunk. */
  private take(n: number): Buffer {
    this.buffered -= n;
    const first = this.chunks[0];
    if (n === 0) return Buffer.alloc(0);
    if (first !== undefined && first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0] as Buffer;
      const use = Math.min(chunk.length, n - filled);
      chunk.copy(out, filled, 0, use);
      filled += use;
      if (use === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(use);
    }
    return out;
  }
}
