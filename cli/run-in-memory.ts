/** For the CLI's tests: runs a command in-process, with what it prints collected instead of written. */
import { nodeIo, type CliIo } from './io';
import { runCli } from './main';

export async function runInMemory(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readTextFile: nodeIo.readTextFile };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
