/** The wire layer's public surface: the server, the session port it talks to, and the password helper. */
export { createWireServer, DEFAULT_MAX_PACKET_BYTES, DEFAULT_SERVER_VERSION, FIRST_CONNECTION_ID } from './server.js';
export type { WireServer, WireServerOptions } from './server.js';
export type {
  ConnectionLink,
  LoginOutcome,
  LoginRequest,
  MaybePromise,
  OkResult,
  PreparedStatement,
  RowsResult,
  SessionHost,
  StatementResult,
  WireLogger,
  WireSession,
} from './session-port.js';
export { nativePasswordStage2, nativePasswordToken, verifyNativePassword } from './native-password.js';
export { cryptoRandom, seededRandom, type WireRandom } from './random.js';
export { OCEANBASE_CAPABILITIES, ServerStatus } from './protocol.js';
