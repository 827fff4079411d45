/**
 * The connection phase: the HandshakeV10 greeting in OceanBase's profile (spec/wire.md §3), HandshakeResponse41 and
 * COM_CHANGE_USER parsing, and the AuthSwitchRequest that moves caching_sha2_password clients to native passwords.
 */
import { MalformedPacketError, PacketReader } from './packet-reader.js';
import type { PacketWriter } from './packet-writer.js';
import { Capability, Charset, NATIVE_PASSWORD_PLUGIN } from './protocol.js';

export interface Greeting {
  readonly serverVersion: string;
  readonly connectionId: number;
  readonly scramble: Buffer;
  readonly capabilities: number;
}

/** HandshakeV10: protocol 10, version, connection id, scramble in two parts, capabilities, charset 46, status 0. */
export function writeHandshake(w: PacketWriter, g: Greeting): void {
  w.begin()
    .u8(10)
    .strz(g.serverVersion)
    .u32(g.connectionId)
    .bytes(g.scramble.subarray(0, 8))
    .u8(0)
    .u16(g.capabilities & 0xffff)
    .u8(Charset.UTF8MB4_BIN)
    .u16(0)
    .u16(g.capabilities >>> 16)
    .u8(g.scramble.length + 1)
    .zeros(10)
    .bytes(g.scramble.subarray(8))
    .u8(0)
    .strz(NATIVE_PASSWORD_PLUGIN)
    .end();
}

/** AuthSwitchRequest: 0xFE, plugin name, plugin data (the scramble plus its NUL). */
export function writeAuthSwitch(w: PacketWriter, scramble: Buffer): void {
  w.begin().u8(0xfe).strz(NATIVE_PASSWORD_PLUGIN).bytes(scramble).u8(0).end();
}

export interface HandshakeResponse {
  readonly capabilities: number;
  readonly maxPacket: number;
  readonly charset: number;
  readonly user: string;
  readonly authResponse: Buffer;
  readonly database: string | null;
  /** Empty when the client named none. */
  readonly plugin: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/** The SSLRequest a client sends before TLS: a response cut short after the 32-byte fixed part. */
export function isSslRequest(payload: Buffer): boolean {
  return payload.length === 32 && (payload.readUInt32LE(0) & Capability.SSL) !== 0;
}

export function parseHandshakeResponse(payload: Buffer): HandshakeResponse {
  const r = new PacketReader(payload);
  const capabilities = r.u32();
  if ((capabilities & Capability.PROTOCOL_41) === 0) throw new MalformedPacketError('client does not speak protocol 4.1');
  const maxPacket = r.u32();
  const charset = r.u8();
  r.skip(23);
  const user = r.strz();
  const authResponse = readAuthData(r, capabilities);
  const database = capabilities & Capability.CONNECT_WITH_DB && r.remaining > 0 ? r.strz(true) : '';
  const plugin = capabilities & Capability.PLUGIN_AUTH && r.remaining > 0 ? r.strz(true) : '';
  const attributes = capabilities & Capability.CONNECT_ATTRS && r.remaining > 0 ? readAttributes(r) : new Map<string, string>();
  return { capabilities, maxPacket, charset, user, authResponse, database: database === '' ? null : database, plugin, attributes };
}

export interface ChangeUserRequest {
  readonly user: string;
  readonly authResponse: Buffer;
  readonly database: string | null;
  readonly charset: number | null;
  readonly plugin: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/** COM_CHANGE_USER after its command byte, read with the capabilities negotiated at connect. */
export function parseChangeUser(r: PacketReader, capabilities: number): ChangeUserRequest {
  const user = r.strz();
  const authResponse = capabilities & Capability.SECURE_CONNECTION ? r.bytes(r.u8()) : Buffer.from(r.strz(), 'utf8');
  const database = r.remaining > 0 ? r.strz(true) : '';
  const charset = r.remaining >= 2 ? r.u16() : null;
  const plugin = capabilities & Capability.PLUGIN_AUTH && r.remaining > 0 ? r.strz(true) : '';
  const attributes = capabilities & Capability.CONNECT_ATTRS && r.remaining > 0 ? readAttributes(r) : new Map<string, string>();
  return { user, authResponse, database: database === '' ? null : database, charset, plugin, attributes };
}

function readAuthData(r: PacketReader, capabilities: number): Buffer {
  if (capabilities & Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA) return r.lenencBytes();
  if (capabilities & Capability.SECURE_CONNECTION) return r.bytes(r.u8());
  return Buffer.from(r.strz(), 'utf8');
}

function readAttributes(r: PacketReader): Map<string, string> {
  const total = r.lenenc();
  const end = r.pos + total;
  if (end > r.buf.length) throw new MalformedPacketError('connection attributes run past the packet');
  const attributes = new Map<string, string>();
  while (r.pos < end) {
    const key = r.lenencStr();
    attributes.set(key, r.lenencStr());
  }
  if (r.pos !== end) throw new MalformedPacketError('connection attributes overrun their length');
  return attributes;
}
