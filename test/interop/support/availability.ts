/**
 * Whether a real client is installed. A missing client skips its test with a message, except in CI (CI=true),
 * where every client of the matrix must run (issue 5 "Must show"), so a missing one fails the suite instead.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** True when `command args…` runs and exits 0. */
export function probe(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides whether a client's tests run: returns true to skip. Throws in CI when the client is missing, so the
 * file fails rather than silently passing with nothing checked.
 */
export function skipUnless(available: boolean, client: string, packages: string): boolean {
  if (available) return false;
  if (process.env.CI === 'true') throw new Error(`${client} is required in CI (Debian packages: ${packages})`);
  console.warn(`skipping the ${client} interop test: not installed (Debian packages: ${packages})`);
  return true;
}

/** Debian's python3: PATH's python3 may be a pyenv shim that cannot import the Debian package. */
export function pythonWith(module: string): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    if (probe(python, ['-c', `import ${module}`])) return python;
  }
  return null;
}

export const CONNECTOR_J_JAR = '/usr/share/java/mariadb-java-client.jar';

export const haveConnectorJ = (): boolean => existsSync(CONNECTOR_J_JAR) && probe('java', ['-version']);

/** Debian's go-sql-driver source tree, built offline in GOPATH mode. */
export const GO_PATH = '/usr/share/gocode';

export const haveGoSqlDriver = (): boolean =>
  existsSync(`${GO_PATH}/src/github.com/go-sql-driver/mysql/driver.go`) && probe('go', ['version']);
