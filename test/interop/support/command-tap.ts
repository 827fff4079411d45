/**
 * A TCP relay between a real client and the server that records the commands each client connection sends, so a
 * test can show which protocol path the client really took (COM_QUERY text versus COM_STMT_PREPARE / EXECUTE,
 * the CLI's COM_FIELD_LIST and COM_STATISTICS, the connect-time queries of wire.md §8) without touching the wire
 * layer. Bytes pass through unchanged in both directions.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** Command bytes of the client/server protocol that the interop clients send. */
const COMMAND_NAMES: Readonly<Record<number, string>> = {
  0x01: 'COM_QUIT',
  0x02: 'COM_INIT_DB',
  0x03: 'COM_QUERY',
  0x04: 'COM_FIELD_LIST',
  0x09: 'COM_STATISTICS',
  0x0e: 'COM_PING',
  0x11: 'COM_CHANGE_USER',
  0x16: 'COM_STMT_PREPARE',
  0x17: 'COM_STMT_EXECUTE',
  0x18: 'COM_STMT_SEND_LONG_DATA',
  0x19: 'COM_STMT_CLOSE',
  0x1a: 'COM_STMT_RESET',
  0x1b: 'COM_SET_OPTION',
  0x1f: 'COM_RESET_CONNECTION',
};

export interface TappedCommand {
  /** The client connection, numbered from 1 in order of arrival. */
  readonly connection: number;
  readonly command: string;
  /** The statement of COM_QUERY / COM_STMT_PREPARE, the argument of COM_INIT_DB / COM_FIELD_LIST, else ''. */
  readonly text: string;
}

export interface CommandTap {
  readonly port: number;
  commands(): readonly TappedCommand[];
  /** Names of the commands sent, in order, over all connections. */
  names(): readonly string[];
  /** The texts of COM_QUERY commands, in order. */
  queries(): readonly string[];
  close(): Promise<void>;
}

export async function startCommandTap(serverPort: number): Promise<CommandTap> {
  const recorded: TappedCommand[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((client) => {
    const connection = ++connections;
    const upstream = connect(serverPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    const parse = commandParser((command, text) => void recorded.push({ connection, command, text }));
    client.on('data', (chunk: Buffer) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the command tap has no TCP address');
  return {
    port: address.port,
    commands: () => [...recorded],
    names: () => recorded.map((c) => c.command),
    queries: () => recorded.filter((c) => c.command === 'COM_QUERY').map((c) => c.text),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Splits the client's byte stream into packets. A command starts a new exchange, so its packet has sequence id 0;
 * the handshake response and auth-switch replies never do. Continuations of a 16 MB packet are not commands.
 */
function commandParser(onCommand: (command: string, text: string) => void): (chunk: Buffer) => void {
  let pending = Buffer.alloc(0);
  let continuing = false;
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readUIntLE(0, 3);
      if (pending.length < 4 + length) break;
      const payload = pending.subarray(4, 4 + length);
      if (!continuing && pending[3] === 0 && length > 0) {
        const code = payload[0] as number;
        const named = COMMAND_NAMES[code] ?? `0x${code.toString(16).padStart(2, '0')}`;
        const hasText = code === 0x02 || code === 0x03 || code === 0x04 || code === 0x16;
        // COM_FIELD_LIST: table name NUL-terminated, then a wildcard.
        const text = hasText ? payload.subarray(1).toString('utf8').split('\0')[0] ?? '' : '';
        onCommand(named, text);
      }
      continuing = length === 0xffffff;
      pending = pending.subarray(4 + length);
    }
  };
}
