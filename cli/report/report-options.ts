import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../exit-codes.ts';
import { reportPathOption } from '../options.ts';

/** The report formats a run writes besides the console. */
export const REPORT_FORMATS = ['json', 'junit', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file names `--report-dir` writes (fixed, so CI steps can name them). */
export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  json: 'conformance.json',
  junit: 'conformance.junit.xml',
  md: 'conformance.md',
  html: 'conformance.html',
};

/** How each format is named on the console ("HTML report: …"). */
export const REPORT_TITLES: Readonly<Record<ReportFormat, string>> = { json: 'JSON', junit: 'JUnit', md: 'Markdown', html: 'HTML' };

/** The `run` options about reports and console output, for `parseArgs`. */
export const REPORT_FLAGS = {
  'report-json': { type: 'string' },
  'report-junit': { type: 'string' },
  'report-md': { type: 'string' },
  'report-html': { type: 'string' },
  'report-dir': { type: 'string' },
  plain: { type: 'boolean', default: false },
} as const;

/** The lines of `run --help` about reports. */
export const REPORT_USAGE = `  --report-json FILE   write the JSON report to FILE
  --report-junit FILE  write a JUnit XML report (one testsuite per protocol) to FILE
  --report-md FILE     write a Markdown summary (CI job summary, issue comment) to FILE
  --report-html FILE   write a single-file HTML report (offline, no external resources) to FILE
                       (for each: '-' writes it to stdout, the console report then goes to stderr)
  --report-dir DIR     write all four to DIR: ${REPORT_FORMATS.map((f) => REPORT_FILES[f]).join(', ')}
  --plain              console without live progress (cursor movement); also when stdout is not a
                       terminal or $CI is set. Colour: on a terminal, or by $FORCE_COLOR / $NO_COLOR`;

/** The report options as given (checked by {@link resolveReportOutputs}). */
export interface ReportOptions {
  readonly json?: string | undefined;
  readonly junit?: string | undefined;
  readonly md?: string | undefined;
  readonly html?: string | undefined;
  readonly dir?: string | undefined;
  /** No live progress line. */
  readonly plain: boolean;
}

/** One report to write: a format and an absolute path, or `-` for stdout. */
export interface ReportOutput {
  readonly format: ReportFormat;
  readonly path: string;
}

type ReportValues = { readonly [K in keyof typeof REPORT_FLAGS]?: string | boolean };

/** The report options out of `parseArgs` values. */
export function reportOptions(values: ReportValues): ReportOptions {
  const given = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
  return {
    json: given(values['report-json']),
    junit: given(values['report-junit']),
    md: given(values['report-md']),
    html: given(values['report-html']),
    dir: given(values['report-dir']),
    plain: values.plain === true,
  };
}

/**
 * Every report to write, checked before the run so that a long run does not end in EISDIR: each
 * file path as `--report-json` checks it, the directory not a file, at most one report on stdout.
 */
export async function resolveReportOutputs(options: ReportOptions): Promise<ReportOutput[]> {
  const outputs: ReportOutput[] = [];
  for (const format of REPORT_FORMATS) {
    const raw = options[format];
    if (raw !== undefined) outputs.push({ format, path: await reportPathOption(raw, `--report-${format}`, REPORT_FILES[format]) });
  }
  if (options.dir !== undefined) {
    const dir = await reportDirOption(options.dir);
    for (const format of REPORT_FORMATS) outputs.push({ format, path: join(dir, REPORT_FILES[format]) });
  }
  const toStdout = outputs.filter((o) => o.path === '-');
  if (toStdout.length > 1) throw new UsageError(`only one report can go to stdout ('-'): ${toStdout.map((o) => `--report-${o.format}`).join(', ')}`);
  return outputs;
}

async function reportDirOption(raw: string): Promise<string> {
  if (raw.trim() === '' || raw === '-') throw new UsageError('--report-dir needs a directory path');
  const dir = resolve(raw);
  const kind = await stat(dir).then(
    (s) => (s.isDirectory() ? 'dir' : 'file'),
    () => 'none',
  );
  if (kind === 'file') throw new UsageError(`--report-dir ${JSON.stringify(raw)} is a file, not a directory`);
  // A path under a file is refused the same way as for a report file.
  await reportPathOption(join(dir, REPORT_FILES.json), '--report-dir', REPORT_FILES.json);
  return dir;
}
