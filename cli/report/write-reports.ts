import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redactor } from '../redact.ts';
import { renderHtml } from './html-report.ts';
import type { JsonReport } from './json-report.ts';
import { renderJunit } from './junit-report.ts';
import { renderMarkdown } from './markdown-report.ts';
import type { ReportFormat, ReportOutput } from './report-options.ts';

const RENDER: Readonly<Record<Exclude<ReportFormat, 'json'>, (report: JsonReport) => string>> = {
  junit: renderJunit,
  md: renderMarkdown,
  html: renderHtml,
};

/**
 * A report in one format, redacted. The writers see a report whose every string was already
 * redacted, and their output is redacted again once formatted: a piece of a secret that
 * formatting cut or joined differently (an excerpt, an escaped character) is caught in the final
 * text, which is what leaves the process.
 */
export function formatReport(report: JsonReport, format: ReportFormat, redact: Redactor, redacted?: JsonReport): string {
  if (format === 'json') return `${redact.json(report, 2)}\n`;
  return redact(RENDER[format](redacted ?? redactedReport(report, redact)));
}

/** The report with every string (and key) redacted, for the writers to format. */
function redactedReport(report: JsonReport, redact: Redactor): JsonReport {
  return JSON.parse(redact.json(report)) as JsonReport;
}

/** Writes each report (`-`: to `stdout`), creating directories as needed. */
export async function writeReports(report: JsonReport, outputs: readonly ReportOutput[], redact: Redactor, stdout: (text: string) => void): Promise<void> {
  const redacted = redactedReport(report, redact);
  for (const output of outputs) {
    const text = formatReport(report, output.format, redact, redacted);
    if (output.path === '-') {
      stdout(text);
      continue;
    }
    await mkdir(dirname(output.path), { recursive: true });
    await writeFile(output.path, text);
  }
}
