import { parseArgs } from 'node:util';
import type { ProtocolId } from '../../specs/types.ts';
import { SUITE_PROTOCOLS, suiteFor } from '../../suites/index.ts';
import { matchesFilter } from '../../suites/harness/filter.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { runSession } from '../run-session.ts';

/** Where the run command writes and reads (injected so tests can run it in-process). */
export interface RunIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly color: boolean;
  readonly fetch?: typeof fetch;
}

export const RUN_USAGE = `Usage: llm-conformance run [options]

Runs the conformance suites against a target (default: the embedded reference mock).

Options:
  --base-url URL       server root under which /v1/... lives (no trailing /v1); default: the embedded mock
  --protocol LIST      comma-separated protocols (default: all): ${SUITE_PROTOCOLS.join(', ')}
  --api-key KEY        API key for the target (default: $LLM_CONFORMANCE_API_KEY, then $ANTHROPIC_API_KEY)
  --model ID           model to use (default: the suite's default per protocol)
  --filter PATTERN     check ids to run: comma-separated substrings or globs, '!' to exclude
                       (e.g. 'anthropic-messages/stream/*,!*/thinking/*')
  --report-json FILE   write the JSON report to FILE
  --trace DIR          write every exchange of the run (redacted) to DIR, one JSON file each
  --timeout MS         per-request timeout in ms (default 60000)
  --concurrency N      checks in flight at once (default 4)
  --list               list the selected checks and exit
  -h, --help           show this help

Exit codes: 0 no must check failed; 1 some must check failed, or the target is unreachable or
rate-limited; 2 bad arguments or configuration (key rejected, model unknown); 3 internal error.`;

/** The parsed options of `run`. */
export interface RunArgs {
  readonly baseUrl: string | undefined;
  readonly protocols: readonly ProtocolId[];
  readonly apiKey: string | undefined;
  readonly model: string | undefined;
  readonly filter: string | undefined;
  readonly reportJson: string | undefined;
  readonly trace: string | undefined;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly list: boolean;
  readonly help: boolean;
}

function parseRunArgs(argv: readonly string[], env: RunIo['env']): RunArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      'base-url': { type: 'string' },
      protocol: { type: 'string' },
      'api-key': { type: 'string' },
      model: { type: 'string' },
      filter: { type: 'string' },
      'report-json': { type: 'string' },
      trace: { type: 'string' },
      timeout: { type: 'string' },
      concurrency: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    baseUrl: values['base-url'] === undefined ? undefined : checkBaseUrl(values['base-url']),
    protocols: parseProtocols(values.protocol),
    apiKey: values['api-key'] ?? env.LLM_CONFORMANCE_API_KEY ?? env.ANTHROPIC_API_KEY,
    model: values.model,
    filter: values.filter,
    reportJson: values['report-json'],
    trace: values.trace,
    timeoutMs: positiveInt(values.timeout, 'timeout', 60_000),
    concurrency: positiveInt(values.concurrency, 'concurrency', 4),
    list: values.list,
    help: values.help,
  };
}

function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url ${JSON.stringify(raw)} is not a URL (expected e.g. http://127.0.0.1:4010)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be http(s), got ${url.protocol}`);
  // The SDK convention differs per vendor (OpenAI's base ends in /v1, Anthropic's does not);
  // the CLI takes the server root for every protocol and adds /v1 itself.
  if (/\/v1\/?$/.test(url.pathname)) {
    throw new UsageError(`--base-url is the server root: drop the trailing /v1 (use ${raw.replace(/\/v1\/?$/, '')})`);
  }
  return raw.replace(/\/+$/, '');
}

function parseProtocols(raw: string | undefined): ProtocolId[] {
  if (raw === undefined) return [...SUITE_PROTOCOLS];
  const ids = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = ids.filter((p) => !(SUITE_PROTOCOLS as readonly string[]).includes(p));
  if (unknown.length > 0 || ids.length === 0) {
    throw new UsageError(`unknown protocol ${unknown.map((p) => JSON.stringify(p)).join(', ') || '(empty)'}; known: ${SUITE_PROTOCOLS.join(', ')}`);
  }
  return [...new Set(ids)] as ProtocolId[];
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** `llm-conformance run`: returns the exit code. */
export async function runCommand(argv: readonly string[], io: RunIo): Promise<number> {
  const args = parseRunArgs(argv, io.env);
  if (args.help) {
    io.stdout(`${RUN_USAGE}\n`);
    return EXIT.ok;
  }
  const selected = args.protocols.map((protocol) => ({ suite: suiteFor(protocol), checks: suiteFor(protocol).checks.filter((c) => matchesFilter(c.id, args.filter)) }));
  const checks = selected.flatMap((s) => s.checks);
  if (checks.length === 0) throw new UsageError(`--filter ${JSON.stringify(args.filter)} matches no check (try --list)`);
  if (args.list) {
    for (const check of checks) io.stdout(`${check.id}  [${check.level}]  ${check.description}\n`);
    return EXIT.ok;
  }
  return runSession(args, selected.filter((s) => s.checks.length > 0), io);
}
