/**
 * The server every interop test talks to: the real stack (`startServer`) with a manual clock, a fixed start time
 * and seed, so the scenario prints the same text through every client, and a logger that records every warning
 * (an incident) so each test can assert the server saw nothing wrong.
 */
import { startServer } from '../../../src/index.js';

/** Virtual start of every cluster: the scenario's timestamps are read against it. */
export const START_TIME = '2024-05-01T00:00:00.000Z';
export const SEED = 42;

export interface InteropServer {
  readonly host: string;
  readonly port: number;
  /** Warnings the server logged, one line each (`event {fields}`). */
  warnings(): readonly string[];
  close(): Promise<void>;
}

/** `password`: strict authentication, for clients that refuse an empty password (Adminer). */
export async function startInteropServer(options: { readonly password?: string } = {}): Promise<InteropServer> {
  const warnings: string[] = [];
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    clock: 'manual',
    startTime: START_TIME,
    seed: SEED,
    ...(options.password === undefined ? {} : { password: options.password }),
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (event, fields) => void warnings.push(`${event} ${JSON.stringify(fields)}`),
    },
  });
  return { host: server.host, port: server.port, warnings: () => [...warnings], close: () => server.close() };
}
