/**
 * The well-behaved client of the fuzz run: a mysql2 connection in its own cluster that keeps querying, text and
 * prepared, and checks every answer, while the fuzzer attacks the server from other connections.
 */
import mysql from 'mysql2/promise';
import type { EndingLedger } from './ending-ledger.js';

const CHECKS: readonly { readonly run: (c: mysql.Connection) => Promise<unknown>; readonly want: readonly (readonly string[])[] }[] = [
  { run: (c) => c.query({ sql: 'SELECT 6 * 7 AS answer', rowsAsArray: true }), want: [['42']] },
  { run: (c) => c.execute({ sql: 'SELECT ? + 1', rowsAsArray: true }, [41]), want: [['42']] },
  { run: (c) => c.query({ sql: 'SELECT count(*) FROM DBA_OB_BACKUP_JOBS', rowsAsArray: true }), want: [['0']] },
  { run: (c) => c.query({ sql: 'SELECT ob_version()', rowsAsArray: true }), want: [['4.2.5.0']] },
];

export class SteadyClient {
  private stopping = false;
  private queries = 0;
  private loop: Promise<unknown> = Promise.resolve();
  private failure: unknown = null;

  private constructor(
    private readonly connection: mysql.Connection,
    private readonly ledger: EndingLedger,
  ) {}

  static async start(port: number, ledger: EndingLedger): Promise<SteadyClient> {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root@mysql_tenant#steady', password: 'any', database: 'oceanbase', supportBigNumbers: true, bigNumberStrings: true });
    const client = new SteadyClient(connection, ledger);
    client.loop = client.run().catch((err: unknown) => {
      client.failure = err;
    });
    return client;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const check = CHECKS[this.queries % CHECKS.length]!;
      const [rows] = (await check.run(this.connection)) as [unknown[][]];
      const got = rows.map((r) => r.map((v) => (v === null ? null : String(v))));
      if (JSON.stringify(got) !== JSON.stringify(check.want)) throw new Error(`steady client got ${JSON.stringify(got)}, expected ${JSON.stringify(check.want)}`);
      this.queries++;
    }
  }

  /** Stops the loop (rethrowing its failure), quits, and checks the quit was the connection's only log line. */
  async stop(): Promise<number> {
    this.stopping = true;
    await this.loop;
    if (this.failure !== null) throw this.failure;
    const id = this.connection.threadId;
    await this.connection.end();
    const { ending, detail } = await this.ledger.take(id);
    if (ending !== 'quit') throw new Error(`the steady client's connection ended with ${ending} (${detail})`);
    return this.queries;
  }
}
