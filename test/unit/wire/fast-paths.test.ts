/**
 * The wire's fast paths give exactly what the general paths give: short ASCII strings written byte by byte, times
 * computed in doubles where a double holds every microsecond, BIGINTs written from safe-integer halves, and the
 * binary row's NULL bitmap set in place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnDef, SqlValue } from '../../../src/result.js';
import { toWireColumn } from '../../../src/wire/column-definition.js';
import { PacketWriter } from '../../../src/wire/packet-writer.js';
import { writeBinaryRow } from '../../../src/wire/rows.js';
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

  it('BIGINT values take the bytes writeBigInt64LE / writeBigUInt64LE give, signed and unsigned, inside and beyond 2^53', () => {
    const signed = toWireColumn({ name: 'v', type: { base: 'bigint', width: 20, unsigned: false }, nullable: true });
    const unsigned = toWireColumn({ name: 'v', type: { base: 'bigint', width: 20, unsigned: true }, nullable: true });
    const limit = 2n ** 53n;
    const values = fc.oneof(fc.bigInt({ min: -limit - 2n, max: limit + 2n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
    fc.assert(
      fc.property(values, (v) => {
        const want = Buffer.alloc(8);
        want.writeBigInt64LE(v);
        expect(binaryRow([signed], [v]).subarray(-8)).toEqual(want);
        if (v < 0n) return;
        want.writeBigUInt64LE(v);
        expect(binaryRow([unsigned], [v]).subarray(-8)).toEqual(want);
      }),
    );
  });

  it("a binary row's NULL bitmap has bit i + 2 set exactly for the NULL values", () => {
    const col: ColumnDef = { name: 'v', type: { base: 'varchar', length: 8 }, nullable: true };
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'bc'), { nil: null }), { minLength: 1, maxLength: 40 }), (row) => {
        const bytes = binaryRow(row.map(() => toWireColumn(col)), row);
        const bitmapBytes = (row.length + 9) >> 3;
        const expected = Buffer.alloc(bitmapBytes);
        row.forEach((v, i) => {
          if (v === null) expected[(i + 2) >> 3] = (expected[(i + 2) >> 3] as number) | (1 << ((i + 2) & 7));
        });
        // Packet header (4 bytes), the 0x00 row header, then the bitmap.
        expect(bytes.subarray(5, 5 + bitmapBytes)).toEqual(expected);
      }),
    );
  });
});

function binaryRow(cols: ReturnType<typeof toWireColumn>[], row: readonly SqlValue[]): Buffer {
  const chunks: Buffer[] = [];
  const w = new PacketWriter((c) => chunks.push(Buffer.from(c)));
  writeBinaryRow(w, cols, row, () => 0);
  w.flush();
  return Buffer.concat(chunks);
}
