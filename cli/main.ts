/** CLI entry logic, separate from cli.ts so tests can call runCli with injected I/O. */
import { EngineError } from '../shared/engine/issues';
import { parseArgs, type FlagSpec } from './args';
import type { Command } from './command';
import { COMMANDS } from './commands/index';
import { CliError, type CliIo } from './io';
import { escapeControlCharacters } from './output-hygiene';

const PROGRAM = 'scenario-desk';

function flagUsage(name: string, spec: FlagSpec): string {
  switch (spec.type) {
    case 'enum':
      return `--${name} ${spec.values.join('|')}`;
    case 'int':
      return `--${name} N`;
    case 'string':
      return `--${name} ${spec.placeholder ?? 'VALUE'}`;
    case 'boolean':
      return `--${name}`;
  }
}

export function commandHelp(command: Command): string {
  const flags = Object.entries(command.flags);
  const lines = [`Usage: ${PROGRAM} ${command.name} ${command.positionals.join(' ')}${flags.length > 0 ? ' [options]' : ''}`, '', `  ${command.summary}`];
  if (flags.length > 0) {
    lines.push('', 'Options:');
    const usages = flags.map(([name, spec]) => flagUsage(name, spec));
    const width = Math.max(...usages.map((usage) => usage.length));
    flags.forEach(([, spec], index) => lines.push(`  ${(usages[index] ?? '').padEnd(width)}  ${spec.description}`));
  }
  if (command.examples !== undefined) lines.push('', 'Examples:', ...command.examples.map((example) => `  npm run cli -- ${example}`));
  return `${lines.join('\n')}\n`;
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Scenario Desk (情景推演台) command line`,
    '',
    `Usage: ${PROGRAM} <command> [arguments] [options]`,
    `       node dist/cli/cli.mjs <command> …   or   npm run cli -- <command> …`,
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options. Exit codes: 0 success, 2 bad input, 1 internal error.`,
    '',
  ].join('\n');
}

function reportErrors(io: CliIo, messages: readonly string[]): void {
  for (const message of messages) io.stderr(`error: ${message}\n`);
}

/**
 * Every byte the CLI prints passes here, so no workspace text, file name or error message can
 * send a terminal escape sequence: control characters other than newline and tab are spelled out.
 */
function withEscapedOutput(io: CliIo): CliIo {
  return {
    stdout: (text) => io.stdout(escapeControlCharacters(text)),
    stderr: (text) => io.stderr(escapeControlCharacters(text)),
    readTextFile: (path) => io.readTextFile(path),
  };
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = withEscapedOutput(rawIo);
  try {
    const [commandName, ...rest] = argv;
    if (commandName === undefined || commandName === '--help' || commandName === '-h' || commandName === 'help') {
      const topic = commandName === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
      io.stdout(topic === undefined ? generalHelp() : commandHelp(topic));
      return commandName === undefined ? 2 : 0;
    }
    const command = COMMANDS.find((candidate) => candidate.name === commandName);
    if (command === undefined) {
      reportErrors(io, [`unknown command "${commandName}"; commands: ${COMMANDS.map((candidate) => candidate.name).join(', ')} (see --help)`]);
      return 2;
    }
    const errors: string[] = [];
    const args = parseArgs(rest, command.flags, errors);
    if (args.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    if (args.positionals.length < command.positionals.length) errors.push(`missing ${command.positionals.slice(args.positionals.length).join(' ')}`);
    if (args.positionals.length > command.positionals.length)
      errors.push(
        `unexpected argument ${args.positionals
          .slice(command.positionals.length)
          .map((arg) => `"${arg}"`)
          .join(', ')}`,
      );
    if (errors.length > 0) {
      reportErrors(io, errors);
      io.stderr(`usage: ${PROGRAM} ${command.name} ${command.positionals.join(' ')} [options] (see --help)\n`);
      return 2;
    }
    return await command.run({ io, args });
  } catch (error) {
    if (error instanceof CliError) {
      reportErrors(io, error.messages);
      return error.exitCode;
    }
    if (error instanceof EngineError) {
      reportErrors(
        io,
        error.issues.map((issue) => issue.message),
      );
      return 2;
    }
    reportErrors(io, [`internal error: ${error instanceof Error ? error.message : String(error)}`]);
    return 1;
  }
}
