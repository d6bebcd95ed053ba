const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An ISO date-time as local wall-clock time, `YYYY-MM-DD HH:mm:ss`; '' for missing or invalid input.
 *
 * @example
 * formatLocalTime('2024-05-04T09:42:00Z') // '2024-05-04 11:42:00' in Europe/Paris
 */
export function formatLocalTime(iso: string | undefined): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
];

/**
 * How long ago (or ahead) `iso` is from `now`, in the largest whole unit: `3h ago`, `in 5m`, `just now`.
 *
 * @example
 * relativeAge('2024-05-04T09:00:00Z', Date.parse('2024-05-04T12:00:00Z')) // '3h ago'
 */
export function relativeAge(iso: string | undefined, now: number): string {
  if (iso === undefined) return '';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = now - then;
  const abs = Math.abs(diff);
  if (abs < 1000) return 'just now';
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      return diff >= 0 ? `${n}${unit} ago` : `in ${n}${unit}`;
    }
  }
  return 'just now';
}

/**
 * Local time followed by the relative age: `2024-05-04 11:42:00 (3h ago)`.
 *
 * @example
 * formatWhen(checkpoint.timestamp, Date.now())
 */
export function formatWhen(iso: string | undefined, now: number): string {
  const local = formatLocalTime(iso);
  return local === '' ? '' : `${local} (${relativeAge(iso, now)})`;
}

/**
 * A time fitted to `width` cells without cutting a field: `local (age)` when it fits, else the
 * relative age first and then as much of the local time as fits in whole parts (`3h ago 2024-05-04`,
 * `3h ago`), else `…`; never `15:44:4…`. `keepTime`: the whole local time without the age comes
 * before the age with the date alone (for rows minutes apart).
 *
 * @example
 * fitWhen('2024-05-04T09:00:00Z', Date.parse('2024-05-04T12:00:00Z'), 20) // '3h ago 2024-05-04' (UTC)
 * fitWhen('2024-05-04T09:00:00Z', Date.parse('2024-05-04T12:00:00Z'), 20, true) // '2024-05-04 09:00:00' (UTC)
 */
export function fitWhen(iso: string | undefined, now: number, width: number, keepTime = false): string {
  const full = formatWhen(iso, now);
  if (full.length <= width) return full;
  const [date = '', time = ''] = formatLocalTime(iso).split(' ');
  const age = relativeAge(iso, now);
  const exact = keepTime ? [`${date} ${time}`] : [];
  for (const candidate of [`${age} ${date} ${time}`, ...exact, `${age} ${date}`, age])
    if (candidate.length <= width) return candidate;
  return width > 0 ? '…' : '';
}
