/**
 * mysql_native_password: the client sends SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw))); the server stores only the
 * stage-2 hash SHA1(SHA1(pw)) and checks the token against it without ever knowing the password.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function sha1(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** SHA1(SHA1(password)): what mysql.user stores (after the `*`, as hex upper-case). */
export function nativePasswordStage2(password: string): Buffer {
  return sha1(sha1(Buffer.from(password, 'utf8')));
}

/** The token a client computes for `password` against `scramble` (empty password: empty token). */
export function nativePasswordToken(password: string, scramble: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const mask = sha1(scramble, sha1(stage1));
  for (let i = 0; i < stage1.length; i++) stage1[i] = (stage1[i] as number) ^ (mask[i] as number);
  return stage1;
}

/**
 * True when `token` proves knowledge of the password whose stage-2 hash is `stage2`.
 * An empty stage-2 (no password set) accepts exactly the empty token.
 */
export function verifyNativePassword(token: Buffer, scramble: Buffer, stage2: Buffer): boolean {
  if (stage2.length === 0) return token.length === 0;
  if (token.length !== 20 || stage2.length !== 20) return false;
  const mask = sha1(scramble, stage2);
  const stage1 = Buffer.allocUnsafe(20);
  for (let i = 0; i < 20; i++) stage1[i] = (token[i] as number) ^ (mask[i] as number);
  return timingSafeEqual(sha1(stage1), stage2);
}
