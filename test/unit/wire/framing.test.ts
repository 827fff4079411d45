/**
 * Framing in isolation: 16 MB splitting on the way out (including the empty packet after an exact multiple), joining
 * on the way in whatever the chunking, sequence checks, and the max_allowed_packet cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FramingError, PacketFramer } from '../../../src/wire/framer.js';
import { PacketWriter } from '../../../src/wire/packet-writer.js';

const MAX = 0xffffff;

function headers(bytes: Buffer): [number, number][] {
  const out: [number, number][] = [];
  for (let at = 0; at < bytes.length; ) {
    const len = bytes.readUIntLE(at, 3);
    out.push([len, bytes[at + 3] as number]);
    at += 4 + len;
  }
  return out;
}

function write(payloadLength: number, seq = 0): Buffer {
  const chunks: Buffer[] = [];
  const w = new PacketWriter((c) => chunks.push(Buffer.from(c)));
  w.seq = seq;
  w.begin().bytes(Buffer.alloc(payloadLength, 0x61)).end();
  w.begin().u8(0xfe).end();
  w.flush();
  return Buffer.concat(chunks);
}

describe('outgoing splitting', () => {
  it('keeps a payload just under 16 MB in one packet', () => {
    expect(headers(write(MAX - 1))).toEqual([
      [MAX - 1, 0],
      [1, 1],
    ]);
  });

  it('sends exactly 0xFFFFFF bytes as a full packet plus an empty one', () => {
    expect(headers(write(MAX, 5))).toEqual([
      [MAX, 5],
      [0, 6],
      [1, 7],
    ]);
  });

  it('splits a larger payload into full packets and a remainder with consecutive ids, wrapping at 255', () => {
    expect(headers(write(2 * MAX + 10, 254))).toEqual([
      [MAX, 254],
      [MAX, 255],
      [10, 0],
      [1, 1],
    ]);
  });
});

describe('incoming joining', () => {
  function framed(payloadLength: number): Buffer {
    return write(payloadLength).subarray(0, -5); // drop the trailing 1-byte packet
  }

  it('joins a split payload delivered in odd chunk sizes', () => {
    const bytes = framed(MAX + 100);
    const f = new PacketFramer(64 * 1024 * 1024);
    let got = null;
    for (let at = 0; at < bytes.length; at += 65_537) {
      f.push(bytes.subarray(at, at + 65_537));
      got = f.next(0) ?? got;
    }
    expect(got?.payload.length).toBe(MAX + 100);
    expect(got?.lastSeq).toBe(1);
    expect(f.midPacket).toBe(false);
  });

  it('joins an exact 0xFFFFFF payload terminated by an empty packet', () => {
    const f = new PacketFramer(64 * 1024 * 1024);
    f.push(framed(MAX));
    const got = f.next(0);
    expect(got?.payload.length).toBe(MAX);
    expect(got?.lastSeq).toBe(1);
  });

  it('returns several pipelined packets from one chunk, and waits on a partial header', () => {
    const f = new PacketFramer(1024);
    f.push(Buffer.from('0100000001' + '0100000002' + '0200', 'hex'));
    expect(f.next(0)?.payload).toEqual(Buffer.of(1));
    expect(f.next(0)?.payload).toEqual(Buffer.of(2));
    expect(f.next(0)).toBeNull();
    expect(f.midPacket).toBe(true);
    f.push(Buffer.from('00000304', 'hex'));
    expect(f.next(0)?.payload).toEqual(Buffer.of(3, 4));
  });

  it('rejects a wrong sequence id and a packet over the cap before its bytes arrive', () => {
    const f = new PacketFramer(1024);
    f.push(Buffer.from('0100000301', 'hex'));
    expect(() => f.next(0)).toThrow(FramingError);
    const g = new PacketFramer(1024);
    g.push(Buffer.from('ffff0000', 'hex'));
    expect(() => g.next(0)).toThrow(/exceeds 1024/);
  });
});

describe('incoming framing (property)', () => {
  it('yields the packets sent, in order, however the bytes are cut into chunks', () => {
    const payloads = fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 12 });
    // Small cuts split headers and payloads across chunks; large ones put several whole packets in one chunk, which
    // the framer reads without joining.
    const cut = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 4000 }));
    fc.assert(
      fc.property(payloads, fc.array(cut, { minLength: 1, maxLength: 40 }), (sent, cuts) => {
        const bytes = Buffer.concat(sent.map((p, i) => Buffer.concat([Buffer.of(p.length & 0xff, (p.length >> 8) & 0xff, 0, i & 0xff), p])));
        const f = new PacketFramer(1024);
        const got: Buffer[] = [];
        let at = 0;
        for (let k = 0; at < bytes.length; k++) {
          const n = cuts[k % cuts.length] as number;
          f.push(bytes.subarray(at, at + n));
          at += n;
          for (let frame = f.next(got.length & 0xff); frame !== null; frame = f.next(got.length & 0xff)) got.push(Buffer.from(frame.payload));
        }
        expect(got).toEqual(sent.map((p) => Buffer.from(p)));
        expect(f.midPacket).toBe(false);
      }),
    );
  });
});
