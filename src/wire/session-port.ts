/**
 * The session port the wire speaks to. It is defined by the session layer (src/session/port.ts), so the import
 * direction stays one way: the wire knows sessions, the session layer knows nothing of sockets.
 */
export type * from '../session/port.js';
