/**
 * MySQL protocol constants the wire layer uses: capability and status bits, command bytes, column type codes and
 * column flags (spec/wire.md §3). Values are the protocol's; names follow MySQL's headers.
 */

export const Capability = {
  LONG_PASSWORD: 0x0000_0001,
  FOUND_ROWS: 0x0000_0002,
  LONG_FLAG: 0x0000_0004,
  CONNECT_WITH_DB: 0x0000_0008,
  COMPRESS: 0x0000_0020,
  PROTOCOL_41: 0x0000_0200,
  SSL: 0x0000_0800,
  TRANSACTIONS: 0x0000_2000,
  SECURE_CONNECTION: 0x0000_8000,
  MULTI_STATEMENTS: 0x0001_0000,
  MULTI_RESULTS: 0x0002_0000,
  PLUGIN_AUTH: 0x0008_0000,
  CONNECT_ATTRS: 0x0010_0000,
  PLUGIN_AUTH_LENENC_CLIENT_DATA: 0x0020_0000,
  SESSION_TRACK: 0x0080_0000,
  DEPRECATE_EOF: 0x0100_0000,
} as const;

/** OceanBase 4.2's greeting word with SSL off (ompk_handshake.cpp: lower 0xF7DF, upper 0x309C). */
export const OCEANBASE_CAPABILITIES = 0x309c_f7df;

export const ServerStatus = {
  IN_TRANS: 0x0001,
  AUTOCOMMIT: 0x0002,
  /** OceanBase Connector/J reads this bit as Oracle mode: the wire never sends it (spec/wire.md §3). */
  ORACLE_MODE_BIT: 0x0004,
  MORE_RESULTS_EXISTS: 0x0008,
} as const;

export const Command = {
  SLEEP: 0x00,
  QUIT: 0x01,
  INIT_DB: 0x02,
  QUERY: 0x03,
  FIELD_LIST: 0x04,
  STATISTICS: 0x09,
  PROCESS_KILL: 0x0c,
  PING: 0x0e,
  CHANGE_USER: 0x11,
  STMT_PREPARE: 0x16,
  STMT_EXECUTE: 0x17,
  STMT_SEND_LONG_DATA: 0x18,
  STMT_CLOSE: 0x19,
  STMT_RESET: 0x1a,
  SET_OPTION: 0x1b,
  RESET_CONNECTION: 0x1f,
} as const;

/** Column and parameter type codes (MYSQL_TYPE_*). */
export const FieldType = {
  DECIMAL: 0x00,
  TINY: 0x01,
  SHORT: 0x02,
  LONG: 0x03,
  FLOAT: 0x04,
  DOUBLE: 0x05,
  NULL: 0x06,
  TIMESTAMP: 0x07,
  LONGLONG: 0x08,
  INT24: 0x09,
  DATE: 0x0a,
  TIME: 0x0b,
  DATETIME: 0x0c,
  YEAR: 0x0d,
  NEWDATE: 0x0e,
  VARCHAR: 0x0f,
  BIT: 0x10,
  JSON: 0xf5,
  NEWDECIMAL: 0xf6,
  ENUM: 0xf7,
  SET: 0xf8,
  TINY_BLOB: 0xf9,
  MEDIUM_BLOB: 0xfa,
  LONG_BLOB: 0xfb,
  BLOB: 0xfc,
  VAR_STRING: 0xfd,
  STRING: 0xfe,
  GEOMETRY: 0xff,
} as const;

export const ColumnFlag = {
  NOT_NULL: 0x0001,
  BLOB: 0x0010,
  UNSIGNED: 0x0020,
  BINARY: 0x0080,
  NUM: 0x8000,
} as const;

/** Collation ids: utf8mb4_bin for text (OceanBase's default), binary for numbers and temporals. */
export const Charset = { UTF8MB4_BIN: 46, BINARY: 63 } as const;

/** The largest payload one packet carries; a payload this long or longer continues in the next packet. */
export const MAX_PACKET_PAYLOAD = 0xff_ffff;

export const NATIVE_PASSWORD_PLUGIN = 'mysql_native_password';
