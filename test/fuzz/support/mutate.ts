/**
 * Byte-level mutations of a valid message, as a fuzzer applies them: flip, overwrite, insert, delete, truncate.
 * Positions are fractions of the length, so one mutation list applies to a message of any size.
 */
import fc from 'fast-check';

export type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly mask: number }
  | { readonly op: 'set'; readonly at: number; readonly byte: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'delete'; readonly at: number; readonly count: number }
  | { readonly op: 'truncate'; readonly at: number };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('set' as const), at, byte: fc.constantFrom(0x00, 0xff, 0xfe, 0xfb, 0x80, 0x27, 0x3b, 0x5c) }),
  fc.record({ op: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant('delete' as const), at, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('truncate' as const), at }),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function mutate(base: Buffer, ops: readonly Mutation[]): Buffer {
  let b = Buffer.from(base);
  for (const m of ops) {
    const i = Math.floor(m.at * b.length);
    switch (m.op) {
      case 'flip':
        if (b.length > 0) b[i] = (b[i] as number) ^ m.mask;
        break;
      case 'set':
        if (b.length > 0) b[i] = m.byte;
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, i), m.bytes, b.subarray(i)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, i), b.subarray(i + m.count)]);
        break;
      case 'truncate':
        b = b.subarray(0, i);
        break;
    }
  }
  return b;
}
