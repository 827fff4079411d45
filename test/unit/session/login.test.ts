import { describe, expect, it } from 'vitest';
import { parseLoginName } from '../../../src/session/login.js';

describe('login names (emulator.md Clusters, wire.md §6)', () => {
  it.each([
    ['root', { user: 'root', tenant: 'sys', cluster: '' }],
    ['operator', { user: 'operator', tenant: 'sys', cluster: '' }],
    ['root@sys', { user: 'root', tenant: 'sys', cluster: '' }],
    ['root@mysql_tenant', { user: 'root', tenant: 'mysql_tenant', cluster: '' }],
    ['SYS@oracle_tenant', { user: 'SYS', tenant: 'oracle_tenant', cluster: '' }],
    ['root@t1#ci_worker_3', { user: 'root', tenant: 't1', cluster: 'ci_worker_3' }],
    ['ci_worker_3:t1:root', { user: 'root', tenant: 't1', cluster: 'ci_worker_3' }],
    ["'root'@t1", { user: 'root', tenant: 't1', cluster: '' }],
    ['@t1', { user: '', tenant: 't1', cluster: '' }],
    ['a@b@c', { user: 'a', tenant: 'b@c', cluster: '' }],
  ])('%s', (raw, expected) => {
    expect(parseLoginName(raw)).toEqual(expected);
  });

  it('an empty or over-long tenant part is refused', () => {
    expect(parseLoginName('root@')).toBeNull();
    expect(parseLoginName('root@#c')).toBeNull();
    expect(parseLoginName(`root@${'t'.repeat(65)}`)).toBeNull();
  });
});
