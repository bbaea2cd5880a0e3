import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ProtocolId } from '../../specs/types.ts';
import { SUITE_PROTOCOLS, suiteFor } from '../../suites/index.ts';
import { filterProblems, matchesFilter } from '../../suites/harness/filter.ts';
import type { Check } from '../../suites/harness/check.ts';
import type { ProtocolSuite } from '../../suites/harness/suite.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { headerOptions, headerSecrets, intOption } from '../options.ts';
import { createRedactor, MAX_SECRET_LENGTH, type Redactor } from '../redact.ts';
import { REPORT_FLAGS, REPORT_USAGE, type ReportOptions, reportOptions, resolveReportOutputs } from '../report/report-options.ts';
import { runSession } from '../run-session.ts';

/** Where the run command writes and reads (injected so tests can run it in-process). */
export interface RunIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly color: boolean;
  /** Whether stdout is a terminal (live progress); absent: not one. */
  readonly tty?: boolean;
  readonly fetch?: typeof fetch;
  /**
   * The redactor `stdout` and `stderr` already pass through (the CLI's, see `main.ts`); the run
   * registers its secrets with it. Without one, the run redacts its own output.
   */
  readonly redactor?: Redactor;
}

const TIMEOUT = { min: 10, max: 3_600_000, fallback: 60_000, unit: 'ms' } as const;
const CONCURRENCY = { min: 1, max: 64, fallback: 4 } as const;

export const RUN_USAGE = `Usage: llm-conformance run [options]

Runs the conformance suites against a target (default: the embedded reference mock).

Options:
  --base-url URL       server root under which /v1/... lives (no trailing /v1); default: the embedded mock
  --protocol LIST      comma-separated protocols (default: all): ${SUITE_PROTOCOLS.join(', ')}
  --api-key KEY        API key for the target (default: $LLM_CONFORMANCE_API_KEY, then $ANTHROPIC_API_KEY)
  --model ID           model to use (default: the suite's default per protocol)
  --header 'Name: value'
                       send this header on every request (repeatable), e.g. gateway routing headers;
                       values of secret-looking names (authorization, *key*, *token*, cookie…) are redacted
  --filter PATTERN     checks to run, comma-separated: an area name (stream), protocol/area, a check id,
                       or a glob over ids (anthropic-messages/stream/*); '!' excludes (e.g. 'stream,!*-signature*')
${REPORT_USAGE}
  --trace DIR          write every exchange of the run (redacted) to DIR, one JSON file each
  --timeout MS         per-request timeout in ms, ${TIMEOUT.min}-${TIMEOUT.max} (default ${TIMEOUT.fallback})
  --concurrency N      checks in flight at once, ${CONCURRENCY.min}-${CONCURRENCY.max} (default ${CONCURRENCY.fallback})
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
  readonly headers: Readonly<Record<string, string>>;
  readonly filter: string | undefined;
  /** Report files and console mode (`--report-*`, `--plain`). */
  readonly reports: ReportOptions;
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
      header: { type: 'string', multiple: true },
      filter: { type: 'string' },
      ...REPORT_FLAGS,
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
    apiKey: checkApiKey(values['api-key'] ?? env.LLM_CONFORMANCE_API_KEY ?? env.ANTHROPIC_API_KEY),
    model: values.model,
    headers: headerOptions(values.header),
    filter: values.filter,
    reports: reportOptions(values),
    trace: values.trace === undefined ? undefined : traceDir(values.trace),
    timeoutMs: intOption(values.timeout, 'timeout', TIMEOUT),
    concurrency: intOption(values.concurrency, 'concurrency', CONCURRENCY),
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
  // fetch refuses URLs with credentials, so every request would fail, each printing the URL.
  if (url.username || url.password) {
    throw new UsageError("--base-url must not contain credentials (user:password@); send them with --header 'Authorization: Basic …' or --api-key");
  }
  // The SDK convention differs per vendor (OpenAI's base ends in /v1, Anthropic's does not);
  // the CLI takes the server root for every protocol and adds /v1 itself.
  if (/\/v1\/?$/.test(url.pathname)) {
    throw new UsageError(`--base-url is the server root: drop the trailing /v1 (use ${raw.replace(/\/v1\/?$/, '')})`);
  }
  return raw.replace(/\/+$/, '');
}

function traceDir(raw: string): string {
  if (raw.trim() === '') throw new UsageError('--trace needs a directory');
  return resolve(raw);
}

function checkApiKey(key: string | undefined): string | undefined {
  if (key !== undefined && key.length > MAX_SECRET_LENGTH) throw new UsageError(`the API key is longer than ${MAX_SECRET_LENGTH} characters`);
  return key;
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

/** `llm-conformance run`: returns the exit code. */
export async function runCommand(argv: readonly string[], rawIo: RunIo): Promise<number> {
  const args = parseRunArgs(argv, rawIo.env);
  const io = redactedIo(rawIo, runSecrets(args));
  if (args.help) {
    io.stdout(`${RUN_USAGE}\n`);
    return EXIT.ok;
  }
  const selected = selectChecks(args);
  const checks = selected.flatMap((s) => s.checks);
  if (args.list) {
    for (const check of checks) io.stdout(`${check.id}  [${check.level}]  ${check.description}\n`);
    return EXIT.ok;
  }
  const outputs = await resolveReportOutputs(args.reports);
  return runSession(args, outputs, selected.filter((s) => s.checks.length > 0), io);
}

/** The selected checks per protocol; a `--filter` term that selects nothing is a usage error. */
function selectChecks(args: RunArgs): { suite: ProtocolSuite; checks: Check[] }[] {
  const suites = args.protocols.map(suiteFor);
  if (args.filter !== undefined) {
    const problems = filterProblems(args.filter, suites.flatMap((suite) => suite.checks.map((c) => c.id)));
    if (problems.length > 0) throw new UsageError(`--filter: ${problems.join('; ')} (try --list)`);
  }
  return suites.map((suite) => ({ suite, checks: suite.checks.filter((c) => matchesFilter(c.id, args.filter)) }));
}

/** Every secret of the run: the key, secret header values, key-like query parameters of the base URL. */
function runSecrets(args: RunArgs): string[] {
  const query = args.baseUrl ? [...new URL(args.baseUrl).searchParams].filter(([name]) => /key|token|secret|auth/i.test(name)).map(([, v]) => v) : [];
  return [...(args.apiKey ? [args.apiKey] : []), ...headerSecrets(args.headers), ...query];
}

/** `io` whose writes are redacted, with its redactor knowing the run's secrets. */
function redactedIo(io: RunIo, secrets: readonly string[]): RunIo & { readonly redactor: Redactor } {
  if (io.redactor) {
    io.redactor.add(...secrets);
    return { ...io, redactor: io.redactor };
  }
  const redactor = createRedactor(secrets);
  return { ...io, redactor, stdout: (t) => io.stdout(redactor(t)), stderr: (t) => io.stderr(redactor(t)) };
}
