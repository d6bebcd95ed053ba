import { describe, expect, it } from 'vitest';
import { fitWhen, formatLocalTime, formatWhen, relativeAge } from './time.js';

describe('time formatting', () => {
  it('shows local wall-clock time', () => {
    const iso = '2024-05-04T09:42:07Z';
    const d = new Date(iso);
    const expected = `${d.getFullYear()}-05-0${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:07`;
    expect(formatLocalTime(iso)).toBe(expected);
  });

  it('returns empty text for missing or invalid dates', () => {
    expect(formatLocalTime(undefined)).toBe('');
    expect(formatLocalTime('nope')).toBe('');
    expect(relativeAge('nope', 0)).toBe('');
    expect(formatWhen(undefined, 0)).toBe('');
  });

  it('uses the largest whole unit, past and future', () => {
    const now = Date.parse('2024-05-04T12:00:00Z');
    expect(relativeAge('2024-05-04T09:00:00Z', now)).toBe('3h ago');
    expect(relativeAge('2024-05-04T11:59:30Z', now)).toBe('30s ago');
    expect(relativeAge('2024-05-01T12:00:00Z', now)).toBe('3d ago');
    expect(relativeAge('2022-05-01T12:00:00Z', now)).toBe('2y ago');
    expect(relativeAge('2024-05-04T12:05:00Z', now)).toBe('in 5m');
    expect(relativeAge('2024-05-04T12:00:00Z', now)).toBe('just now');
  });

  it('combines local time and age', () => {
    const now = Date.parse('2024-05-04T12:00:00Z');
    expect(formatWhen('2024-05-04T11:00:00Z', now)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(1h ago\)$/);
  });

  it('fits a time to a width in whole parts, age first when short, never mid-second', () => {
    const iso = '2024-05-04T09:42:07Z';
    const now = Date.parse('2024-05-04T12:42:07Z');
    const [date, time] = formatLocalTime(iso).split(' ');
    expect(fitWhen(iso, now, 40)).toBe(`${date} ${time} (3h ago)`);
    expect(fitWhen(iso, now, 27)).toBe(`3h ago ${date} ${time}`);
    expect(fitWhen(iso, now, 20)).toBe(`3h ago ${date}`);
    expect(fitWhen(iso, now, 10)).toBe('3h ago');
    expect(fitWhen(iso, now, 4)).toBe('…');
    expect(fitWhen(undefined, now, 10)).toBe('');
    // keepTime (checkpoints, minutes apart): the whole time before the age
    expect(fitWhen(iso, now, 20, true)).toBe(`${date} ${time}`);
    expect(fitWhen(iso, now, 18, true)).toBe(`3h ago ${date}`);
  });
});
