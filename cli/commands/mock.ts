import { parseArgs } from 'node:util';
import { createMockServer } from '../../mock-server/create-mock-server.ts';
import type { OutputValidation } from '../../mock-server/core/pipeline.ts';
import type { RequestHandlerLike } from '../../mock-server/transports/node-http.ts';
import { serveNodeHttp } from '../../mock-server/transports/node-http.ts';
import { SUITES } from '../../suites/index.ts';
import type { Mutant } from '../../suites/harness/mutant.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { intOption } from '../options.ts';
import { redactQuery } from '../redact.ts';

/**
 * The mutant named `PROTOCOL/ID`, or `ID` when only one protocol has a mutant of that name (the
 * suites share deviations such as `bad-request-500`, so a bare name can be ambiguous).
 */
function findMutant(name: string): Mutant {
  const matches = ALL_MUTANTS.filter(({ protocol, mutant }) => `${protocol}/${mutant.id}` === name || mutant.id === name);
  if (matches.length === 1) return matches[0]!.mutant;
  if (matches.length === 0) throw new UsageError(`unknown mutant ${JSON.stringify(name)} (see --list-mutants)`);
  throw new UsageError(`mutant ${JSON.stringify(name)} exists in several protocols: use ${matches.map(({ protocol }) => `${protocol}/${name}`).join(' or ')}`);
}

/** Where the mock command writes, and how it learns to stop (injected for tests). */
export interface MockIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Resolves when the process should stop (SIGINT/SIGTERM in the real CLI). */
  readonly stopSignal: Promise<string>;
}

const ALL_MUTANTS = Object.values(SUITES).flatMap((suite) => suite.mutants.map((m) => ({ protocol: suite.protocol, mutant: m })));

export const MOCK_USAGE = `Usage: llm-conformance mock [options]

Serves the reference mock over HTTP until SIGINT/SIGTERM. Point an SDK at the printed URL
(Anthropic: baseURL = URL; OpenAI-style clients: URL + /v1).

Options:
  --port N                 port to listen on (default 4010; 0 picks a free one)
  --host HOST              interface to bind (default 127.0.0.1)
  --seed S                 seed for ids (same seed + same request = same bytes; default 0)
  --api-key KEY            accept only this key (repeatable); default: any non-empty key
  --validate-output MODE   report (default), throw (answer 500 when the mock breaks its spec) or off
  --catalog-only           serve only the catalog's models (default: an unlisted id of a known
                           family, e.g. claude-sonnet-5 or gpt-7, is served with its family's limits)
  --mutant ID              serve a deliberately broken variant (see --list-mutants): for testing your tooling;
                           PROTOCOL/ID when several protocols have a mutant of that name
  --list-mutants           list the mutants and exit
  --quiet                  do not log requests
  -h, --help               show this help`;

/** `llm-conformance mock`: serves until stopped; returns the exit code. */
export async function mockCommand(argv: readonly string[], io: MockIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'validate-output': { type: 'string', default: 'report' },
      'catalog-only': { type: 'boolean', default: false },
      mutant: { type: 'string' },
      'list-mutants': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${MOCK_USAGE}\n`);
    return EXIT.ok;
  }
  if (values['list-mutants']) {
    for (const { protocol, mutant } of ALL_MUTANTS) io.stdout(`${protocol}/${mutant.id}  ${mutant.description}\n`);
    return EXIT.ok;
  }
  const port = intOption(values.port, 'port', { min: 0, max: 65535, fallback: 4010 });
  const validateOutput = values['validate-output'];
  if (validateOutput !== 'report' && validateOutput !== 'throw' && validateOutput !== 'off') {
    throw new UsageError(`--validate-output must be report, throw or off, got ${JSON.stringify(validateOutput)}`);
  }
  const mutant = values.mutant === undefined ? undefined : findMutant(values.mutant);

  const mock = createMockServer({
    validateOutput: validateOutput as OutputValidation,
    catalogOnly: values['catalog-only'],
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values['api-key'] ? { apiKeys: values['api-key'] } : {}),
  });
  mock.on('violation', (v) => io.stderr(`[llm-conformance] the mock broke its own spec in ${v.operationId}: ${v.diagnostics.map((d) => d.message).join('; ')}\n`));
  mock.on('error', (e) => io.stderr(`[llm-conformance] internal error: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}\n`));
  if (!values.quiet) {
    // Credentials can come in the query (`?key=` of Gemini clients): never logged.
    mock.on('request:end', (e) => io.stderr(`${e.method} ${redactQuery(e.url)} ${e.status} ${e.durationMs.toFixed(1)} ms\n`));
  }
  const handler: RequestHandlerLike = mutant ? mutant.wrap(mock) : mock;

  let server;
  try {
    server = await serveNodeHttp(handler, { port, host: values.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.stderr(`llm-conformance mock: cannot listen on ${values.host}:${port}: ${code ?? (error as Error).message}\n`);
    return EXIT.failed;
  }
  const protocols = mock.protocols.map((p) => p.spec.id).join(', ');
  io.stdout(`llm-conformance mock listening on ${server.url} (protocols: ${protocols}${mutant ? `; MUTANT ${mutant.id}: ${mutant.description}` : ''})\n`);
  const signal = await io.stopSignal;
  await server.close();
  io.stderr(`llm-conformance mock stopped (${signal})\n`);
  return EXIT.ok;
}
