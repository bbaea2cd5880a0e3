import { TOOL } from '../mock-server/core/version.ts';
import { mockCommand, MOCK_USAGE } from './commands/mock.ts';
import { runCommand, RUN_USAGE } from './commands/run.ts';
import { EXIT, UsageError } from './exit-codes.ts';

const USAGE = `llm-conformance ${TOOL.version}: prove that an LLM endpoint speaks the protocol it claims.

Usage:
  llm-conformance run [--base-url URL] [--protocol LIST] [--api-key KEY] [--model ID] [--filter PATTERN] [--report-json FILE] [--trace DIR]
  llm-conformance mock [--port N] [--host 127.0.0.1]
  llm-conformance --version | --help

Run 'llm-conformance <command> --help' for a command's options.`;

/** The CLI: dispatches to a command and returns the process exit code (never throws). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const stdout = (text: string) => process.stdout.write(text);
  const stderr = (text: string) => process.stderr.write(text);
  try {
    switch (command) {
      case 'run':
        return exitWhenDone(await runCommand(rest, { stdout, stderr, env: process.env, color: useColor() }));
      case 'mock':
        return await mockCommand(rest, { stdout, stderr, stopSignal: stopSignal() });
      case '--version':
      case '-v':
        stdout(`${TOOL.version}\n`);
        return EXIT.ok;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        stdout(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      const usage = command === 'run' ? RUN_USAGE : command === 'mock' ? MOCK_USAGE : USAGE;
      stderr(`llm-conformance: ${(error as Error).message}\n\n${usage}\n`);
      return EXIT.usage;
    }
    // A bug of ours is never a verdict on the target: exit 3, with the stack to report.
    stderr(`llm-conformance: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitWhenDone(EXIT.internal);
  }
}

/**
 * The run is over once its summary is printed: a hostile target that sent headers and then
 * stalled may still hold a socket, which must not keep the process alive. The timer is unref'd,
 * so a process that would exit anyway is not delayed.
 */
function exitWhenDone(code: number): number {
  setTimeout(() => process.exit(code), 250).unref();
  return code;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}
