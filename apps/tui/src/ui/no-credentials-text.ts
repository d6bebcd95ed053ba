import { CONFIGURE_CREDENTIALS } from '../cli/credentials-help.js';
import { wrapToWidth } from '../format/fit.js';

/** What the screen says on its first line, by what the configuration said. */
export interface NoCredentialsText {
  readonly title: string;
  /** The configuration's message (what the script commands print), wrapped to the width, never cut. */
  readonly lines: readonly string[];
}

/**
 * The no-credentials screen's text: the script commands' message (where it looked, how to
 * configure, any near-miss variable such as `MONGODB_ATLAS_CLIENTID`), wrapped to `width`. A
 * configuration problem (half a pair) is titled as such, not as missing credentials. The message's
 * `--demo` line is left out: the screen offers the demo on `d`.
 *
 * @example
 * noCredentialsText('Incomplete service account credentials: …', 78).title // 'Atlas credentials incomplete or misconfigured'
 */
export function noCredentialsText(reason: string | undefined, width: number): NoCredentialsText {
  const message = reason ?? `no Atlas credentials found.\n${CONFIGURE_CREDENTIALS}`;
  const missing = /^no Atlas credentials found/i.test(message);
  const kept = message.split('\n').filter((line) => !/^Run with --demo\b/.test(line));
  if (!message.includes(CONFIGURE_CREDENTIALS)) kept.push(CONFIGURE_CREDENTIALS);
  return {
    title: missing ? 'no Atlas credentials found' : 'Atlas credentials incomplete or misconfigured',
    lines: kept.flatMap((line) => wrapToWidth(line, width)),
  };
}
