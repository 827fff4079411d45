/**
 * The one binary container of every file the emulator writes for state that lasts (README "Snapshot and data
 * directory formats"): snapshots (`.obsnap`), checkpoints and journals share its framing, so one reader refuses a
 * foreign, truncated, corrupted or newer file with one set of messages, before anything is changed.
 *
 *   bytes 0..7    magic, 8 ASCII bytes naming the kind (`OBSIMSNP` snapshot, `OBSIMCKP` checkpoint)
 *   bytes 8..11   format version, u32 little-endian (FORMAT_VERSION)
 *   bytes 12..15  header length H, u32 LE;  then H bytes of UTF-8 JSON (who wrote it, what it holds)
 *   next 8 bytes  payload length P, u64 LE; then P bytes: the payload, Node's `v8.serialize` of plain data
 *                 (V8's value-serializer format: bigints, typed arrays and their bytes stay binary)
 *   last 4 bytes  CRC-32 (zlib's) of every byte before it
 *
 * V8's value format is versioned by V8 itself and a newer Node reads what an older one wrote; the container's own
 * version says what the payload holds, and a reader refuses any version it does not know, naming both.
 */
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';

/** The container version this build writes and reads. */
export const FORMAT_VERSION = 1;

export type FileKind = 'snapshot' | 'checkpoint';
const MAGIC: Readonly<Record<FileKind, string>> = { snapshot: 'OBSIMSNP', checkpoint: 'OBSIMCKP' };

/** Why a file was refused: a sentence for an operator, without the file's name (the caller adds it). */
export class RefusedFile extends Error {}

export interface Decoded {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: unknown;
}

export function encodeContainer(kind: FileKind, header: Readonly<Record<string, unknown>>, payload: unknown): Buffer {
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const body = serialize(payload);
  const out = Buffer.allocUnsafe(16 + head.length + 8 + body.length + 4);
  out.write(MAGIC[kind], 0, 'latin1');
  out.writeUInt32LE(FORMAT_VERSION, 8);
  out.writeUInt32LE(head.length, 12);
  head.copy(out, 16);
  let at = 16 + head.length;
  out.writeBigUInt64LE(BigInt(body.length), at);
  at += 8;
  body.copy(out, at);
  at += body.length;
  out.writeUInt32LE(crc32(out.subarray(0, at)), at);
  return out;
}

/** The header and payload of a container of `kind`; throws RefusedFile saying what is wrong. */
export function decodeContainer(kind: FileKind, bytes: Uint8Array, writer: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = buf.subarray(0, 8).toString('latin1');
  if (buf.length < 8 && MAGIC[kind].startsWith(magic)) throw new RefusedFile(`truncated: ${buf.length} bytes, shorter than the ${kind} header`);
  if (magic !== MAGIC[kind]) {
    const other = (Object.keys(MAGIC) as FileKind[]).find((k) => MAGIC[k] === magic);
    throw new RefusedFile(other === undefined ? `not an ob-backup-sim ${kind} file (foreign content)` : `an ob-backup-sim ${other} file, not a ${kind}`);
  }
  if (buf.length < 16) throw new RefusedFile(`truncated: ${buf.length} bytes, shorter than the ${kind} header`);
  const version = buf.readUInt32LE(8);
  if (version !== FORMAT_VERSION) {
    throw new RefusedFile(`${kind} format version ${version}; this ${writer} reads format version ${FORMAT_VERSION} only`);
  }
  const headLength = buf.readUInt32LE(12);
  const payloadAt = 16 + headLength + 8;
  if (buf.length < payloadAt) throw new RefusedFile(`truncated: ${buf.length} bytes, the header alone needs ${payloadAt}`);
  const payloadLength = Number(buf.readBigUInt64LE(payloadAt - 8));
  const expected = payloadAt + payloadLength + 4;
  if (buf.length !== expected) {
    throw new RefusedFile(buf.length < expected ? `truncated: ${buf.length} of ${expected} bytes` : `corrupted: ${buf.length - expected} bytes after the end of the ${kind}`);
  }
  const crcAt = expected - 4;
  if (crc32(buf.subarray(0, crcAt)) !== buf.readUInt32LE(crcAt)) throw new RefusedFile('corrupted: checksum mismatch');
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(buf.subarray(16, 16 + headLength).toString('utf8'));
    payload = deserialize(buf.subarray(payloadAt, crcAt));
  } catch (e) {
    // The checksum matched, so this is a file written wrong, not damaged on the way.
    throw new RefusedFile(`corrupted: unreadable content (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null) throw new RefusedFile('corrupted: the header is not an object');
  return { header: header as Record<string, unknown>, payload };
}
