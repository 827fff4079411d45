import { describe, expect, it } from 'vitest';
import { parseServeOptions } from '../../../src/cli/options.js';

describe('serve options (emulator.md Command line)', () => {
  it('has the documented defaults', () => {
    const r = parseServeOptions([], {});
    expect(r).toEqual({
      ok: true,
      options: {
        host: '127.0.0.1',
        port: 2881,
        httpPort: 2880,
        tenants: null,
        clock: 'realtime',
        speed: 1,
        startTime: null,
        seed: 1,
        password: null,
        logLevel: 'info',
        trace: null,
        maxConnections: 2147483647,
        maxAllowedPacket: 16777216,
        connectTimeout: 10,
        netReadTimeout: 30,
        netWriteTimeout: 60,
        waitTimeout: 28800,
        snapshotDir: null,
        snapshot: null,
        dataDir: null,
      },
    });
  });

  it('reads OB_SIM_* variables, and a flag wins over the variable', () => {
    const r = parseServeOptions(['--port=0', '--clock', 'manual'], { OB_SIM_PORT: '3000', OB_SIM_START_TIME: '2024-01-31T03:20:59Z', OB_SIM_SEED: '7' });
    expect(r.ok && r.options.port).toBe(0);
    expect(r.ok && r.options.clock).toBe('manual');
    expect(r.ok && r.options.startTime).toBe('2024-01-31T03:20:59Z');
    expect(r.ok && r.options.seed).toBe(7);
  });

  it('--http-port: a port, 0, or off (null); OB_SIM_HTTP_PORT likewise', () => {
    const p = (argv: string[], env: Record<string, string> = {}) => {
      const r = parseServeOptions(argv, env);
      return r.ok ? r.options.httpPort : r.message;
    };
    expect(p(['--http-port', '0'])).toBe(0);
    expect(p(['--http-port=8080'])).toBe(8080);
    expect(p(['--http-port', 'off'])).toBe(null);
    expect(p([], { OB_SIM_HTTP_PORT: 'OFF' })).toBe(null);
    expect(p(['--http-port', '9000'], { OB_SIM_HTTP_PORT: 'off' })).toBe(9000);
    expect(p(['--http-port', '65536'])).toBe("invalid --http-port '65536' (a port, 0, or off)");
    expect(p(['--http-port', ''])).toBe("invalid --http-port '' (a port, 0, or off)");
  });

  it('reads the connection limits from flags and OB_SIM_* variables, fractions of seconds allowed', () => {
    const r = parseServeOptions(['--max-connections', '500', '--connect-timeout=0.5'], { OB_SIM_NET_READ_TIMEOUT: '2', OB_SIM_MAX_ALLOWED_PACKET: '1048576', OB_SIM_WAIT_TIMEOUT: '60' });
    expect(r.ok && [r.options.maxConnections, r.options.connectTimeout, r.options.netReadTimeout, r.options.maxAllowedPacket, r.options.waitTimeout]).toEqual([500, 0.5, 2, 1048576, 60]);
  });

  it('--tenant is repeatable and replaces the default tenants; OB_SIM_TENANT is a comma list', () => {
    const r = parseServeOptions(['--tenant', 't1', '--tenant=t2:oracle'], {});
    expect(r.ok && r.options.tenants).toEqual([{ name: 't1', mode: 'mysql' }, { name: 't2', mode: 'oracle' }]);
    const e = parseServeOptions([], { OB_SIM_TENANT: 'a, b:oracle' });
    expect(e.ok && e.options.tenants).toEqual([{ name: 'a', mode: 'mysql' }, { name: 'b', mode: 'oracle' }]);
  });

  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['--port'], "option '--port' needs a value"],
    [['--port', '70000'], "invalid --port '70000'"],
    [['--clock', 'fast'], "invalid --clock 'fast' (manual or realtime)"],
    [['--speed', '0'], "invalid --speed '0'"],
    [['--start-time', 'yesterday'], "invalid --start-time 'yesterday'"],
    [['--tenant', 't1:db2'], "invalid tenant mode in 't1:db2' (mysql or oracle)"],
    [['--tenant', 't1', '--tenant', 'T1'], "duplicate tenant name in 'T1'"],
    [['--tenant', 'sys'], "duplicate tenant name in 'sys'"],
    [['--max-connections', '0'], "invalid --max-connections '0'"],
    [['--max-connections', '1.5'], "invalid --max-connections '1.5'"],
    [['--max-allowed-packet', '100'], "invalid --max-allowed-packet '100'"],
    [['--connect-timeout', '0'], "invalid --connect-timeout '0'"],
    [['--net-read-timeout', '-1'], "invalid --net-read-timeout '-1'"],
  ])('rejects %j', (argv, message) => {
    expect(parseServeOptions(argv, {})).toEqual({ ok: false, message });
  });
});
