/** How the README test treats one command. */
type Mode = { kind: 'run' } | { kind: 'server' } | { kind: 'terminal' } | { kind: 'skip'; reason: string };

/** One shell command from a fenced `sh` block. */
export interface ReadmeCommand {
  command: string;
  /** 1-based line of the command in the README. */
  line: number;
  mode: Mode;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const DIRECTIVE = /^<!--\s*readme-test:\s*(.*?)\s*-->$/;
const SHELLS = new Set(['sh', 'bash', 'shell', 'console']);

/** Parses `skip (reason)`, `server` or `terminal`; anything else is an error, so a typo cannot silently skip. */
function parseDirective(text: string, line: number): Mode {
  const skip = /^skip\s*\((.+)\)$/.exec(text);
  if (skip?.[1] !== undefined) return { kind: 'skip', reason: skip[1].trim() };
  if (text === 'server') return { kind: 'server' };
  if (text === 'terminal') return { kind: 'terminal' };
  throw new Error(`README line ${line}: unknown readme-test directive "${text}" (use "skip (reason)", "server" or "terminal")`);
}

/**
 * Every command in the README's fenced `sh`/`bash`/`shell` blocks, in order. An HTML comment
 * `<!-- readme-test: skip (reason) -->`, `<!-- readme-test: server -->` or `<!-- readme-test: terminal -->`
 * (an interactive command: run in a real terminal) on the lines just before a block applies to every command in it. Lines ending in `\` continue; `#` comments and blank lines
 * are dropped; a leading `$ ` prompt is removed.
 *
 * @example
 * extractCommands('<!-- readme-test: skip (needs a TTY) -->\n```sh\nnpx atlas-checkpoints\n```');
 * // → [{ command: 'npx atlas-checkpoints', line: 3, mode: { kind: 'skip', reason: 'needs a TTY' } }]
 */
export function extractCommands(markdown: string): ReadmeCommand[] {
  const lines = markdown.split(/\r?\n/);
  const commands: ReadmeCommand[] = [];
  let pending: Mode | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    const directive = DIRECTIVE.exec(text);
    if (directive?.[1] !== undefined) {
      pending = parseDirective(directive[1], i + 1);
      continue;
    }
    const fence = FENCE.exec(lines[i] ?? '');
    if (fence === null) {
      if (text !== '') pending = undefined; // a directive applies to the very next block only
      continue;
    }
    const [, , marker = '```', lang = ''] = fence;
    const mode = pending ?? { kind: 'run' };
    pending = undefined;
    let partial: { text: string; line: number } | undefined;
    for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith(marker); i++) {
      if (!SHELLS.has(lang)) continue;
      const raw = (lines[i] ?? '').trim().replace(/^\$\s+/, '');
      if (partial === undefined && (raw === '' || raw.startsWith('#'))) continue;
      const joined = partial === undefined ? raw : `${partial.text} ${raw}`;
      const line = partial?.line ?? i + 1;
      if (joined.endsWith('\\')) partial = { text: joined.slice(0, -1).trimEnd(), line };
      else {
        commands.push({ command: joined, line, mode });
        partial = undefined;
      }
    }
  }
  return commands;
}

/**
 * Whether a README command opens the interactive browser (so it must run in a terminal, never skipped):
 * `npm start`, or the `atlas-checkpoints` bin with flags only or `browse`.
 *
 * @example
 * opensBrowser('npm ci && npm start') // true
 * opensBrowser('node apps/tui/dist/bin.js list --demo -o json') // false
 */
export function opensBrowser(command: string): boolean {
  return command.split(/&&|\|\||;|\|/).some((part) => {
    const words = part.trim().split(/\s+/);
    if (words[0] === 'npm' && (words[1] === 'start' || (words[1] === 'run' && words[2] === 'start'))) return true;
    const bin = words.findIndex((w) => /(^|\/)atlas-checkpoints$|apps\/tui\/dist\/bin\.js$/.test(w));
    if (bin < 0) return false;
    const next = words.slice(bin + 1).find((w) => !w.startsWith('-'));
    return next === undefined || next === 'browse';
  });
}
