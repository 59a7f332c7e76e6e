/** Names built from specifiers are checked after expansion, accepting every result a specifier can produce. */
import { describe, it, expect } from 'vitest';
import { outcome } from './helpers.js';
import { expandUnitNameSpecifiers } from '../../server/src/values/unitName.js';

describe('unit names with specifiers', () => {
  it('expands %n to a full unit name with its suffix', () => {
    expect(expandUnitNameSpecifiers('heartbeat-failed@%n', 'service')).toBe('heartbeat-failed@x.service');
    expect(expandUnitNameSpecifiers('%N-x.target', 'socket')).toBe('x-x.target');
    expect(expandUnitNameSpecifiers('a%%b', 'service')).toBe('a%b');
  });
  it.each([
    ['Unit.OnFailure', 'heartbeat-failed@%n', 'ok'],
    ['Unit.Wants', 'duply-%n', 'ok'],
    ['Unit.Wants', '%n', 'ok'],
    ['Unit.After', 'x%H.target', 'ok'],
    ['Unit.Wants', 'foo-%i', 'error'],
    ['Timer.Unit', 'backup@%n', 'ok'],
    ['Install.WantedBy', 'foo@%n', 'ok'],
  ] as const)('%s=%s is %s', (key, value, expected) => {
    expect(outcome(key, value)).toBe(expected);
  });
});

describe('environment names with specifiers', () => {
  it.each([
    ['Service.Environment', 'X%b=%U', 'ok'],
    ['Service.Environment', '%H=1', 'ok'],
    ['Service.Environment', '1%%=x', 'error'],
    ['Service.Environment', 'A-B=x', 'error'],
    ['Service.UnsetEnvironment', 'X%b=%U Y%H', 'ok'],
    ['Service.PassEnvironment', 'P%b', 'ok'],
    ['Service.PassEnvironment', 'P-%b', 'error'],
  ] as const)('%s=%s is %s', (key, value, expected) => {
    expect(outcome(key, value)).toBe(expected);
  });
});
