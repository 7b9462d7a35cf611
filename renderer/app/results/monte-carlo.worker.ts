/**
 * Monte Carlo off the main thread. Between chunks the worker yields through a MessageChannel
 * (no 4 ms timer clamping), so a newer run or a cancel from the page is handled before the
 * next chunk starts.
 */
import { MonteCarloScheduler, type MonteCarloRequest } from './monte-carlo-scheduler';

/** The parts of the worker global this file uses (the project compiles against the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<MonteCarloRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const channel = new MessageChannel();
let pendingTurn: (() => void) | null = null;
channel.port1.onmessage = () => {
  const turn = pendingTurn;
  pendingTurn = null;
  turn?.();
};

const scheduler = new MonteCarloScheduler(
  (message, transfer) => scope.postMessage(message, transfer),
  (turn) => {
    pendingTurn = turn;
    channel.port2.postMessage(null);
  },
);

scope.onmessage = (event: MessageEvent<MonteCarloRequest>) => scheduler.receive(event.data);
