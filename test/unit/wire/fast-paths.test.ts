/**
 * The wire's fast paths give exactly what the general paths give: short ASCII strings written byte by byte, and
 * times computed in doubles where a double holds every microsecond.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PacketWriter } from '../../../src/wire/packet-writer.js';
import { temporalFields } from '../../../src/wire/temporal.js';
import { Temporal } from '../../../src/result.js';

function lenencBytes(s: string): Buffer {
  const chunks: Buffer[] = [];
  const w = new PacketWriter((c) => chunks.push(Buffer.from(c)));
  w.lenencStr(s);
  w.flush();
  return Buffer.concat(chunks);
}

function reference(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  const head = bytes.length < 251 ? Buffer.of(bytes.length) : Buffer.from([0xfc, bytes.length & 0xff, bytes.length >> 8]);
  return Buffer.concat([head, bytes]);
}

/** Wall-clock fields through Date (milliseconds) plus the sub-millisecond rest, all in bigint. */
function referenceFields(utcMicros: bigint, offsetSeconds: number) {
  const local = utcMicros + BigInt(offsetSeconds) * 1_000_000n;
  let ms = local / 1000n;
  if (local < 0n && ms * 1000n !== local) ms -= 1n;
  const d = new Date(Number(ms));
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    micro: d.getUTCMilliseconds() * 1000 + Number(local - ms * 1000n),
  };
}

describe('wire fast paths', () => {
  it('lenencStr writes what Buffer.byteLength and write give, for any string', () => {
    const samples = ['', 'FULL', 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(250), 'a'.repeat(251), 'é', 'abcé', '😀x', 'x\u007f'];
    for (const s of samples) expect(lenencBytes(s)).toEqual(reference(s));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(lenencBytes(s)).toEqual(reference(s));
      }),
    );
  });

  it('temporalFields agrees with a bigint reference on both sides of the double fast path', () => {
    const micros = fc.oneof(
      fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }),
      fc.bigInt({ min: 1_700_000_000_000_000n, max: 1_800_000_000_000_000n }),
      fc.bigInt({ min: -62_135_596_800_000_000n, max: 253_402_300_799_999_999n }),
    );
    const offsets = fc.integer({ min: -12 * 3600 - 59 * 60, max: 14 * 3600 });
    fc.assert(
      fc.property(micros, offsets, (us, offset) => {
        expect(temporalFields(new Temporal('TIMESTAMP', us), offset)).toEqual(referenceFields(us, offset));
        expect(temporalFields(new Temporal('DATE', us), offset)).toEqual(referenceFields(us, 0));
      }),
    );
  });
});
