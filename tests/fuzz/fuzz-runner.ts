/**
 * One way to run every fuzz property: a seed and a run count that can be set from the environment
 * and are printed before the first case, a time bound on each case, and the built-in prototypes
 * compared member by member with a snapshot after each case (and restored if a case changed them).
 *
 * Replaying a failure: fast-check's message gives `seed` and `path`; so does the line this runner
 * prints at the first failing case (useful if shrinking is cut short). Then
 *
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run tests/fuzz/<file> -t '<test name>'
 *
 * `FUZZ_RUNS=<n>` replaces every property's default run count (e.g. a long local run);
 * `FUZZ_SEED` alone re-runs the same sequence of cases.
 */
import fc from 'fast-check';
import { snapshotPrototypes, type PrototypeSnapshot } from './prototype-snapshot';

function integerFromEnvironment(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}`);
  return value;
}

/** One seed per test file unless FUZZ_SEED is set: printed with every property, so any failure can be replayed. */
const fileSeed = integerFromEnvironment('FUZZ_SEED') ?? Math.floor(Math.random() * 0x1_0000_0000) | 0;

export interface FuzzOptions<T> {
  /** Cases in the default (CI) run; FUZZ_RUNS overrides it. */
  readonly runs: number;
  /** A case taking longer than this fails the property (synchronous work is measured, async work is also cut off). */
  readonly caseLimitMs: number;
  /** Cases tried first, every run. */
  readonly examples?: readonly T[];
  /** Stop at the first failure without shrinking (for slow targets, where shrinking could outlast the test timeout). */
  readonly endOnFailure?: boolean;
  /** Prototype snapshot to compare against; by default one is taken just before the first case. */
  readonly snapshot?: PrototypeSnapshot;
}

export interface FuzzReport {
  readonly target: string;
  readonly seed: number;
  readonly runs: number;
  /** Predicate calls, shrinking included. */
  readonly cases: number;
  readonly ms: number;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/**
 * Runs `predicate` on `numRuns` values of `arbitrary` with fast-check. The predicate fails the case by
 * throwing (vitest's `expect` does); so does a case that takes longer than `caseLimitMs` or that
 * leaves any built-in prototype different from the snapshot.
 */
export async function fuzz<T>(
  target: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void | Promise<void>,
  options: FuzzOptions<T>,
): Promise<FuzzReport> {
  const seed = fileSeed;
  const numRuns = integerFromEnvironment('FUZZ_RUNS') ?? options.runs;
  const path = process.env['FUZZ_PATH']?.trim() || undefined;
  console.log(`fuzz ${target}: seed=${seed} runs=${numRuns}${path === undefined ? '' : ` path=${path}`}`);
  const snapshot = options.snapshot ?? snapshotPrototypes();
  let cases = 0;
  let reportedFailure = false;
  const started = performance.now();
  const property = fc.asyncProperty(arbitrary, async (value) => {
    const index = cases++;
    const caseStarted = performance.now();
    let failure: unknown = null;
    try {
      await predicate(value);
      const ms = performance.now() - caseStarted;
      if (ms > options.caseLimitMs) throw new Error(`case took ${ms.toFixed(0)} ms, more than the ${options.caseLimitMs} ms allowed`);
    } catch (error) {
      failure = error;
    }
    try {
      snapshot.assertUnchanged(`case ${index} of ${target}`);
    } catch (error) {
      failure = failure === null ? error : new Error(`${messageOf(error)}\nand the case also failed: ${messageOf(failure)}`);
    }
    if (failure !== null) {
      if (!reportedFailure && path === undefined) {
        reportedFailure = true;
        // Printed at once: the seed and the path of the unshrunk case reach the log even if shrinking is cut short.
        console.error(`fuzz ${target}: case ${index} failed (seed=${seed}); replay: FUZZ_SEED=${seed} FUZZ_PATH=${index}\n${messageOf(failure)}`);
      }
      throw failure;
    }
  });
  await fc.assert(property, {
    seed,
    numRuns,
    ...(path === undefined ? {} : { path }),
    ...(options.examples === undefined ? {} : { examples: options.examples.map((example) => [example] as [T]) }),
    endOnFailure: options.endOnFailure ?? false,
    // The failing case's own error in the message, not only as `cause`: it reaches every log.
    includeErrorInReport: true,
    plugins: [fc.timeout(options.caseLimitMs * 2)],
  });
  const ms = performance.now() - started;
  console.log(`fuzz ${target}: ${numRuns} runs (${cases} cases) in ${ms.toFixed(0)} ms`);
  return { target, seed, runs: numRuns, cases, ms };
}

/** Test timeout for a fuzz test: room for the runs and for shrinking a failure, so fast-check's report is not cut off. */
export const FUZZ_TEST_TIMEOUT_MS = 240_000;
