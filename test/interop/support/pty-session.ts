/**
 * Drives an interactive program through a pseudo-terminal made by util-linux `script` (the mariadb CLI only shows
 * its banner, sends `select @@version_comment limit 1` and reads its prompt when it runs on a TTY), expect-style:
 * send a line, wait for a pattern in what the terminal shows.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export class PtySession {
  readonly #child: ChildProcessWithoutNullStreams;
  #screen = '';
  #exit: Promise<number | null>;
  /** Where the next `expect` starts looking: each answer is matched only after the command that asked for it. */
  #cursor = 0;

  constructor(commandLine: string, env: Readonly<Record<string, string>> = {}) {
    // -q: no "Script started" lines; -f: flush at once; -e: exit with the child's status; log to /dev/null.
    this.#child = spawn('script', ['-qfec', commandLine, '/dev/null'], {
      env: { ...process.env, TERM: 'dumb', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const collect = (d: Buffer): void => void (this.#screen += d.toString('utf8').replace(/\r\n/g, '\n'));
    this.#child.stdout.on('data', collect);
    this.#child.stderr.on('data', collect);
    this.#exit = new Promise((resolve) => this.#child.on('close', (code) => resolve(code)));
  }

  /** Everything the terminal showed so far, with CRLF as LF. */
  get screen(): string {
    return this.#screen;
  }

  /** Waits until the text after the last match contains `pattern`; returns that stretch of text. */
  async expect(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.#screen.slice(this.#cursor);
      const m = pattern.exec(rest);
      if (m) {
        this.#cursor += m.index + m[0].length;
        return rest.slice(0, m.index + m[0].length);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the terminal shows:\n${this.#screen}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  send(line: string): void {
    this.#child.stdin.write(`${line}\n`);
  }

  /** The exit status once the program ends (killing it after the time limit). */
  async exited(timeoutMs = 10_000): Promise<number | null> {
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.#exit;
    } finally {
      clearTimeout(timer);
    }
  }
}
