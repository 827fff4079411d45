/**
 * Where scrambles come from. Production uses node:crypto; tests inject a seeded generator so handshakes are
 * byte-identical run to run and can be golden-tested (spec/wire.md §2, "Determinism").
 */
import { randomFillSync } from 'node:crypto';

export interface WireRandom {
  /** Fills `target` with random bytes. */
  fill(target: Buffer): void;
}

export const cryptoRandom: WireRandom = {
  fill(target) {
    randomFillSync(target);
  },
};

/** A small deterministic generator (mulberry32) for tests and reproducible runs. */
export function seededRandom(seed: number): WireRandom {
  let state = seed >>> 0;
  return {
    fill(target) {
      for (let i = 0; i < target.length; i++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        target[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
      }
    },
  };
}

/**
 * A 20-byte scramble. MySQL servers send printable bytes without NUL (some clients treat the scramble as a C
 * string), so random bytes are folded into 0x21..0x7e.
 */
export function makeScramble(random: WireRandom): Buffer {
  const s = Buffer.allocUnsafe(20);
  random.fill(s);
  for (let i = 0; i < s.length; i++) s[i] = 0x21 + ((s[i] as number) % 94);
  return s;
}
