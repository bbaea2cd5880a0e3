import { TOOL } from '../mock-server/core/version.ts';
import { diffCommand } from './commands/diff.ts';
import { mockCommand } from './commands/mock.ts';
import { runCommand } from './commands/run.ts';
import { selfTestCommand } from './commands/self-test.ts';
import { specDriftCommand } from './commands/spec-drift.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { createRedactor } from './redact.ts';
import { useColor } from './report/terminal.ts';

const USAGE = `llm-conformance ${TOOL.version}: prove that an LLM endpoint speaks the protocol it claims.

Usage:
  llm-conformance run [--base-url URL] [--protocol LIST] [--api-key KEY] [--model ID] [--header 'Name: value']…
                      [--filter PATTERN] [--report-json|--report-junit|--report-md|--report-html FILE|-]
                      [--report-dir DIR] [--plain] [--trace DIR] [--timeout MS] [--concurrency N] [--list]
                      [--fail-on must|should] [--baseline FILE] [--write-baseline FILE] [--max-requests N]
                      [--check-timeout MS] [--dry-run] [--config FILE]
  llm-conformance diff OLD.json NEW.json [--json]
  llm-conformance mock [--port N] [--host 127.0.0.1] [--mutant ID] …
  llm-conformance spec-drift --openapi FILE [--protocol ID] [--json]
  llm-conformance self-test [--protocol LIST]
  llm-conformance --version | --help

Run 'llm-conformance <command> --help' for a command's options.`;

const COMMANDS = ['run', 'mock', 'spec-drift', 'diff', 'self-test'] as const;

/**
 * The CLI: dispatches to a command and returns the process exit code (never throws). Everything
 * written to stdout and stderr passes through one redactor, to which commands add their secrets
 * as soon as they have parsed them; a closed stdout (`| head -1`) ends output quietly.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const redactor = createRedactor();
  const stdout = pipeWriter(process.stdout, redactor);
  const stderr = pipeWriter(process.stderr, redactor);
  try {
    switch (command) {
      case 'run':
        return exitWhenDone(await runCommand(rest, { stdout, stderr, env: process.env, color: useColor({ isTTY: process.stdout.isTTY === true, env: process.env }), tty: process.stdout.isTTY === true, redactor }));
      case 'mock':
        return await mockCommand(rest, { stdout, stderr, stopSignal: stopSignal() });
      case 'spec-drift':
        return await specDriftCommand(rest, { stdout, stderr });
      case 'diff':
        return await diffCommand(rest, { stdout, stderr });
      case 'self-test':
        return exitWhenDone(await selfTestCommand(rest, { stdout }));
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
      const known = (COMMANDS as readonly (string | undefined)[]).includes(command);
      const help = known ? `run 'llm-conformance ${command} --help' for options` : "run 'llm-conformance --help' for usage";
      stderr(`llm-conformance: ${(error as Error).message}\n${help}\n`);
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

/**
 * A redacting writer that survives its reader going away: EPIPE (`llm-conformance run --list |
 * head -1`) stops further output instead of crashing with a stack trace; the command still
 * finishes (a report file is still written) and keeps its exit code.
 */
export function pipeWriter(stream: NodeJS.WritableStream, redact: (text: string) => string): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw error;
  });
  return (text) => {
    if (!closed) stream.write(redact(text));
  };
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}
