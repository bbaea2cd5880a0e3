import type { ProtocolId } from '../specs/types.ts';
import type { ConfigHeaderValue, ConfigTarget, LoadedConfig } from './config-file.ts';
import { UsageError } from './exit-codes.ts';
import { headerOptions, isSecretHeader } from './options.ts';
import { MAX_SECRET_LENGTH } from './redact.ts';

/** Environment variables, as `process.env` holds them (an empty value counts as unset). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment variables each official SDK reads, so a run configured for the SDKs (a CI job
 * that already exports them for the gateway's own tests) needs nothing else. A protocol missing
 * here has only the tool's own variables (`LLM_CONFORMANCE_*`).
 *
 * - OpenAI (`openai` reads `OPENAI_BASE_URL` and `OPENAI_API_KEY`): the base URL ends in `/v1`
 *   by convention (`https://api.openai.com/v1`), which is stripped to get the server root.
 * - Anthropic (`@anthropic-ai/sdk`: `ANTHROPIC_BASE_URL`, `ANTHROPIC_API_KEY`): the base URL is
 *   the server root already.
 * - Gemini (`@google/genai`: `GOOGLE_GEMINI_BASE_URL`; `GOOGLE_API_KEY` wins over
 *   `GEMINI_API_KEY` when both are set, as the SDK does): the server root (the SDK adds `/v1beta`).
 *
 * @see https://github.com/openai/openai-node#usage
 * @see https://github.com/anthropics/anthropic-sdk-typescript#usage
 * @see https://github.com/googleapis/js-genai (getApiKeyFromEnv, getBaseUrl)
 */
export const SDK_ENVIRONMENT: Readonly<Partial<Record<ProtocolId, SdkEnvironment>>> = {
  'anthropic-messages': { baseUrl: { name: 'ANTHROPIC_BASE_URL' }, apiKey: ['ANTHROPIC_API_KEY'] },
  'openai-chat': { baseUrl: { name: 'OPENAI_BASE_URL', suffix: '/v1' }, apiKey: ['OPENAI_API_KEY'] },
  'openai-responses': { baseUrl: { name: 'OPENAI_BASE_URL', suffix: '/v1' }, apiKey: ['OPENAI_API_KEY'] },
  gemini: { baseUrl: { name: 'GOOGLE_GEMINI_BASE_URL' }, apiKey: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'] },
};

export interface SdkEnvironment {
  /** The variable holding the base URL; `suffix` is the API version path the convention appends. */
  readonly baseUrl: { readonly name: string; readonly suffix?: string };
  /** The variables holding the key, in the SDK's order of precedence. */
  readonly apiKey: readonly string[];
}

/** The tool's own variables: they apply to every protocol and win over the SDKs'. */
export const TOOL_ENV = { baseUrl: 'LLM_CONFORMANCE_BASE_URL', apiKey: 'LLM_CONFORMANCE_API_KEY', model: 'LLM_CONFORMANCE_MODEL' } as const;

/** Where one protocol's checks go, resolved from flags, the config file and the environment. */
export interface ProtocolTarget {
  readonly protocol: ProtocolId;
  /** The server root; `undefined`: the embedded reference mock. */
  readonly baseUrl: string | undefined;
  readonly apiKey: string | undefined;
  readonly model: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** Where the base URL came from (`--base-url`, `llm-conformance.config.json targets.gemini.baseUrl`, `$OPENAI_BASE_URL`). */
  readonly baseUrlFrom: string | undefined;
  /** Where the key came from, named the same way. */
  readonly apiKeyFrom: string | undefined;
  /** Every way to give this protocol a key, for messages ("give --api-key, or set …"). */
  readonly keySources: readonly string[];
}

/** The highest layer: flags, or the vitest entry's arguments. */
export interface GivenTarget {
  readonly baseUrl?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly model?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** A value and where it came from; the first defined one of a list wins. */
type Sourced = { readonly value: string; readonly from: string } | undefined;

const first = (...candidates: Sourced[]): Sourced => candidates.find((c) => c !== undefined);

function fromEnv(env: Env, name: string): Sourced {
  const value = env[name]?.trim();
  return value ? { value, from: `$${name}` } : undefined;
}

function fromValue(value: string | undefined, from: string): Sourced {
  return value === undefined ? undefined : { value, from };
}

/**
 * One protocol's target. Precedence, for each value: flags (or the vitest arguments), then the
 * config file (`targets.<protocol>` before its top level), then the environment (`LLM_CONFORMANCE_*`
 * before the SDK's variables). Headers add up in the same order, a later layer replacing a header
 * of the same name. A base URL is checked wherever it comes from.
 */
export function resolveProtocolTarget(protocol: ProtocolId, given: GivenTarget, config: LoadedConfig | undefined, env: Env): ProtocolTarget {
  const file = config?.values;
  const own: ConfigTarget = file?.targets?.[protocol] ?? {};
  const at = (field: string, scoped: boolean) => `${config?.label} ${scoped ? `targets.${protocol}.` : ''}${field}`;
  const sdk = SDK_ENVIRONMENT[protocol];

  const sdkBase = sdk ? fromEnv(env, sdk.baseUrl.name) : undefined;
  const base = first(
    fromValue(given.baseUrl, '--base-url'),
    fromValue(own.baseUrl, at('baseUrl', true)),
    fromValue(file?.baseUrl, at('baseUrl', false)),
    fromEnv(env, TOOL_ENV.baseUrl),
    sdkBase && { value: stripSuffix(sdkBase.value, sdk!.baseUrl.suffix, sdkBase.from), from: sdkBase.from },
  );

  const keyEnv = first(fromValue(own.apiKeyEnv, at('apiKeyEnv', true)), fromValue(file?.apiKeyEnv, at('apiKeyEnv', false)));
  const named = keyEnv && fromEnv(env, keyEnv.value);
  const keyFromConfig = named && { value: named.value, from: `${named.from} (${keyEnv.from})` };
  // A config that names a variable the environment does not set is a mistake worth stopping for,
  // but only when the key is needed (the embedded mock takes any).
  if (keyEnv && !keyFromConfig && base) throw new UsageError(`${keyEnv.from} names $${keyEnv.value}, which is not set (the key of ${protocol})`);
  const key = first(fromValue(given.apiKey, '--api-key'), keyFromConfig, fromEnv(env, TOOL_ENV.apiKey), ...(sdk?.apiKey ?? []).map((name) => fromEnv(env, name)));
  if (key && key.value.length > MAX_SECRET_LENGTH) throw new UsageError(`the API key${key.from === '--api-key' ? '' : ` in ${key.from}`} is longer than ${MAX_SECRET_LENGTH} characters`);

  const model = first(fromValue(given.model, '--model'), fromValue(own.model, ''), fromValue(file?.model, ''), fromEnv(env, TOOL_ENV.model));
  return {
    protocol,
    baseUrl: base && checkBaseUrl(base.value, base.from),
    apiKey: key?.value,
    model: model?.value,
    headers: { ...configHeaders(file?.headers, at('headers', false), env), ...configHeaders(own.headers, at('headers', true), env), ...given.headers },
    baseUrlFrom: base?.from,
    apiKeyFrom: key?.from,
    keySources: [
      '--api-key',
      `"apiKeyEnv" (or "targets": {"${protocol}": {"apiKeyEnv": …}}) in ${config?.label ?? 'llm-conformance.config.json'}`,
      ...[TOOL_ENV.apiKey, ...(sdk?.apiKey ?? [])].map((name) => `$${name}`),
    ],
  };
}

/** The variables that would give `protocol` a base URL, for the message that says one is missing. */
export function baseUrlSources(protocol: ProtocolId, configLabel: string | undefined): string[] {
  const sdk = SDK_ENVIRONMENT[protocol];
  return ['--base-url', `"baseUrl" (or "targets": {"${protocol}": {"baseUrl": …}}) in ${configLabel ?? 'llm-conformance.config.json'}`, `$${TOOL_ENV.baseUrl}`, ...(sdk ? [`$${sdk.baseUrl.name}`] : [])];
}

/** `https://api.openai.com/v1` → `https://api.openai.com`; a URL without the suffix cannot be mapped. */
function stripSuffix(raw: string, suffix: string | undefined, from: string): string {
  if (!suffix) return raw;
  const trimmed = raw.replace(/\/+$/, '');
  if (trimmed.endsWith(suffix)) return trimmed.slice(0, -suffix.length);
  throw new UsageError(
    `${from} (${JSON.stringify(raw)}) does not end in ${suffix}, as the SDK's convention has it; llm-conformance needs the server root under which ${suffix}/... lives: give it with --base-url or $${TOOL_ENV.baseUrl}`,
  );
}

/**
 * A base URL the suites can use: http(s), no credentials (fetch refuses them, so every request
 * would fail, each printing the URL), and the server root (the SDK conventions differ: OpenAI's
 * base ends in /v1, Anthropic's does not; the suites add /v1 themselves). `from` names the
 * option, setting or variable in messages.
 */
export function checkBaseUrl(raw: string, from: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${from} ${JSON.stringify(raw)} is not a URL (expected e.g. http://127.0.0.1:4010)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${from} must be http(s), got ${url.protocol}`);
  if (url.username || url.password) {
    throw new UsageError(`${from} must not contain credentials (user:password@); send them with --header 'Authorization: Basic …' or --api-key`);
  }
  if (/\/v1\/?$/.test(url.pathname)) throw new UsageError(`${from} is the server root: drop the trailing /v1 (use ${raw.replace(/\/v1\/?$/, '')})`);
  return raw.replace(/\/+$/, '');
}

/**
 * A config file's headers, checked like `--header`: a credential (a secret-looking name) must
 * come from the environment (`{"env": "NAME"}`), since the file gets committed.
 */
function configHeaders(headers: Readonly<Record<string, ConfigHeaderValue>> | undefined, at: string, env: Env): Record<string, string> {
  if (!headers) return {};
  const lines = Object.entries(headers).map(([name, value]) => {
    if (typeof value === 'string') {
      if (isSecretHeader(name) && value !== '') throw new UsageError(`${at}: ${JSON.stringify(name)} is a credential: keep it out of the file, e.g. {"env": "GATEWAY_KEY"}`);
      return `${name}: ${value}`;
    }
    const fromVariable = env[value.env];
    if (!fromVariable) throw new UsageError(`${at}: ${JSON.stringify(name)} comes from $${value.env}, which is not set`);
    return `${name}: ${fromVariable}`;
  });
  try {
    return headerOptions(lines);
  } catch (error) {
    throw error instanceof UsageError ? new UsageError(`${at}: ${error.message.replace(/^--header /, '')}`) : error;
  }
}

/**
 * What to add to a preflight's "key rejected" message when no key was given: every way to give
 * one. Empty otherwise (a key was given and is wrong, or the problem is another).
 */
export function missingKeyHint(target: ProtocolTarget | undefined, problem: string | undefined): string {
  if (problem !== 'auth' || !target?.baseUrl || target.apiKey) return '';
  return `; no API key was given for ${target.protocol}: give ${target.keySources.join(', or ')}`;
}
