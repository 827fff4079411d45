/**
 * Control statements respect tenants (issue 18 item 6): from a user tenant, every control statement either acts on
 * that tenant only or is refused with 1227; the clock (ADVANCE TIME, SET CLOCK) is the cluster's and stays open.
 * Each statement is tried as root@mysql_tenant, and sys's and oracle_tenant's state must be as before.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/index.js';
import { redactSecrets } from '../../../src/session/redact.js';

/** Every control statement of the grammar, each naming another tenant where it can name one. */
const CROSS_TENANT = [
  'ALTER EMULATOR WRITE 3 MACROBLOCKS TENANT = oracle_tenant',
  'ALTER EMULATOR SET WRITE RATE 5 MB PER SECOND TENANT = oracle_tenant',
  'ALTER EMULATOR RESET',
  'ALTER EMULATOR INJECT FAULT BACKUP DEST TENANT = oracle_tenant ERROR = OB_IO_ERROR',
  'ALTER EMULATOR INJECT FAULT SERVER DOWN',
  "ALTER EMULATOR SAVE SNAPSHOT 'x'",
  "ALTER EMULATOR LOAD SNAPSHOT 'x'",
] as const;

const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));

describe('control statements from a user tenant', () => {
  it('cannot change another tenant or sys through any control statement', () => {
    const emu = createEmulator({ startTime: '2026-01-01T00:00:00Z' });
    const sys = emu.session();
    const faultId = emu.injectFault({ target: 'ARCHIVE DEST', tenant: 'oracle_tenant', error: 'OB_IO_ERROR' });
    const t1 = emu.session({ tenant: 'mysql_tenant' });
    const before = json(emu.inspect().state.tenants.filter((t) => t.name !== 'mysql_tenant'));
    for (const sql of CROSS_TENANT) expect(t1.execute(sql), sql).toMatchObject({ errno: 1227 });
    // Another tenant's fault is as unknown to it as a missing one; CLEAR FAULTS clears its own only.
    expect(t1.execute(`ALTER EMULATOR CLEAR FAULT ${faultId}`)).toMatchObject({ name: 'OB_ENTRY_NOT_EXIST' });
    expect(t1.execute('ALTER EMULATOR CLEAR FAULTS')).toEqual({ kind: 'ok' });
    expect(emu.inspect().state.faults.map((f) => f.faultId)).toEqual([faultId]);
    expect(json(emu.inspect().state.tenants.filter((t) => t.name !== 'mysql_tenant'))).toBe(before);
    // What it sees: itself in SHOW EMULATOR STATUS, no other tenant's fault.
    const status = t1.rows('SHOW EMULATOR STATUS');
    expect(json(status)).toContain('mysql_tenant');
    expect(json(status)).not.toContain('oracle_tenant');
    expect(t1.rows('SHOW EMULATOR FAULTS')).toMatchObject({ rows: [] });
    expect(json(sys.rows('SHOW EMULATOR STATUS'))).toContain('oracle_tenant');
    // Its own tenant and the cluster's clock stay its to use.
    expect(t1.execute('ALTER EMULATOR WRITE 3 MACROBLOCKS')).toMatchObject({ kind: 'ok' });
    expect(t1.execute('ALTER EMULATOR SET WRITE RATE 1 MB PER SECOND TENANT = mysql_tenant')).toEqual({ kind: 'ok' });
    expect(t1.execute('ALTER EMULATOR ADVANCE TIME 1 HOURS')).toEqual({ kind: 'ok' });
    expect(t1.execute('ALTER EMULATOR SET CLOCK MANUAL')).toEqual({ kind: 'ok' });
    expect(sys.execute('ALTER EMULATOR RESET')).toEqual({ kind: 'ok' });
  });
});

describe('trace redaction', () => {
  it('masks every password literal and a dest URI\'s access_key, and nothing else', () => {
    const cases: readonly (readonly [string, string])[] = [
      ["SET ENCRYPTION ON IDENTIFIED BY 'S3cret!' ONLY", "SET ENCRYPTION ON IDENTIFIED BY '******' ONLY"],
      ["SET DECRYPTION IDENTIFIED BY 'one', \"two\"", "SET DECRYPTION IDENTIFIED BY '******', '******'"],
      ["CREATE USER u IDENTIFIED BY 'pw''quoted'", "CREATE USER u IDENTIFIED BY '******'"],
      ["ALTER USER u IDENTIFIED BY PASSWORD '*ABC'", "ALTER USER u IDENTIFIED BY PASSWORD '******'"],
      ["SET PASSWORD = PASSWORD('x1')", "SET PASSWORD = PASSWORD('******')"],
      ["SET PASSWORD FOR 'u'@'%' = 'x2'", "SET PASSWORD FOR 'u'@'%' = '******'"],
      [
        "ALTER SYSTEM SET DATA_BACKUP_DEST = 'oss://b/p?host=h&access_id=AK&access_key=SK123'",
        "ALTER SYSTEM SET DATA_BACKUP_DEST = 'oss://b/p?host=h&access_id=AK&access_key=******'",
      ],
      ["SELECT 'IDENTIFIED BY' FROM dual ORDER BY 'x'", "SELECT 'IDENTIFIED BY' FROM dual ORDER BY 'x'"],
    ];
    for (const [sql, shown] of cases) expect(redactSecrets(sql)).toBe(shown);
  });
});
