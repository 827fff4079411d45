/**
 * Reads one incoming payload with bounds checks. Any read past the end, or a field that cannot be what the protocol
 * says, throws MalformedPacketError: the connection reports it and ends, the server carries on.
 */

export class MalformedPacketError extends Error {
  override readonly name = 'MalformedPacketError';
}

export class PacketReader {
  pos = 0;

  constructor(readonly buf: Buffer) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }

  u16(): number {
    this.need(2);
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }

  bytes(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  rest(): Buffer {
    return this.bytes(this.remaining);
  }

  /** The rest of the payload as UTF-8 text (a statement), decoded in place. */
  restText(): string {
    // No encoding argument: Buffer's toString then decodes UTF-8 without looking the encoding up by name.
    const text = this.buf.toString(undefined, this.pos);
    this.pos = this.buf.length;
    return text;
  }

  /** A length-encoded integer; 0xFB (NULL) and 0xFF are not integers here. */
  lenenc(): number {
    const first = this.u8();
    if (first < 0xfb) return first;
    if (first === 0xfc) return this.u16();
    if (first === 0xfd) {
      this.need(3);
      const v = this.buf.readUIntLE(this.pos, 3);
      this.pos += 3;
      return v;
    }
    if (first === 0xfe) {
      this.need(8);
      const v = this.buf.readBigUInt64LE(this.pos);
      this.pos += 8;
      if (v > BigInt(this.remaining)) throw new MalformedPacketError(`length ${v} exceeds the packet`);
      return Number(v);
    }
    throw new MalformedPacketError(`0x${first.toString(16)} is not a length-encoded integer`);
  }

  lenencBytes(): Buffer {
    return this.bytes(this.lenenc());
  }

  lenencStr(): string {
    return this.lenencBytes().toString('utf8');
  }

  /** A NUL-terminated string; `orEnd` accepts the end of the packet as terminator (clients that omit the last NUL). */
  strz(orEnd = false): string {
    const end = this.buf.indexOf(0, this.pos);
    if (end < 0) {
      if (!orEnd) throw new MalformedPacketError('string without terminator');
      return this.rest().toString('utf8');
    }
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end + 1;
    return s;
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.buf.length) {
      throw new MalformedPacketError(`needs ${n} bytes at offset ${this.pos} of a ${this.buf.length}-byte packet`);
    }
  }
}
