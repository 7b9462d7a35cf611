import type { FlagSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

export interface CommandContext {
  readonly io: CliIo;
  readonly args: ParsedArgs;
}

/** One CLI command. Register new ones (e.g. `export`) in commands/index.ts. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Positional arguments in order, e.g. ['<workspace>']. */
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, FlagSpec>>;
  readonly examples?: readonly string[];
  /** Returns the exit code. Throw CliError for user-facing failures. */
  run(context: CommandContext): Promise<number>;
}

export const FORMAT_FLAG: FlagSpec = { type: 'enum', values: ['table', 'json', 'csv'], default: 'table', description: 'output format (default: table)' };
