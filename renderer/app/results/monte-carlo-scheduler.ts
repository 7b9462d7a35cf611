/**
 * The Monte Carlo worker's brain, kept free of worker globals so it can be tested in Node.
 * Runs advance one chunk at a time and the scheduler yields between chunks, so a message
 * announcing a newer run (or a cancel) is seen before the next chunk starts.
 */
import { createMonteCarloRun, EngineError, type MonteCarloInput, type MonteCarloResult, type MonteCarloRun } from '../../../shared/engine';

export interface RunRequest {
  readonly type: 'run';
  readonly runId: number;
  /**
   * A newer run from the same owner makes the older one stale. The results store gives every run an
   * owner of its own (a run can have several askers, so only the store's explicit cancel stops one).
   */
  readonly owner: string;
  readonly input: MonteCarloInput;
}
export interface CancelRequest {
  readonly type: 'cancel';
  readonly runId: number;
}
export type MonteCarloRequest = RunRequest | CancelRequest;

export type MonteCarloResponse =
  | { readonly type: 'progress'; readonly runId: number; readonly completedChunks: number; readonly totalChunks: number }
  | { readonly type: 'done'; readonly runId: number; readonly result: MonteCarloResult }
  | { readonly type: 'error'; readonly runId: number; readonly message: string; readonly messageZh: string }
  | { readonly type: 'cancelled'; readonly runId: number };

interface Job {
  readonly runId: number;
  readonly owner: string;
  readonly run: MonteCarloRun;
}

/** Chunks simulated per turn; one 4,096-trial chunk of a 30-year path takes a few milliseconds. */
const chunksPerTurn = 1;

export class MonteCarloScheduler {
  private readonly jobs: Job[] = [];
  private turnScheduled = false;
  private nextJobIndex = 0;

  constructor(
    private readonly post: (message: MonteCarloResponse, transfer: Transferable[]) => void,
    /** Calls `turn` again soon, after pending messages have been delivered. */
    private readonly scheduleTurn: (turn: () => void) => void,
  ) {}

  get activeRunIds(): number[] {
    return this.jobs.map((job) => job.runId);
  }

  receive(request: MonteCarloRequest): void {
    if (request.type === 'cancel') {
      this.drop((job) => job.runId === request.runId);
      return;
    }
    this.drop((job) => job.owner === request.owner);
    let run: MonteCarloRun;
    try {
      run = createMonteCarloRun(request.input);
    } catch (error) {
      if (error instanceof EngineError) this.post({ type: 'error', runId: request.runId, message: error.message, messageZh: error.messageZh }, []);
      else {
        const text = error instanceof Error ? error.message : String(error);
        this.post({ type: 'error', runId: request.runId, message: text, messageZh: text }, []);
      }
      return;
    }
    this.jobs.push({ runId: request.runId, owner: request.owner, run });
    this.post({ type: 'progress', runId: request.runId, completedChunks: 0, totalChunks: run.totalChunks }, []);
    this.requestTurn();
  }

  private drop(matches: (job: Job) => boolean): void {
    for (let index = this.jobs.length - 1; index >= 0; index--) {
      const job = this.jobs[index];
      if (job && matches(job)) {
        this.jobs.splice(index, 1);
        this.post({ type: 'cancelled', runId: job.runId }, []);
      }
    }
  }

  private requestTurn(): void {
    if (this.turnScheduled || this.jobs.length === 0) return;
    this.turnScheduled = true;
    this.scheduleTurn(() => {
      this.turnScheduled = false;
      this.turn();
    });
  }

  /** One chunk of one job; jobs take turns so a long run cannot starve a short one. */
  private turn(): void {
    if (this.jobs.length === 0) return;
    const index = this.nextJobIndex % this.jobs.length;
    const job = this.jobs[index];
    if (!job) return;
    let finished: boolean;
    let result: MonteCarloResult | null = null;
    try {
      finished = job.run.step(chunksPerTurn);
      if (finished) result = job.run.finish();
    } catch (error) {
      this.jobs.splice(index, 1);
      const text = error instanceof Error ? error.message : String(error);
      this.post({ type: 'error', runId: job.runId, message: text, messageZh: text }, []);
      this.requestTurn();
      return;
    }
    if (result) {
      this.jobs.splice(index, 1);
      this.post({ type: 'done', runId: job.runId, result }, transferablesOf(result));
    } else {
      this.nextJobIndex = index + 1;
      this.post({ type: 'progress', runId: job.runId, completedChunks: job.run.completedChunks, totalChunks: job.run.totalChunks }, []);
    }
    this.requestTurn();
  }
}

function transferablesOf(result: MonteCarloResult): Transferable[] {
  const buffers = new Set<ArrayBufferLike>([result.mean.buffer, result.standardDeviation.buffer, ...result.percentiles.map((p) => p.buffer)]);
  if (result.trialValues) buffers.add(result.trialValues.buffer);
  return [...buffers].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer && buffer.byteLength > 0);
}
