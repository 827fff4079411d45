/**
 * A readable side-by-side view of expected and actual rows: cells aligned into columns (tabs would not line up),
 * rows paired by a longest-common-subsequence alignment, and a marker column — ' ' same, '!' changed,
 * '<' only expected, '>' only actual.
 */

type Pair = { readonly mark: ' ' | '!' | '<' | '>'; readonly expected: string | null; readonly actual: string | null };

/** Pairs the two lists of lines: equal lines line up, the rest pair off as changes or stand alone. */
function align(expected: readonly string[], actual: readonly string[]): Pair[] {
  const n = expected.length;
  const m = actual.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = expected[i] === actual[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: Pair[] = [];
  let pendingE: string[] = [];
  let pendingA: string[] = [];
  const flush = (): void => {
    const k = Math.max(pendingE.length, pendingA.length);
    for (let x = 0; x < k; x++) {
      const e = pendingE[x] ?? null;
      const a = pendingA[x] ?? null;
      pairs.push({ mark: e !== null && a !== null ? '!' : e !== null ? '<' : '>', expected: e, actual: a });
    }
    pendingE = [];
    pendingA = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      flush();
      pairs.push({ mark: ' ', expected: expected[i] as string, actual: actual[j] as string });
      i++;
      j++;
    } else if (j >= m || (i < n && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      pendingE.push(expected[i++] as string);
    } else {
      pendingA.push(actual[j++] as string);
    }
  }
  flush();
  return pairs;
}

/** Cells of every line padded to common column widths, so both sides read as tables. */
function tabulate(lines: readonly string[]): Map<string, string> {
  const widths: number[] = [];
  for (const line of lines) line.split('\t').forEach((cell, k) => (widths[k] = Math.max(widths[k] ?? 0, cell.length)));
  const out = new Map<string, string>();
  for (const line of lines) {
    const cells = line.split('\t');
    out.set(line, cells.map((cell, k) => (k === cells.length - 1 ? cell : cell.padEnd(widths[k] ?? 0))).join('  '));
  }
  return out;
}

export function sideBySide(expected: readonly string[], actual: readonly string[]): string {
  const shown = tabulate([...expected, ...actual]);
  const pairs = align(expected, actual);
  const left = pairs.map((p) => (p.expected === null ? '' : (shown.get(p.expected) ?? p.expected)));
  const width = Math.max('expected'.length, pairs.length === 0 ? '(no rows)'.length : 0, ...left.map((l) => l.length));
  const lines = [`    ${'expected'.padEnd(width)}   actual`];
  if (pairs.length === 0) lines.push(`    ${'(no rows)'.padEnd(width)}   (no rows)`);
  pairs.forEach((p, k) => {
    const right = p.actual === null ? '' : (shown.get(p.actual) ?? p.actual);
    lines.push(`  ${p.mark} ${(left[k] as string).padEnd(width)} ${p.mark === ' ' ? '|' : p.mark} ${right}`.trimEnd());
  });
  return lines.join('\n');
}
