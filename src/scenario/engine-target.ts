/**
 * The in-process target: one embedded emulator (createEmulator) per fixture, manual clock, the file's seed and
 * start time. Values are rendered as the MySQL text protocol would send them (values.ts), with times in the
 * session's time zone read from the session itself.
 */
import { createEmulator, isObError, type ColumnDef, type Emulator, type EmulatorSession, type ResultSet, type StatementResult } from '../index.js';
import type { Cell, ClusterSetup, Login, Outcome, Target, TargetConnection } from './target.js';
import { textOf } from './values.js';

/** `onEmulator` sees the emulator the target runs on (the docs draw its end state). */
export function engineTarget(setup: ClusterSetup, onEmulator?: (emulator: Emulator) => void): Target {
  const emulator: Emulator = createEmulator({ clock: 'manual', seed: setup.seed, startTime: setup.startTime });
  onEmulator?.(emulator);
  return {
    mode: 'engine',
    connect: async (login: Login, cluster: string) => {
      let session: EmulatorSession;
      try {
        session = emulator.session({ tenant: login.tenant, user: login.user, cluster });
      } catch (e) {
        // createEmulator throws the login error with its own prefix; the client sees only OceanBase's text.
        const message = (e as Error).message.replace(/^cannot open a session as [^:]*: /, '');
        return { kind: 'error', name: 'OB_PASSWORD_WRONG', errno: 1045, sqlState: '42000', message };
      }
      return engineConnection(session);
    },
  };
}

function engineConnection(session: EmulatorSession): TargetConnection {
  return {
    run: async (sql) => outcomeOf(session, session.query(sql)),
    close: async () => undefined,
  };
}

/** The first error of a script, else its last result (what a client sees of a single statement). */
function outcomeOf(session: EmulatorSession, results: readonly StatementResult[]): Outcome {
  const error = results.find(isObError);
  if (error !== undefined) return { kind: 'error', name: error.name, errno: error.errno, sqlState: error.sqlState, message: error.message };
  const last = results[results.length - 1];
  if (last === undefined || last.kind !== 'rows' || last.resultSet.columns.length === 0) return { kind: 'ok' };
  const { columns } = last.resultSet;
  return { kind: 'rows', columns: columns.map((c) => c.name), types: columns.map((c) => typeLetter(c.type)).join(''), rows: renderRows(session, last.resultSet) };
}

function typeLetter(type: ColumnDef['type']): string {
  if (type.base === 'bigint' || type.base === 'int' || type.base === 'mediumint' || type.base === 'smallint' || type.base === 'tinyint') return 'I';
  return type.base === 'decimal' || type.base === 'double' || type.base === 'float' ? 'R' : 'T';
}

/** Times are shown in the session's zone, as the session itself reports it (the same offset the wire uses). */
function renderRows(session: EmulatorSession, rs: ResultSet): Cell[][] {
  const offsetAt = (utcMicros: bigint): number => session.utcOffsetSeconds(utcMicros);
  return rs.rows.map((row) => row.map((value, i) => textOf(value, rs.columns[i] as ResultSet['columns'][number], offsetAt)));
}
