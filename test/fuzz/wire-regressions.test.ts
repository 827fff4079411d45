/**
 * Regressions the wire fuzzing found, each replayed against a live server with the input that exposed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.js';
import { EndingLedger } from './support/ending-ledger.js';
import { readReply } from './support/replies.js';
import { frame, handshakeResponse, scrambleOf } from '../unit/wire/server-harness.js';
import { command, greeted, loggedIn } from './support/wire-client.js';

let server: RunningServer;
const ledger = new EndingLedger();

beforeAll(async () => {
  server = await startServer({ port: 0, clock: 'manual', startTime: '2024-01-31T03:20:59Z', seed: 1, logger: ledger });
});
afterAll(async () => {
  await server?.close();
});

const list = (n: number, item: string): string => Array.from({ length: n }, () => item).join(',');

describe('COM_STMT_PREPARE beyond the 2-byte counts of PREPARE_OK', () => {
  // Found by the fuzzer's prepare inputs: writing 70,000 into PREPARE_OK's u16 threw a RangeError, so the
  // connection ended with "internal error" (4016). OceanBase refuses such a statement with 1390 and carries on.
  it.each([
    ['placeholders', `SELECT ${list(65_536, '?')}`],
    ['columns', `SELECT ${list(65_536, '1')}`],
  ])('answers 65,536 %s with ERR 1390 and keeps the connection', async (_what, sql) => {
    const g = await loggedIn(server.port, 'root@mysql_tenant#regressions');
    g.client.send(command(0x16, Buffer.from(sql)));
    const first = await g.client.next();
    expect(first?.payload[0]).toBe(0xff);
    expect(first?.payload.readUInt16LE(1)).toBe(1390);
    expect(first?.payload.subarray(3).toString()).toBe('#54000Prepared statement contains too many placeholders');
    g.client.send(command(0x16, Buffer.from('SELECT ? + 1')));
    expect(await readReply(g.client, 0x16)).toEqual({ kind: 'answered', errno: null });
    g.client.send(Buffer.concat([command(0x0e), command(0x01)]));
    expect(await readReply(g.client, 0x01)).toEqual({ kind: 'quit' });
    expect((await ledger.take(g.connectionId)).ending).toBe('quit');
  });

  it('still prepares 65,535 placeholders, the most the protocol carries', async () => {
    const g = await loggedIn(server.port, 'root@mysql_tenant#regressions');
    g.client.send(command(0x16, Buffer.from(`SELECT ${list(65_535, '?')}`)));
    const ok = await g.client.next();
    expect(ok?.payload[0]).toBe(0x00);
    expect(ok?.payload.readUInt16LE(7)).toBe(65_535);
    g.client.end();
    expect((await ledger.take(g.connectionId)).ending).toBe('disconnect');
  });
});

describe('a login whose length header swallows the COM_QUIT after it', () => {
  // Found by the soak fuzz run (FC_SEED=20261122, counterexample `mutated login [flip at 0, mask 15]`): the
  // flipped length announced five bytes more than the login held, so the server read the COM_QUIT that followed
  // as the login's tail. The oracle blamed the server for a plain disconnect "though COM_QUIT was sent"; the
  // server never received a COM_QUIT, and the oracle now frames the client's bytes as the server does.
  it('takes the five bytes as part of the login and logs a plain disconnect, not a quit', async () => {
    const g = await greeted(server.port);
    const login = frame(1, handshakeResponse(scrambleOf(g.greeting), { user: 'root@mysql_tenant#regressions', db: 'oceanbase' }));
    const quit = command(0x01);
    login.writeUIntLE(login.readUIntLE(0, 3) + quit.length, 0, 3);
    g.client.send(Buffer.concat([login, quit]));
    g.client.end();
    await g.client.closedByServer();
    const replies = g.client.drain();
    expect(replies.map((p) => [p.seq, p.payload[0]])).toEqual([[2, 0x00]]);
    expect((await ledger.take(g.connectionId)).ending).toBe('disconnect');
  });
});
