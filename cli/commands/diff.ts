import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { TOOL } from '../../mock-server/core/version.ts';
import { SchemaRegistry } from '../../specs/tooling/schema-registry.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { type CheckChange, type DiffableReport, diffReports, type ReportDiff, type RunFacts } from '../report/report-diff.ts';
import reportSchema from '../report/report.schema.json' with { type: 'json' };
import { oneLine } from '../report/text.ts';

/** Where the diff command writes (injected so tests can run it in-process). */
export interface DiffIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Reports larger than this are refused (a run of every check with full evidence is a few MB). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export const DIFF_USAGE = `Usage: llm-conformance diff OLD.json NEW.json [--json]

Compares two JSON reports of 'llm-conformance run' check by check: what newly fails, what newly
passes, other status changes (pass <-> skip, blocked), level changes (must <-> should), checks
that appeared or disappeared, and client readiness that changed. Use it to see whether a gateway
release broke compatibility (OLD = the last release's report) or which of two vendors is more
compatible.

Options:
  --json       print the difference as JSON
  -h, --help   show this help

Exit codes: 0 no regression; 1 a regression: a check in both reports that fails as 'must' in
NEW and did not in OLD; 2 bad arguments or an unreadable report; 3 internal error.`;

/** `llm-conformance diff`: returns the exit code. */
export async function diffCommand(argv: readonly string[], io: DiffIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${DIFF_USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 2) throw new UsageError(`diff takes two JSON reports, OLD and NEW; got ${positionals.length}`);
  const [oldPath, newPath] = positionals as [string, string];
  const diff = diffReports(await readReport(oldPath), await readReport(newPath));
  const exitCode = diff.regressions.length > 0 ? EXIT.failed : EXIT.ok;
  if (values.json) io.stdout(`${JSON.stringify({ tool: { name: TOOL.name, version: TOOL.version }, ...diff, exitCode }, null, 2)}\n`);
  else io.stdout(formatDiff(diff));
  return exitCode;
}

const registry = new SchemaRegistry([reportSchema]);

/** A JSON report from a file, checked against the report schema (its contract fields). */
export async function readReport(path: string): Promise<DiffableReport> {
  const shown = JSON.stringify(path);
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_REPORT_BYTES) throw new UsageError(`${shown} is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB: not a report of llm-conformance run`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${shown} is not JSON (${oneLine((error as Error).message, 200)}): give the file 'llm-conformance run --report-json' wrote`);
  }
  const problems = registry.validate(reportSchema.$id, value);
  if (problems.length > 0) {
    const first = problems.slice(0, 3).map((p) => oneLine(p.message, 200));
    throw new UsageError(`${shown} is not a report of llm-conformance run: ${first.join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  }
  return value as DiffableReport;
}

/** The difference for people: the two runs, then each kind of change, then the outcome. */
export function formatDiff(diff: ReportDiff): string {
  const out = ['llm-conformance diff', runLine('old', diff.old), runLine('new', diff.new), ''];
  const section = (title: string, changes: readonly CheckChange[], line: (c: CheckChange) => string) => {
    if (changes.length === 0) return;
    out.push(`${title} (${changes.length}):`, ...changes.map((c) => `  ${line(c)}`), '');
  };
  const transition = (c: CheckChange) => `${c.old!.label} → ${c.new!.label}`;
  const why = (s: CheckChange['new']) => (s && s.message !== '' ? `: ${oneLine(s.message, 160)}` : '');
  section('Newly failing', diff.newlyFailing, (c) => `✗ ${c.id} [${c.new!.level}]  ${transition(c)}${why(c.new)}`);
  section('Newly passing', diff.newlyPassing, (c) => `✓ ${c.id} [${c.new!.level}]  ${transition(c)}`);
  section('Status changed', diff.statusChanged, (c) => `~ ${c.id} [${c.new!.level}]  ${transition(c)}${c.new!.blockedBy ? ` by ${c.new!.blockedBy}` : why(c.new)}`);
  section('Level changed', diff.levelChanged, (c) => `  ${c.id}  ${c.old!.level} → ${c.new!.level} (${c.new!.label})`);
  section('Appeared', diff.appeared, (c) => `+ ${c.id} [${c.new!.level}]  ${c.new!.label}`);
  section('Disappeared', diff.disappeared, (c) => `- ${c.id} [${c.old!.level}]  was ${c.old!.label}`);
  if (diff.readinessChanged.length > 0) {
    out.push(`Client readiness changed (${diff.readinessChanged.length}):`, ...diff.readinessChanged.map((r) => `  ${r.name}: ${r.old} → ${r.new}`), '');
  }
  if (diff.stillFailing.length > 0) out.push(`Still failing: ${diff.stillFailing.length}`, '');
  const unchanged = [diff.newlyFailing, diff.newlyPassing, diff.statusChanged, diff.levelChanged, diff.appeared, diff.disappeared].every((list) => list.length === 0);
  if (unchanged) out.push('No check changed.');
  out.push(
    diff.regressions.length > 0
      ? `REGRESSION: ${diff.regressions.length} must ${diff.regressions.length === 1 ? 'check fails' : 'checks fail'} that did not before: ${diff.regressions.join(', ')}`
      : 'No regression: no must check fails that did not before.',
  );
  return `${out.map((line) => oneLine(line, 2000)).join('\n')}\n`;
}

function runLine(name: string, run: RunFacts): string {
  const models = Object.values(run.models).join(', ');
  const s = run.summary;
  return `  ${name}: ${run.target} (${run.protocols.join(', ')}${models ? `; ${models}` : ''}) · ${run.tool} · ${run.startedAt} · ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
}
