/** What completion needs to know: each command and its flags. */
export interface CompletionSpec {
  readonly program: string;
  readonly commands: ReadonlyArray<{ readonly name: string; readonly flags: readonly string[] }>;
  readonly outputs: readonly string[];
}

/** The shells `completion` supports. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

function bash(spec: CompletionSpec): string {
  const fn = `_${spec.program.replaceAll('-', '_')}`;
  const cases = spec.commands.map((c) => `    ${c.name}) flags="${c.flags.join(' ')}" ;;`).join('\n');
  return `# bash completion for ${spec.program}; add to ~/.bashrc: source <(${spec.program} completion bash)
${fn}() {
  local cur prev cmd flags
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [[ "$prev" == "-o" || "$prev" == "--output" ]]; then COMPREPLY=($(compgen -W "${spec.outputs.join(' ')}" -- "$cur")); return; fi
  if [[ "$prev" == "completion" ]]; then COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return; fi
  if [[ $COMP_CWORD -eq 1 && "$cur" != -* ]]; then COMPREPLY=($(compgen -W "${spec.commands.map((c) => c.name).join(' ')}" -- "$cur")); return; fi
  case "$cmd" in
${cases}
    *) flags="${spec.commands.find((c) => c.name === 'browse')?.flags.join(' ') ?? ''}" ;;
  esac
  COMPREPLY=($(compgen -W "$flags" -- "$cur"))
}
complete -F ${fn} ${spec.program}
`;
}

function zsh(spec: CompletionSpec): string {
  const fn = `_${spec.program.replaceAll('-', '_')}`;
  const cases = spec.commands.map((c) => `    ${c.name}) _arguments '*:flag:(${c.flags.join(' ')})' ;;`).join('\n');
  return `#compdef ${spec.program}
# zsh completion for ${spec.program}; add to ~/.zshrc: source <(${spec.program} completion zsh)
${fn}() {
  if (( CURRENT == 2 )); then _values 'command' ${spec.commands.map((c) => c.name).join(' ')}; return; fi
  if [[ "\${words[CURRENT-1]}" == (-o|--output) ]]; then _values 'format' ${spec.outputs.join(' ')}; return; fi
  case "\${words[2]}" in
${cases}
  esac
}
compdef ${fn} ${spec.program}
`;
}

function fish(spec: CompletionSpec): string {
  const lines = [`# fish completion for ${spec.program}; save as ~/.config/fish/completions/${spec.program}.fish`];
  const names = spec.commands.map((c) => c.name).join(' ');
  lines.push(`complete -c ${spec.program} -f -n "not __fish_seen_subcommand_from ${names}" -a "${names}"`);
  for (const command of spec.commands) {
    for (const flag of command.flags.filter((f) => f.startsWith('--'))) {
      const wants = flag === '--output' ? ` -r -a "${spec.outputs.join(' ')}"` : '';
      lines.push(`complete -c ${spec.program} -n "__fish_seen_subcommand_from ${command.name}" -l ${flag.slice(2)}${wants}`);
    }
  }
  lines.push(`complete -c ${spec.program} -n "__fish_seen_subcommand_from completion" -a "bash zsh fish"`);
  return `${lines.join('\n')}\n`;
}

/**
 * A completion script for `shell`.
 *
 * @example
 * completionScript('bash', spec) // 'complete -F _atlas_checkpoints atlas-checkpoints' …
 */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  switch (shell) {
    case 'bash':
      return bash(spec);
    case 'zsh':
      return zsh(spec);
    case 'fish':
      return fish(spec);
    default:
      return shell satisfies never;
  }
}
