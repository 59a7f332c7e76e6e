/** The engine's local zone, found without paging in ICU's locale data when it is UTC. */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLocalZone, UTC_ZONE } from '../../server/src/values/calendarTime.js';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('defaultLocalZone', () => {
  it('is exact UTC arithmetic when the engine runs in UTC', () => {
    process.env.TZ = 'UTC';
    expect(defaultLocalZone()).toBe(UTC_ZONE);
  });
  it('follows TZ when it changes, and names a zone at offset 0 that is not UTC by its own name', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(defaultLocalZone().name).toBe('Europe/Berlin');
    expect(defaultLocalZone().tzname(1_767_225_600)).toEqual(['CET', 'CEST']);
    process.env.TZ = 'Africa/Abidjan';
    expect(defaultLocalZone().name).toBe('Africa/Abidjan');
    expect(defaultLocalZone().tzname(1_767_225_600)[0]).toBe('GMT');
    process.env.TZ = 'UTC';
    expect(defaultLocalZone()).toBe(UTC_ZONE);
  });
});
