/**
 * The value rules of views.md §2.3, §4, §5 and §11 against hand-computed figures, including the real 4.2.2 rows of
 * §13.2 / §13.3.
 */
import { describe, expect, it } from 'vitest';
import { Temporal } from '../../../src/result.js';
import { scnDisplay9 } from '../../../src/engine/index.js';
import {
  bytesDisplay,
  compressionRatio,
  elapsedSeconds,
  outputRate,
  scnDisplay,
  timestampOrNull,
} from '../../../src/views/values.js';

/** µs of a +08:00 wall-clock time. */
function cst(text: string): number {
  return Date.parse(`${text.slice(0, 19)}+08:00`) * 1000 + Number(text.slice(20).padEnd(6, '0'));
}

describe('byte display format (views.md §2.3)', () => {
  it('MB below 1 GB, GB / TB / PB above, two decimals, no space', () => {
    expect(bytesDisplay(0)).toBe('0.00MB');
    expect(bytesDisplay(313158553)).toBe('298.65MB');
    expect(bytesDisplay(16106127360)).toBe('15.00GB');
    expect(bytesDisplay(96636764160)).toBe('90.00GB');
    expect(bytesDisplay(26843545600)).toBe('25.00GB');
    expect(bytesDisplay(1024 ** 3 - 1)).toBe('1024.00MB');
    expect(bytesDisplay(1024 ** 4)).toBe('1.00TB');
    expect(bytesDisplay(1024n ** 5n * 3n)).toBe('3.00PB');
    expect(bytesDisplay(1023)).toBe('0.00MB');
  });

  it('rounds half away from zero on the exact quotient', () => {
    // 0.005 MB exactly = 5242.88 bytes is not an integer; 0.125 MB = 131072 bytes → 0.13 (half up).
    expect(bytesDisplay(131072)).toBe('0.13MB');
    // 1.005 GB = 1079110533.12 bytes: just below rounds down, the next byte above rounds up.
    expect(bytesDisplay(1079110533)).toBe('1.00GB');
    expect(bytesDisplay(1079110534)).toBe('1.01GB');
  });
});

describe('OUTPUT_RATE_BYTES, ELAPSED_SECONDES, COMPRESSION_RATIO (§4.2, §4.3, §11)', () => {
  const start1 = cst('2024-01-31 11:20:59.804836');
  const end1 = cst('2024-01-31 11:23:08.762451');
  const start2 = cst('2024-01-31 13:47:57.218929');
  const end2 = cst('2024-01-31 13:50:14.974017');

  it('reproduces the real 4.2.2 rows: 131705.4367 and 105932.7043 bytes/s, 129 s', () => {
    expect(outputRate(16984419, start1, end1).toString()).toBe('131705.4367');
    expect(outputRate(14592769, start2, end2).toString()).toBe('105932.7043');
    expect(elapsedSeconds(start1, end1).toString()).toBe('129');
  });

  it('0 while END_TS = 0, with the column scale', () => {
    expect(outputRate(500, start1, 0).toString()).toBe('0.0000');
    expect(elapsedSeconds(start1, 0).toString()).toBe('0');
  });

  it('compression ratio: 0 for no input, else ROUND(out/in, 2)', () => {
    expect(compressionRatio(0, 0).toString()).toBe('0.00');
    expect(compressionRatio(16106127360, 16106127360).toString()).toBe('1.00');
    expect(compressionRatio(198130272, 16984419).toString()).toBe('0.09');
    expect(compressionRatio(8, 1).toString()).toBe('0.13');
  });
});

describe('times and SCNs (§2.2, §10.5)', () => {
  it('END_TIMESTAMP is NULL for 0, a TIMESTAMP otherwise', () => {
    expect(timestampOrNull(0)).toBeNull();
    expect(timestampOrNull(5)).toEqual(new Temporal('TIMESTAMP', 5n));
  });

  it('*_SCN_DISPLAY is NULL for SCN 0, else the DATETIME instant (µs, ns truncated)', () => {
    expect(scnDisplay(0n)).toBeNull();
    expect(scnDisplay(1706671388756316999n)).toEqual(new Temporal('DATETIME', 1706671388756316n));
  });

  it('MIN_RESTORE_SCN_DISPLAY text: nine fractional digits in the server zone (+08:00), as the real sample', () => {
    expect(scnDisplay9(1706671388756316000n)).toBe('2024-01-31 11:23:08.756316000');
    expect(scnDisplay9(1658740213006643504n)).toBe('2022-07-25 17:10:13.006643504');
    // Crossing midnight in +08:00: 2024-01-31 16:00:00 UTC is 2024-02-01 00:00 in the server zone.
    expect(scnDisplay9(1706716800000000001n)).toBe('2024-02-01 00:00:00.000000001');
  });
});
