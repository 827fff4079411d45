/**
 * How values are written in expected blocks (the MySQL text protocol's rendering, so both runs agree) and the
 * side-by-side diff a mismatch prints.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, Decimal, Temporal, type ColumnDef } from '../../../src/index.js';
import { sideBySide } from '../../../src/scenario/diff.js';
import { cellText, rowText, textOf } from '../../../src/scenario/values.js';

const col = (type: ColumnDef['type']): ColumnDef => ({ name: 'c', type, nullable: true });
const plus8 = (): number => 8 * 3600;
// 2024-01-31 03:23:08.756316 UTC, the SCN example of views.md §10.5.
const instant = 1706671388756316n;

describe('textOf', () => {
  it('renders integers as digits, decimals with their scale, doubles in shortest form', () => {
    const bigint = col({ base: 'bigint', width: 20, unsigned: true });
    expect(textOf(1706671388756316000n, bigint, plus8)).toBe('1706671388756316000');
    expect(textOf(-4072n, bigint, plus8)).toBe('-4072');
    expect(textOf(new Decimal(1317054367n, 4), col({ base: 'decimal', precision: 32, scale: 4 }), plus8)).toBe('131705.4367');
    expect(textOf(new Decimal(0n, 2), col({ base: 'decimal', precision: 24, scale: 2 }), plus8)).toBe('0.00');
    expect(textOf(1e21, col({ base: 'double' }), plus8)).toBe('1e21');
    expect(textOf(0.5, col({ base: 'double' }), plus8)).toBe('0.5');
    expect(textOf(null, bigint, plus8)).toBeNull();
  });

  it("renders times in the session zone with the column's fraction digits", () => {
    expect(textOf(new Temporal('TIMESTAMP', instant), col({ base: 'timestamp', fsp: 6 }), plus8)).toBe('2024-01-31 11:23:08.756316');
    expect(textOf(new Temporal('DATETIME', instant), col({ base: 'datetime', fsp: 0 }), plus8)).toBe('2024-01-31 11:23:08');
    expect(textOf(new Temporal('DATETIME', instant), col({ base: 'datetime', fsp: 3 }), () => 0)).toBe('2024-01-31 03:23:08.756');
    expect(textOf(new Temporal('DATETIME', instant), col({ base: 'datetime', fsp: 6 }), () => -5 * 3600)).toBe('2024-01-30 22:23:08.756316');
    expect(textOf(new Temporal('DATE', 19753n * 86_400_000_000n), col({ base: 'date' }), plus8)).toBe('2024-01-31');
    expect(textOf(new Temporal('DATETIME', -1n), col({ base: 'datetime', fsp: 6 }), () => 0)).toBe('1969-12-31 23:59:59.999999');
  });

  it('renders in the session zone the session reports: offsets, SYSTEM as +08:00, named zones by the calendar', () => {
    const session = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session();
    const offsetIn = (zone: string, at: bigint): number => {
      session.execute(`SET time_zone = '${zone}'`);
      return session.utcOffsetSeconds(at);
    };
    expect(session.utcOffsetSeconds(instant)).toBe(28800);
    expect(offsetIn('+08:00', instant)).toBe(28800);
    expect(offsetIn('-05:30', instant)).toBe(-19800);
    expect(offsetIn('SYSTEM', instant)).toBe(28800);
    expect(offsetIn('Asia/Shanghai', instant)).toBe(28800);
    expect(offsetIn('America/New_York', instant)).toBe(-18000);
    expect(offsetIn('America/New_York', 1719792000000000n)).toBe(-14400);
  });
});

describe('cells in the file', () => {
  it('writes NULL, (empty), and escapes what would break a row', () => {
    expect(cellText(null)).toBe('NULL');
    expect(cellText('')).toBe('(empty)');
    expect(cellText('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
    expect(rowText(['1', null, ''])).toBe('1\tNULL\t(empty)');
  });
});

describe('sideBySide', () => {
  it('aligns cells into columns and marks changed, missing and extra rows', () => {
    expect(sideBySide(['1\tFULL\tINIT', '2\tINC\tINIT', '3\tINC\tDOING'], ['1\tFULL\tINIT', '2\tINC\tDOING', '4\tFULL\tINIT', '5\tINC\tINIT'])).toBe(
      [
        '    expected         actual',
        '    1  FULL  INIT  | 1  FULL  INIT',
        '  ! 2  INC   INIT  ! 2  INC   DOING',
        '  ! 3  INC   DOING ! 4  FULL  INIT',
        '  >                > 5  INC   INIT',
      ].join('\n'),
    );
  });

  it('shows rows only expected', () => {
    expect(sideBySide(['a', 'b'], ['b'])).toBe(['    expected   actual', '  < a        <', '    b        | b'].join('\n'));
  });

  it('says so when both sides are empty', () => {
    expect(sideBySide([], [])).toBe('    expected    actual\n    (no rows)   (no rows)');
  });
});
