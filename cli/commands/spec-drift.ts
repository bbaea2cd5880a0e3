import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { TOOL } from '../../mock-server/core/version.ts';
import { PROTOCOL_SPECS } from '../../specs/index.ts';
import { type DriftFinding, DriftBudgetError, mappedComponentsIn, specDrift } from '../../specs/tooling/spec-drift.ts';
import { isObject } from '../../specs/tooling/spec-drift-source.ts';
import type { ProtocolSpec } from '../../specs/types.ts';
import { EXIT, UsageError } from '../exit-codes.ts';

/** Where the spec-drift command writes (injected so tests can run it in-process). */
export interface SpecDriftIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The protocol specs to choose from (default: every registered one; tests inject their own). */
  readonly specs?: Readonly<Record<string, ProtocolSpec>>;
}

/** Official documents larger than this are refused (the OpenAI one is ~3.4 MB). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export const SPEC_DRIFT_USAGE = `Usage: llm-conformance spec-drift --openapi FILE [options]

Compares our JSON Schemas with an official OpenAPI document (JSON): required and allowed
properties, enum values, nullability, variants, additionalProperties. Each protocol maps its
schemas to the official component names (ProtocolSpec.officialSchemas).

Options:
  --openapi FILE      the official OpenAPI 3.x document, as JSON
  --protocol LIST     comma-separated protocols to compare (default: every protocol most of whose
                      mapped components the document has): ${Object.keys(PROTOCOL_SPECS).join(', ')}
  --json              print the findings as JSON
  -h, --help          show this help

Findings are 'stricter' (ours rejects what the official spec allows: false failures), 'laxer'
(ours accepts what it forbids: missed deviations) or 'error' (the mapping names a missing schema).

Exit codes: 0 no drift; 1 drift found; 2 bad arguments or an unreadable document; 3 internal error.`;

/** `llm-conformance spec-drift`: returns the exit code. */
export async function specDriftCommand(argv: readonly string[], io: SpecDriftIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      openapi: { type: 'string' },
      protocol: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${SPEC_DRIFT_USAGE}\n`);
    return EXIT.ok;
  }
  if (values.openapi === undefined) throw new UsageError('--openapi FILE is required');
  const started = performance.now();
  const document = await readOpenApi(values.openapi);
  const specs = pickProtocols(io.specs ?? PROTOCOL_SPECS, values.protocol, document, values.openapi);
  const runs = specs.map((spec) => {
    try {
      return { spec, found: mappedComponentsIn(spec, document).length, ...specDrift(spec, document) };
    } catch (error) {
      if (error instanceof DriftBudgetError) throw new UsageError(`${values.openapi}: ${error.message}`);
      throw error;
    }
  });
  const durationMs = Math.round(performance.now() - started);
  const findings = runs.flatMap((r) => r.findings);
  const info = isObject(document.info) ? document.info : {};
  const source = { file: basename(values.openapi), title: String(info.title ?? ''), version: String(info.version ?? '') };
  if (values.json) {
    const protocols = runs.map((r) => ({ protocol: r.spec.id, mapped: Object.keys(r.spec.officialSchemas ?? {}).length, found: r.found, compared: r.compared, leftOff: r.leftOff }));
    io.stdout(`${JSON.stringify({ tool: { name: TOOL.name, version: TOOL.version }, openapi: source, durationMs, protocols, findings, summary: summarize(findings) }, null, 2)}\n`);
  } else {
    io.stdout(formatText(runs, source, durationMs));
  }
  return findings.length > 0 ? EXIT.failed : EXIT.ok;
}

async function readOpenApi(file: string): Promise<Readonly<Record<string, unknown>>> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new UsageError(`cannot read --openapi ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_DOCUMENT_BYTES) throw new UsageError(`--openapi ${JSON.stringify(file)} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`--openapi ${JSON.stringify(file)} is not JSON (YAML is not read: use the JSON form of the document)`);
    throw new UsageError(`cannot read --openapi ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const schemas = isObject(document) && isObject(document.components) ? document.components.schemas : undefined;
  if (!isObject(document) || typeof document.openapi !== 'string' || !isObject(schemas)) {
    throw new UsageError(`--openapi ${JSON.stringify(file)} is not an OpenAPI 3.x document with components.schemas`);
  }
  return document;
}

function pickProtocols(registry: Readonly<Record<string, ProtocolSpec>>, raw: string | undefined, document: unknown, file: string): ProtocolSpec[] {
  const all = Object.values(registry);
  if (raw === undefined) {
    // Component names collide across vendors (`Message`, `ErrorResponse`): a protocol is picked
    // when the document has most of the components it maps.
    const matching = all.filter((spec) => mappedComponentsIn(spec, document).length * 2 > Object.keys(spec.officialSchemas ?? {}).length);
    if (matching.length === 0) {
      throw new UsageError(`${file} has too few of the official components our protocols map (${all.filter((s) => s.officialSchemas).map((s) => s.id).join(', ') || 'none yet'}); pass --protocol`);
    }
    return matching;
  }
  const ids = raw.split(',').map((p) => p.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError('--protocol needs at least one protocol id');
  return ids.map((id) => {
    const spec = Object.hasOwn(registry, id) ? registry[id] : undefined;
    if (!spec) throw new UsageError(`unknown protocol ${JSON.stringify(id)}; known: ${all.map((s) => s.id).join(', ')}`);
    if (!spec.officialSchemas) throw new UsageError(`protocol ${id} declares no officialSchemas mapping yet (specs/${id}/)`);
    return spec;
  });
}

function summarize(findings: readonly DriftFinding[]): { total: number; stricter: number; laxer: number; error: number } {
  const count = (d: DriftFinding['direction']) => findings.filter((f) => f.direction === d).length;
  return { total: findings.length, stricter: count('stricter'), laxer: count('laxer'), error: count('error') };
}

const HEADINGS = {
  error: 'errors (the mapping or the document)',
  stricter: 'stricter: ours rejects what the official spec allows',
  laxer: 'laxer: ours accepts what the official spec forbids',
} as const;

function formatText(
  runs: readonly { spec: ProtocolSpec; found: number; findings: readonly DriftFinding[]; compared: number; leftOff: number }[],
  source: { file: string; title: string; version: string },
  durationMs: number,
): string {
  const lines: string[] = [];
  for (const run of runs) {
    const s = summarize(run.findings);
    const mapped = Object.keys(run.spec.officialSchemas ?? {}).length;
    lines.push(
      `${run.spec.id} vs ${source.title || source.file}${source.version ? ` ${source.version}` : ''}: ${s.total} difference${s.total === 1 ? '' : 's'} (${s.stricter} stricter, ${s.laxer} laxer, ${s.error} errors) — ${run.found}/${mapped} mapped components found, ${run.compared} schema pairs compared`,
    );
    for (const direction of ['error', 'stricter', 'laxer'] as const) {
      const group = run.findings.filter((f) => f.direction === direction);
      if (group.length === 0) continue;
      lines.push('', `  ${HEADINGS[direction]} (${group.length})`);
      for (const f of group) lines.push(`    ${f.path} [${f.kind}]: ${f.message}`, `        ours ${f.ours} · official ${f.official}`);
    }
    if (run.leftOff > 0) lines.push('', `  … and ${run.leftOff} more findings not shown`);
    lines.push('');
  }
  const total = runs.reduce((n, r) => n + r.findings.length, 0);
  lines.push(total === 0 ? `No drift (${durationMs} ms).` : `${total} differences in ${durationMs} ms — DRIFT`);
  return `${lines.join('\n')}\n`;
}
