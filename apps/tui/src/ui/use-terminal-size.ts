import { useStdout } from 'ink';
import { useEffect } from 'react';

/** Calls `onResize(rows, columns)` whenever the terminal is resized (stdout 'resize'). */
export function useTerminalResize(onResize: (rows: number, columns: number) => void): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const handler = (): void => onResize(stdout.rows ?? 24, stdout.columns ?? 80);
    stdout.on('resize', handler);
    return () => {
      stdout.off('resize', handler);
    };
  }, [stdout, onResize]);
}

/** The terminal size now, with defaults when stdout is not a terminal. */
export function terminalSize(stdout: { rows?: number | undefined; columns?: number | undefined }): {
  rows: number;
  columns: number;
} {
  return { rows: stdout.rows ?? 24, columns: stdout.columns ?? 80 };
}
