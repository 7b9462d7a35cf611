/** Minimal flag parser: `--name value`, `--name=value`, boolean flags, positionals; every problem is reported. */

export type FlagSpec =
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly description: string; readonly default?: string }
  | { readonly type: 'int'; readonly min: number; readonly max: number; readonly description: string }
  | { readonly type: 'string'; readonly description: string; readonly placeholder?: string }
  | { readonly type: 'boolean'; readonly description: string };

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | number | boolean>;
  readonly help: boolean;
}

export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>, errors: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | number | boolean>();
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(arg.startsWith('--') ? 2 : 1, equals === -1 ? undefined : equals);
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) {
      errors.push(`unknown option ${arg.slice(0, equals === -1 ? undefined : equals)}`);
      continue;
    }
    if (spec.type === 'boolean') {
      if (equals !== -1) errors.push(`option --${name} does not take a value`);
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else if (index + 1 < argv.length && !(argv[index + 1] ?? '').startsWith('--')) value = argv[++index];
    if (value === undefined || value === '') {
      errors.push(`option --${name} needs a value`);
      continue;
    }
    if (spec.type === 'enum') {
      if (!spec.values.includes(value)) errors.push(`option --${name} must be one of ${spec.values.join(', ')} (got "${value}")`);
      else flags.set(name, value);
    } else if (spec.type === 'int') {
      const number = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(number) || number < spec.min || number > spec.max) {
        errors.push(`option --${name} must be a whole number from ${spec.min} to ${spec.max} (got "${value}")`);
      } else flags.set(name, number === 0 ? 0 : number); // "-0" is a whole number, but it should not travel on as −0
    } else flags.set(name, value);
  }
  return { positionals, flags, help };
}
