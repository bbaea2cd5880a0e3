import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBaseline } from '../baseline.ts';
import { dryRun, formatDryRun } from '../dry-run.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { createRedactor, MAX_SECRET_LENGTH, type Redactor } from '../redact.ts';
import { REPORT_FLAGS, REPORT_USAGE, type ReportOptions, reportOptions, resolveReportOutputs } from '../report/report-options.ts';
import { environmentSecrets, givenFromFlags, resolveRunSettings, RUN_OPTION_FLAGS, RUN_OPTIONS_USAGE, type RunSettings, selectChecks, settingsSecrets } from '../run-options.ts';
import { runSession, type Selection } from '../run-session.ts';

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
  /** Where `llm-conformance.config.json` and relative paths are looked up (default: the process's). */
  readonly cwd?: string;
}

export const RUN_USAGE = `Usage: llm-conformance run [options]

Runs the conformance suites against a target (default: the embedded reference mock).

Options:
${RUN_OPTIONS_USAGE}
${REPORT_USAGE}
  --trace DIR          write every exchange of the run (redacted) to DIR, one JSON file each
  --list               list the selected checks and exit
  -h, --help           show this help

Each option can also come from llm-conformance.config.json or an environment variable
($LLM_CONFORMANCE_BASE_URL, $OPENAI_API_KEY, …); flags win over the file, the file over the environment.

Exit codes: 0 no must check failed (see --fail-on, --baseline); 1 some did, or the target is unreachable
or rate-limited; 2 bad arguments or configuration (key rejected, model unknown); 3 internal error.`;

/** The parsed options of `run`: the resolved run settings (cli/run-options.ts) and the output options. */
export interface RunArgs extends RunSettings {
  /** Report files and console mode (`--report-*`, `--plain`). */
  readonly reports: ReportOptions;
  readonly trace: string | undefined;
  readonly list: boolean;
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      ...RUN_OPTION_FLAGS,
      ...REPORT_FLAGS,
      trace: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

function traceDir(raw: string): string {
  if (raw.trim() === '') throw new UsageError('--trace needs a directory');
  return resolve(raw);
}

/** `llm-conformance run`: returns the exit code. */
export async function runCommand(argv: readonly string[], rawIo: RunIo): Promise<number> {
  const values = parseFlags(argv);
  // Every key the environment holds for any protocol is a secret from the start, used or not
  // (one too long to be a key is refused when resolved, if used).
  const io = redactedIo(rawIo, [values['api-key'], ...environmentSecrets(rawIo.env)].filter((s) => s === undefined || s.length <= MAX_SECRET_LENGTH));
  if (values.help) {
    io.stdout(`${RUN_USAGE}\n`);
    return EXIT.ok;
  }
  const settings = resolveRunSettings(givenFromFlags(values), rawIo.env, rawIo.cwd ?? process.cwd());
  io.redactor.add(...settingsSecrets(settings));
  const args: RunArgs = { ...settings, reports: reportOptions(values), trace: values.trace === undefined ? undefined : traceDir(values.trace), list: values.list };
  const selected = selectChecks(args);
  const checks = selected.flatMap((s) => s.checks);
  if (args.list) {
    for (const check of checks) io.stdout(`${check.id}  [${check.level}]  ${check.description}\n`);
    return EXIT.ok;
  }
  const runnable = selected.filter((s) => s.checks.length > 0);
  if (args.dryRun) return dryRunCommand(args, runnable, io);
  const outputs = await resolveReportOutputs(args.reports);
  const baseline = args.baseline === undefined ? undefined : readBaseline(args.baseline, relativeLabel(args.baseline, rawIo.cwd));
  return runSession(args, outputs, runnable, io, { baseline });
}

/** `--dry-run`: the requests each selected check makes, counted against the embedded mock. */
async function dryRunCommand(args: RunArgs, selection: Selection, io: RunIo): Promise<number> {
  const runs = [];
  for (const { suite, checks } of selection) runs.push(await dryRun(suite, checks, args.timeoutMs));
  const models = Object.fromEntries(selection.map(({ suite }) => [suite.protocol, args.targets[suite.protocol]?.model ?? suite.defaultModel]));
  io.stdout(formatDryRun(runs, args.targets, models, args.maxRequests));
  return EXIT.ok;
}

function relativeLabel(path: string, cwd: string | undefined): string {
  const inside = relative(cwd ?? process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
}

/** `io` whose writes are redacted, with its redactor knowing the run's secrets. */
function redactedIo(io: RunIo, secrets: readonly (string | undefined)[]): RunIo & { readonly redactor: Redactor } {
  if (io.redactor) {
    io.redactor.add(...secrets);
    return { ...io, redactor: io.redactor };
  }
  const redactor = createRedactor(secrets);
  return { ...io, redactor, stdout: (t) => io.stdout(redactor(t)), stderr: (t) => io.stderr(redactor(t)) };
}
