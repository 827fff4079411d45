/**
 * Kept row encodings (row-cache.ts): a frozen row is encoded once per columns, protocol and time zone, and what is
 * sent from the kept encoding is byte for byte what encoding it afresh gives; rows that are not frozen are never kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal, type ColumnDef, type SqlValue } from '../../../src/result.js';
import { wireColumns, type WireColumn } from '../../../src/wire/column-definition.js';
import { PacketWriter } from '../../../src/wire/packet-writer.js';
import { writeRow } from '../../../src/wire/row-cache.js';
import { writeBinaryRow, writeTextRow, type OffsetOf } from '../../../src/wire/rows.js';

const COLUMNS: readonly ColumnDef[] = [
  { name: 'JOB_ID', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false },
  { name: 'STATUS', type: { base: 'varchar', length: 4096 }, nullable: true },
  { name: 'START_TIMESTAMP', type: { base: 'timestamp', fsp: 6 }, nullable: true },
];

const ZONES: Record<string, OffsetOf> = { '+08:00': () => 8 * 3600, '+00:00': () => 0, '-05:30': () => -(5 * 3600 + 1800) };

/** The bytes `write` puts on the wire, and how many times the row's values were read while writing them. */
function written(write: (out: PacketWriter) => void): Buffer {
  const chunks: Buffer[] = [];
  const out = new PacketWriter((c) => chunks.push(Buffer.from(c)));
  write(out);
  out.flush();
  return Buffer.concat(chunks);
}

/** A frozen row that counts reads of its values: a kept encoding is sent without reading any. */
function counted(values: readonly SqlValue[]): { row: readonly SqlValue[]; reads: () => number } {
  let reads = 0;
  const row = new Proxy(Object.freeze([...values]), {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { row, reads: () => reads };
}

const fresh = (cols: readonly WireColumn[], row: readonly SqlValue[], zone: string, binary: boolean): Buffer =>
  written((out) => (binary ? writeBinaryRow : writeTextRow)(out, cols, row, ZONES[zone] as OffsetOf));
const viaCache = (cols: readonly WireColumn[], row: readonly SqlValue[], zone: string, binary: boolean): Buffer =>
  written((out) => writeRow(out, cols, row, ZONES[zone] as OffsetOf, zone, binary));

describe('kept row encodings', () => {
  const values: SqlValue[] = [7n, 'COMPLETED', new Temporal('TIMESTAMP', 1714564800123456n)];

  it('a frozen row is encoded once, then sent from its kept encoding', () => {
    const cols = wireColumns(COLUMNS);
    const { row, reads } = counted(values);
    const first = viaCache(cols, row, '+08:00', false);
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    expect(viaCache(wireColumns(COLUMNS), row, '+08:00', false)).toEqual(first);
    expect(reads()).toBe(afterFirst);
    expect(first).toEqual(fresh(cols, values, '+08:00', false));
  });

  it('another time zone, protocol or column list encodes again', () => {
    const cols = wireColumns(COLUMNS);
    const { row, reads } = counted(values);
    viaCache(cols, row, '+08:00', true);
    let seen = reads();
    const other = viaCache(cols, row, '+00:00', true);
    expect(reads()).toBeGreaterThan(seen);
    expect(other).toEqual(fresh(cols, values, '+00:00', true));
    seen = reads();
    expect(viaCache(cols, row, '+00:00', false)).toEqual(fresh(cols, values, '+00:00', false));
    expect(reads()).toBeGreaterThan(seen);
    // START_TIMESTAMP shown with 2 fraction digits instead of 6.
    const narrower = wireColumns([COLUMNS[0]!, COLUMNS[1]!, { ...COLUMNS[2]!, type: { base: 'timestamp', fsp: 2 } }]);
    seen = reads();
    expect(viaCache(narrower, row, '+00:00', false)).toEqual(fresh(narrower, values, '+00:00', false));
    expect(reads()).toBeGreaterThan(seen);
  });

  it('a row that is not frozen is encoded every time', () => {
    const cols = wireColumns(COLUMNS);
    let reads = 0;
    const row = new Proxy([...values], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    viaCache(cols, row, '+08:00', false);
    const once = reads;
    viaCache(cols, row, '+08:00', false);
    expect(reads).toBe(2 * once);
  });

  it('whatever the sequence of zones and protocols, each answer is what a fresh encoding gives (property)', () => {
    const value = fc.tuple(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.option(fc.string({ maxLength: 80 }), { nil: null }),
      fc.option(fc.bigInt({ min: 0n, max: 4_102_444_800_000_000n }).map((us) => new Temporal('TIMESTAMP', us)), { nil: null }),
    );
    const step = fc.tuple(fc.nat({ max: 4 }), fc.constantFrom(...Object.keys(ZONES)), fc.boolean());
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), fc.array(step, { minLength: 1, maxLength: 20 }), (rows, steps) => {
        const frozen = rows.map((r) => Object.freeze([...r]));
        const cols = wireColumns(COLUMNS);
        for (const [i, zone, binary] of steps) {
          const row = frozen[i % frozen.length]!;
          expect(viaCache(cols, row, zone, binary)).toEqual(fresh(cols, row, zone, binary));
        }
      }),
    );
  });
});
