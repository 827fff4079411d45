/**
 * The one seeded random source of the engine: sfc32 over four 32-bit words kept IN the cluster state, so that a
 * structuredClone of the state also clones the random stream, and the same seed gives the same run.
 */

/** Four unsigned 32-bit words. Plain data so that the state stays structuredClone-able. */
export type RngState = [number, number, number, number];

/** Seeds the generator; a few rounds are drawn and thrown away so that nearby seeds diverge. */
export function seedRng(seed: number): RngState {
  const s: RngState = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
  for (let i = 0; i < 15; i++) nextU32(s);
  return s;
}

/** The next unsigned 32-bit value; advances `s` in place. */
export function nextU32(s: RngState): number {
  let [a, b, c, d] = s;
  a >>>= 0;
  b >>>= 0;
  c >>>= 0;
  d >>>= 0;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  s[0] = a >>> 0;
  s[1] = b;
  s[2] = c;
  s[3] = d;
  return t;
}

/** A uniform integer in [lo, hi] (inclusive). */
export function nextInt(s: RngState, lo: number, hi: number): number {
  const span = hi - lo + 1;
  return lo + Math.floor((nextU32(s) / 0x1_0000_0000) * span);
}

/** A uniform float in [0, 1). */
export function nextFloat(s: RngState): number {
  return nextU32(s) / 0x1_0000_0000;
}

/** A lower-case hex string of `n` digits (trace ids). */
export function nextHex(s: RngState, n: number): string {
  let out = '';
  while (out.length < n) out += nextU32(s).toString(16).padStart(8, '0');
  return out.slice(0, n).toUpperCase();
}
