import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatDiagnostics } from '../specs/tooling/diagnostic.ts';
import { SchemaRegistry } from '../specs/tooling/schema-registry.ts';
import type { CheckLevel } from '../suites/harness/check.ts';
import type { CheckResult } from '../suites/harness/runner.ts';
import baselineSchema from './baseline.schema.json' with { type: 'json' };
import { fileSize } from './config-file.ts';
import { UsageError } from './exit-codes.ts';
import type { Redactor } from './redact.ts';

/** One known deviation: a check the target is known to fail, and why that is accepted. */
export interface BaselineEntry {
  readonly id: string;
  readonly reason: string;
  readonly level?: CheckLevel;
}

/** A baseline read from a file: its entries by check id. */
export interface Baseline {
  /** The path as given, for messages. */
  readonly label: string;
  readonly entries: ReadonlyMap<string, BaselineEntry>;
}

/** The file `--write-baseline` writes (`baseline.schema.json`). */
export interface BaselineFile {
  readonly $schema?: string;
  readonly version: 1;
  readonly deviations: readonly BaselineEntry[];
}

const MAX_BASELINE_BYTES = 16 * 1024 * 1024;
/** A reason taken from a failure message is cut to this length (the file is for people). */
const MAX_REASON = 300;

const registry = new SchemaRegistry([baselineSchema]);

/**
 * Reads `--baseline FILE`: a baseline file (`baseline.schema.json`: `{version: 1, deviations:
 * [{id, reason}]}`) or an earlier JSON report of `run --report-json`, whose failed checks are then
 * the known deviations (their messages the reasons). Validated before the run starts (read
 * synchronously, as the config file is).
 *
 * @see ./baseline.schema.json
 */
export function readBaseline(path: string, label = path): Baseline {
  const size = fileSize(path);
  if (size === undefined) throw new UsageError(`--baseline ${JSON.stringify(label)}: no such file (write one with --write-baseline)`);
  if (size < 0 || size > MAX_BASELINE_BYTES) throw new UsageError(`--baseline ${JSON.stringify(label)}: not a baseline file`);
  return parseBaseline(readFileSync(path, 'utf8'), label);
}

/** Parses the text of a baseline (or of a JSON report used as one). */
export function parseBaseline(text: string, label: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--baseline ${label} is not valid JSON: ${(error as Error).message}`);
  }
  if (isReport(value)) {
    const failed = value.checks.filter((c): c is typeof c & { id: string } => c.status === 'fail' && typeof c.id === 'string');
    return { label, entries: new Map(failed.map((c) => [c.id, { id: c.id, reason: `failed in ${label}: ${cut(String(c.message ?? ''))}`, ...(isLevel(c.level) ? { level: c.level } : {}) }])) };
  }
  const findings = registry.validate(baselineSchema.$id, value);
  if (findings.length > 0) throw new UsageError(`--baseline ${label}: ${formatDiagnostics(findings)} (expected {"version": 1, "deviations": [{"id": …, "reason": …}]} or a JSON report)`);
  const entries = new Map<string, BaselineEntry>();
  for (const entry of (value as BaselineFile).deviations) {
    if (entries.has(entry.id)) throw new UsageError(`--baseline ${label}: ${entry.id} is listed twice`);
    entries.set(entry.id, entry);
  }
  return { label, entries };
}

/**
 * The baseline of a run: every failed check (both levels, so that `--fail-on` can change later),
 * sorted by id for readable diffs. A reason already written in `previous` is kept (people write
 * them: a ticket, a vendor limitation); a new entry's reason is its failure message.
 */
export function baselineOf(results: readonly CheckResult[], previous: Baseline | undefined): BaselineFile {
  const deviations = results
    .filter((r) => r.status === 'fail')
    .map((r) => ({ id: r.id, level: r.level, reason: previous?.entries.get(r.id)?.reason ?? (cut(r.message) || 'failed') }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { $schema: baselineSchema.$id, version: 1, deviations };
}

/** Writes a baseline file, redacted like every output (a reason quotes what the target sent). */
export async function writeBaseline(path: string, baseline: BaselineFile, redact: Redactor): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${redact.json(baseline, 2)}\n`);
}

type ReportLike = { readonly tool: unknown; readonly checks: readonly { readonly id?: unknown; readonly status?: unknown; readonly message?: unknown; readonly level?: unknown }[] };

function isReport(value: unknown): value is ReportLike {
  return typeof value === 'object' && value !== null && 'tool' in value && Array.isArray((value as { checks?: unknown }).checks);
}

function isLevel(value: unknown): value is CheckLevel {
  return value === 'must' || value === 'should';
}

function cut(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}
