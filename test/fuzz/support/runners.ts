/**
 * Runs fuzz inputs against a live server and checks each connection's fate: replies well framed, and exactly one
 * ending line in the server's log, the one the input calls for (an incident for hostile input, a quiet COM_QUIT
 * otherwise).
 */
import { PREPARED, type FuzzCommand } from './commands.js';
import { FUZZ_USER, type ConnectionScript } from './connection-scripts.js';
import type { EndingLedger } from './ending-ledger.js';
import { ProtocolViolation, readReply } from './replies.js';
import { command, greeted, loggedIn, type Greeted } from './wire-client.js';

const PING = command(0x0e);
const QUIT = command(0x01);

/** The packets for one input, with the PING that readReply expects around commands that have no reply. */
function withSync(c: FuzzCommand): Buffer[] {
  if (c.code === 0x18 || c.code === 0x19) return [c.packet, PING];
  if (c.code === 0x01) return [PING, c.packet];
  return [c.packet];
}

export interface Target {
  readonly port: number;
  readonly ledger: EndingLedger;
}

/** Logs in to the fuzz cluster and prepares the statements the executions aim at. */
async function fuzzConnection(t: Target): Promise<Greeted> {
  const g = await loggedIn(t.port, FUZZ_USER);
  for (const p of PREPARED) g.client.send(command(0x16, Buffer.from(p.sql)));
  for (const p of PREPARED) {
    const reply = await readReply(g.client, 0x16);
    if (reply.kind !== 'answered' || reply.errno !== null) throw new Error(`cannot prepare ${p.sql}: ${JSON.stringify(reply)}`);
  }
  return g;
}

async function expectEnding(t: Target, connectionId: number, want: 'incident' | 'quit', context: string): Promise<void> {
  const { ending, detail } = await t.ledger.take(connectionId);
  if (ending !== want) throw new ProtocolViolation(`${context}: connection ${connectionId} ended with ${ending} (${detail}), expected ${want}`);
}

/**
 * Sends a batch of commands, pipelined, to as few connections as it takes: when an input ends its connection, the
 * rest continue on a new one. Returns the number of inputs the server processed (all of them).
 */
export async function runBatch(t: Target, batch: readonly FuzzCommand[]): Promise<number> {
  let from = 0;
  while (from < batch.length) {
    const g = await fuzzConnection(t);
    const rest = batch.slice(from);
    g.client.send(Buffer.concat(rest.flatMap(withSync)));
    let ended: 'incident' | 'quit' | null = null;
    for (const c of rest) {
      from++;
      const reply = await readReply(g.client, c.code);
      if (reply.kind === 'answered') continue;
      ended = reply.kind === 'quit' ? 'quit' : 'incident';
      await expectEnding(t, g.connectionId, ended, `after ${c.label}`);
      break;
    }
    if (ended === null) {
      g.client.send(Buffer.concat([PING, QUIT]));
      // The last input may have been answered with the ERR that ends the connection: the PING before QUIT tells.
      const bye = await readReply(g.client, 0x01);
      if (bye.kind === 'answered') throw new ProtocolViolation(`COM_PING before COM_QUIT was answered with ERR ${bye.errno}`);
      await expectEnding(t, g.connectionId, bye.kind === 'quit' ? 'quit' : 'incident', `after ${batch[batch.length - 1]?.label ?? 'the batch'}`);
    }
    g.client.end();
  }
  return batch.length;
}

/**
 * Whether the server, framing the client's bytes by their length headers, reads the COM_QUIT sent after `writes` as
 * a packet of its own. A mutated length header can make an earlier packet swallow it (a login announcing five more
 * bytes than it holds takes the whole COM_QUIT as its tail), and then a plain disconnect is the right ending.
 */
function quitIsOwnPacket(writes: readonly Buffer[]): boolean {
  const sent = Buffer.concat(writes);
  let at = 0;
  while (at + 4 <= sent.length) at += 4 + sent.readUIntLE(at, 3);
  return at === sent.length;
}

/** Runs one connection-level input; the server must close, with the ending the script calls for. */
export async function runScript(t: Target, script: ConnectionScript): Promise<void> {
  const g = await greeted(t.port);
  const writes = script.writes(g.greeting);
  for (const w of writes) {
    g.client.send(w);
    // Separate data events on the server side, not one coalesced write.
    if (writes.length > 1) await new Promise((r) => setImmediate(r));
  }
  if (script.quit) g.client.send(command(0x01));
  g.client.end();
  await g.client.closedByServer();
  const packets = g.client.drain();
  const { ending, detail } = await t.ledger.take(g.connectionId);
  if (ending === 'disconnect' && script.quit && quitIsOwnPacket(writes)) throw new ProtocolViolation(`${script.label}: ended as a plain disconnect though COM_QUIT was sent`);
  if (script.expected !== 'any' && ending !== script.expected) {
    throw new ProtocolViolation(`${script.label}: connection ended with ${ending} (${detail}), expected ${script.expected}`);
  }
  const loginOk = packets.some((p) => p.payload[0] === 0x00 && (p.seq === 2 || p.seq === 4));
  if (ending !== 'incident' && !loginOk) throw new ProtocolViolation(`${script.label}: ended with ${ending} but never logged in`);
  if (script.answers > 0) {
    const answers = packets.filter((p) => p.payload.toString('latin1') === '\x0242').length;
    if (answers !== script.answers) throw new ProtocolViolation(`${script.label}: ${answers} answers of 42, expected ${script.answers}`);
  }
}
