import { resolve } from 'node:path';
import type { ProtocolId } from '../specs/types.ts';
import type { Check } from '../suites/harness/check.ts';
import { filterProblems, matchesFilter } from '../suites/harness/filter.ts';
import type { ProtocolSuite } from '../suites/harness/suite.ts';
import { SUITE_PROTOCOLS, suiteFor } from '../suites/index.ts';
import { type LoadedConfig, loadConfig } from './config-file.ts';
import { baseUrlSources, type Env, type GivenTarget, type ProtocolTarget, resolveProtocolTarget, SDK_ENVIRONMENT, TOOL_ENV } from './config-targets.ts';
import { UsageError } from './exit-codes.ts';
import { headerOptions, headerSecrets, intValue } from './options.ts';

/**
 * The options of a run that CI and the vitest entry configure: target per protocol, selection,
 * gating and cost. Each comes from a flag (or the vitest entry's argument), the config file, or an
 * environment variable, in that order of precedence (README "Configuration").
 */

/** The lowest level whose failures fail the run. */
export type FailOn = 'must' | 'should';

/** Ranges of the numeric options (config.schema.json states the same; a test keeps them equal). */
export const RANGES = {
  timeout: { min: 10, max: 3_600_000, fallback: 60_000, unit: 'ms' },
  concurrency: { min: 1, max: 64, fallback: 4 },
  maxRequests: { min: 0, max: 100_000 },
  checkTimeout: { min: 10, max: 10_800_000, unit: 'ms' },
} as const;

/** `node:util` parseArgs definitions of these options (spread into the `run` command's own). */
export const RUN_OPTION_FLAGS = {
  'base-url': { type: 'string' },
  protocol: { type: 'string' },
  'api-key': { type: 'string' },
  model: { type: 'string' },
  header: { type: 'string', multiple: true },
  filter: { type: 'string' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'max-requests': { type: 'string' },
  'check-timeout': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  config: { type: 'string' },
} as const;

/** The option help lines of `run --help` for these options. */
export const RUN_OPTIONS_USAGE = `  --base-url URL       server root under which /v1/... lives (no trailing /v1); default: the embedded mock
  --protocol LIST      comma-separated protocols (default: those given a base URL, else all): ${SUITE_PROTOCOLS.join(', ')}
  --api-key KEY        API key for the target (default: $${TOOL_ENV.apiKey}, then the SDK's variable, e.g. $OPENAI_API_KEY)
  --model ID           model to use (default: the suite's default per protocol)
  --header 'Name: value'
                       send this header on every request (repeatable), e.g. gateway routing headers;
                       values of secret-looking names (authorization, *key*, *token*, cookie…) are redacted
  --filter PATTERN     checks to run, comma-separated: an area name (stream), protocol/area, a check id,
                       a glob over ids (anthropic-messages/stream/*) or tag:NAME; '!' excludes (e.g. 'stream,!tag:thinking')
  --fail-on LEVEL      must (default): only must failures fail the run; should: should failures too
  --baseline FILE      known deviations (a baseline file or an earlier JSON report): only other failures fail the run
  --write-baseline FILE
                       write the run's failures as a baseline to FILE (they then no longer fail the run)
  --max-requests N     send at most N requests in all, ${RANGES.maxRequests.min}-${RANGES.maxRequests.max}; the checks left are skipped (not-run)
  --dry-run            list the selected checks and the requests each makes (counted against the embedded mock); send nothing
  --timeout MS         per-request timeout in ms, ${RANGES.timeout.min}-${RANGES.timeout.max} (default ${RANGES.timeout.fallback})
  --check-timeout MS   per-check timeout in ms, ${RANGES.checkTimeout.min}-${RANGES.checkTimeout.max} (default: 3 request timeouts)
  --concurrency N      checks in flight at once, ${RANGES.concurrency.min}-${RANGES.concurrency.max} (default ${RANGES.concurrency.fallback})
  --config FILE        read options from FILE (default: ./llm-conformance.config.json when present)`;

/** The options as given by the highest layer: flags, or the vitest entry's arguments. */
export interface GivenOptions extends GivenTarget {
  readonly protocol?: string | readonly string[] | undefined;
  readonly filter?: string | undefined;
  readonly failOn?: FailOn | undefined;
  readonly baseline?: string | undefined;
  readonly writeBaseline?: string | undefined;
  readonly maxRequests?: number | undefined;
  readonly concurrency?: number | undefined;
  readonly timeoutMs?: number | undefined;
  readonly checkTimeoutMs?: number | undefined;
  readonly dryRun?: boolean | undefined;
  readonly config?: string | undefined;
}

/** The resolved options of a run. */
export interface RunSettings {
  readonly protocols: readonly ProtocolId[];
  /** One target per selected protocol. */
  readonly targets: Readonly<Partial<Record<ProtocolId, ProtocolTarget>>>;
  /** `--model` as given (the report's `target.model`; each protocol's model is in its target). */
  readonly model: string | undefined;
  /** `--header`s as given, sent to every protocol (the report's `target.headers`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly filter: string | undefined;
  readonly failOn: FailOn;
  /** Absolute paths. */
  readonly baseline: string | undefined;
  readonly writeBaseline: string | undefined;
  readonly maxRequests: number | undefined;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly checkTimeoutMs: number | undefined;
  readonly dryRun: boolean;
  /** The config file read, as messages name it. */
  readonly configFile: string | undefined;
}

/** The tool's environment variable for each scalar option (`--max-requests` → `$LLM_CONFORMANCE_MAX_REQUESTS`). */
export const OPTION_ENV = {
  protocol: 'LLM_CONFORMANCE_PROTOCOL',
  filter: 'LLM_CONFORMANCE_FILTER',
  failOn: 'LLM_CONFORMANCE_FAIL_ON',
  baseline: 'LLM_CONFORMANCE_BASELINE',
  maxRequests: 'LLM_CONFORMANCE_MAX_REQUESTS',
  concurrency: 'LLM_CONFORMANCE_CONCURRENCY',
  timeout: 'LLM_CONFORMANCE_TIMEOUT',
  checkTimeout: 'LLM_CONFORMANCE_CHECK_TIMEOUT',
  config: 'LLM_CONFORMANCE_CONFIG',
} as const;

type FlagValues = { readonly [K in keyof typeof RUN_OPTION_FLAGS]?: (typeof RUN_OPTION_FLAGS)[K]['type'] extends 'boolean' ? boolean : K extends 'header' ? string[] : string };

/** The flags of these options, parsed and checked (ranges, header syntax). */
export function givenFromFlags(values: FlagValues): GivenOptions {
  const int = (raw: string | undefined, flag: string, range: { min: number; max: number; unit?: string }) => (raw === undefined ? undefined : intValue(raw, `--${flag}`, range));
  return {
    baseUrl: values['base-url'],
    apiKey: values['api-key'],
    model: values.model,
    headers: values.header ? headerOptions(values.header) : undefined,
    protocol: values.protocol,
    filter: values.filter,
    failOn: values['fail-on'] === undefined ? undefined : failOn(values['fail-on'], '--fail-on'),
    baseline: nonEmptyPath(values.baseline, '--baseline'),
    writeBaseline: nonEmptyPath(values['write-baseline'], '--write-baseline'),
    maxRequests: int(values['max-requests'], 'max-requests', RANGES.maxRequests),
    concurrency: int(values.concurrency, 'concurrency', RANGES.concurrency),
    timeoutMs: int(values.timeout, 'timeout', RANGES.timeout),
    checkTimeoutMs: int(values['check-timeout'], 'check-timeout', RANGES.checkTimeout),
    dryRun: values['dry-run'],
    config: nonEmptyPath(values.config, '--config'),
  };
}

/**
 * Resolves a run's options: `given` (flags or arguments) over the config file over the
 * environment, then the protocols and one target each (see {@link resolveProtocolTarget}).
 * Synchronous, so the vitest entry can resolve them while vitest collects its tests.
 */
export function resolveRunSettings(raw: GivenOptions, env: Env, cwd: string, registry: readonly ProtocolId[] = SUITE_PROTOCOLS): RunSettings {
  const given = checkGiven(raw);
  const fromEnv = (name: string) => env[name]?.trim() || undefined;
  const config = loadConfig(given.config ?? fromEnv(OPTION_ENV.config), cwd);
  const file = config?.values ?? {};
  const envInt = (key: 'maxRequests' | 'concurrency' | 'timeout' | 'checkTimeout') => {
    const raw = fromEnv(OPTION_ENV[key]);
    return raw === undefined ? undefined : intValue(raw, `$${OPTION_ENV[key]}`, RANGES[key]);
  };
  const envFailOn = fromEnv(OPTION_ENV.failOn);
  const configPath = (path: string | undefined) => (path === undefined || !config ? undefined : resolve(config.dir, path));
  const baseline = given.baseline ?? configPath(file.baseline) ?? fromEnv(OPTION_ENV.baseline);
  const { protocols, targets } = selectTargets(given.protocol ?? file.protocol ?? fromEnv(OPTION_ENV.protocol), given, config, env, registry);
  return {
    protocols,
    targets,
    model: given.model,
    headers: given.headers ?? {},
    filter: given.filter ?? file.filter ?? fromEnv(OPTION_ENV.filter),
    failOn: given.failOn ?? file.failOn ?? (envFailOn === undefined ? 'must' : failOn(envFailOn, `$${OPTION_ENV.failOn}`)),
    baseline: baseline === undefined ? undefined : resolve(cwd, baseline),
    writeBaseline: given.writeBaseline === undefined ? undefined : resolve(cwd, given.writeBaseline),
    maxRequests: given.maxRequests ?? file.maxRequests ?? envInt('maxRequests'),
    concurrency: given.concurrency ?? file.concurrency ?? envInt('concurrency') ?? RANGES.concurrency.fallback,
    timeoutMs: given.timeoutMs ?? file.timeout ?? envInt('timeout') ?? RANGES.timeout.fallback,
    checkTimeoutMs: given.checkTimeoutMs ?? file.checkTimeout ?? envInt('checkTimeout'),
    dryRun: given.dryRun ?? false,
    configFile: config?.label,
  };
}

/**
 * Which protocols run, each with its target. Named protocols (`--protocol`, `protocol`,
 * `$LLM_CONFORMANCE_PROTOCOL`) run; otherwise the protocols something gives a base URL (a CI job
 * exporting `OPENAI_BASE_URL` tests its OpenAI protocols), or all of them against the embedded
 * mock when nothing does. A run never mixes: a selected protocol without a base URL next to one
 * with a base URL is a usage error that names the ways to give one.
 */
function selectTargets(raw: string | readonly string[] | undefined, given: GivenOptions, config: LoadedConfig | undefined, env: Env, registry: readonly ProtocolId[]) {
  for (const name of Object.keys(config?.values.targets ?? {})) {
    if (!(registry as readonly string[]).includes(name)) throw new UsageError(`${config!.label}: targets.${name}: no suite for this protocol; known: ${registry.join(', ')}`);
  }
  const named = raw === undefined ? undefined : parseProtocols(raw, registry);
  const hasBase = (p: ProtocolId) => given.baseUrl !== undefined || baseUrlCandidate(p, config, env) !== undefined;
  const withBase = registry.filter(hasBase);
  const protocols = named ?? (withBase.length > 0 ? withBase : [...registry]);
  const missing = protocols.filter((p) => !hasBase(p));
  if (missing.length > 0 && missing.length < protocols.length) {
    const targeted = protocols.find(hasBase)!;
    throw new UsageError(
      `no base URL for ${missing.join(', ')} while ${targeted} has one (a run targets one server per protocol, never the embedded mock for some): ` +
        `give ${baseUrlSources(missing[0]!, config?.label).join(', or ')}; or leave ${missing.length > 1 ? 'them' : 'it'} out with --protocol`,
    );
  }
  const targets: Partial<Record<ProtocolId, ProtocolTarget>> = {};
  for (const protocol of protocols) targets[protocol] = resolveProtocolTarget(protocol, given, config, env);
  return { protocols, targets };
}

/** Whether the config or the environment gives `protocol` a base URL (unchecked: selection only). */
function baseUrlCandidate(protocol: ProtocolId, config: LoadedConfig | undefined, env: Env): string | undefined {
  const sdk = SDK_ENVIRONMENT[protocol];
  const values = [config?.values.targets?.[protocol]?.baseUrl, config?.values.baseUrl, env[TOOL_ENV.baseUrl], sdk ? env[sdk.baseUrl.name] : undefined];
  return values.find((v) => v !== undefined && v.trim() !== '');
}

/** `--protocol a,b` (or a config array): known suites only, at least one, each once. */
export function parseProtocols(raw: string | readonly string[], registry: readonly ProtocolId[] = SUITE_PROTOCOLS): ProtocolId[] {
  const ids = (typeof raw === 'string' ? raw.split(',') : [...raw]).map((p) => p.trim()).filter(Boolean);
  const unknown = ids.filter((p) => !(registry as readonly string[]).includes(p));
  if (unknown.length > 0 || ids.length === 0) {
    throw new UsageError(`unknown protocol ${unknown.map((p) => JSON.stringify(p)).join(', ') || '(empty)'}; known: ${registry.join(', ')}`);
  }
  return [...new Set(ids)] as ProtocolId[];
}

/**
 * The given options checked as flags are (the vitest entry's arguments come typed, but from
 * JavaScript too): numbers within their ranges, a known level.
 */
function checkGiven(given: GivenOptions): GivenOptions {
  const int = (value: number | undefined, name: string, range: { min: number; max: number; unit?: string }) => (value === undefined ? undefined : intValue(String(value), name, range));
  return {
    ...given,
    failOn: given.failOn === undefined ? undefined : failOn(given.failOn, 'failOn'),
    maxRequests: int(given.maxRequests, 'maxRequests', RANGES.maxRequests),
    concurrency: int(given.concurrency, 'concurrency', RANGES.concurrency),
    timeoutMs: int(given.timeoutMs, 'timeoutMs', RANGES.timeout),
    checkTimeoutMs: int(given.checkTimeoutMs, 'checkTimeoutMs', RANGES.checkTimeout),
  };
}

function failOn(raw: string, from: string): FailOn {
  if (raw === 'must' || raw === 'should') return raw;
  throw new UsageError(`${from} must be must or should, got ${JSON.stringify(raw.slice(0, 40))}`);
}

function nonEmptyPath(raw: string | undefined, flag: string): string | undefined {
  if (raw !== undefined && raw.trim() === '') throw new UsageError(`${flag} needs a file path`);
  return raw;
}

/** The keys the environment holds for any protocol (redacted from the start, used or not). */
export function environmentSecrets(env: Env): (string | undefined)[] {
  const names = new Set<string>([TOOL_ENV.apiKey, ...Object.values(SDK_ENVIRONMENT).flatMap((sdk) => sdk.apiKey)]);
  return [...names].map((name) => env[name]);
}

/** Every secret of a run: each target's key, its secret header values, key-like query parameters of its base URL. */
export function settingsSecrets(settings: Pick<RunSettings, 'targets'>): string[] {
  return Object.values(settings.targets).flatMap((target) => {
    const query = target.baseUrl ? [...new URL(target.baseUrl).searchParams].filter(([name]) => /key|token|secret|auth/i.test(name)).map(([, v]) => v) : [];
    return [...(target.apiKey ? [target.apiKey] : []), ...headerSecrets(target.headers), ...query];
  });
}

/** The selected checks per protocol, in registry order; a `--filter` term that selects nothing is a usage error. */
export function selectChecks(settings: Pick<RunSettings, 'protocols' | 'filter'>): { suite: ProtocolSuite; checks: Check[] }[] {
  const suites = settings.protocols.map(suiteFor);
  const { filter } = settings;
  if (filter !== undefined) {
    const problems = filterProblems(filter, suites.flatMap((suite) => suite.checks));
    if (problems.length > 0) throw new UsageError(`--filter: ${problems.join('; ')} (try --list)`);
  }
  return suites.map((suite) => ({ suite, checks: suite.checks.filter((c) => matchesFilter(c, filter)) }));
}
