import { createContext, useContext } from 'react';

/** Whether colours are on (off with `NO_COLOR` or `--no-color`). */
export const ColorContext = createContext(true);

/** Returns `{ color }` props when colours are on, else `{}` (Ink then draws plain text): `<Text {...color('red')}>`. */
export function useColor(): (color: string) => { color?: string } {
  const enabled = useContext(ColorContext);
  return (color) => (enabled ? { color } : {});
}

/**
 * Colours are on unless `NO_COLOR` is set (non-empty) or `--no-color` was passed.
 *
 * @example
 * colorEnabled(process.env, options.color !== false)
 */
export function colorEnabled(env: Record<string, string | undefined>, flag: boolean): boolean {
  return flag && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
}
