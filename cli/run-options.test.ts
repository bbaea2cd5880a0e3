import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/cli-helpers.ts';
import configSchema from './config.schema.json' with { type: 'json' };
import { parseConfig } from './config-file.ts';
import { resolveProtocolTarget } from './config-targets.ts';
import { UsageError } from './exit-codes.ts';
import { givenFromFlags, RANGES, resolveRunSettings } from './run-options.ts';

const dir = useTempDir('llm-conformance-config-');
/** Two registered protocols, whatever the registry holds today (selection needs more than one). */
const REGISTRY = ['anthropic-messages', 'openai-chat'] as const;

async function project(name: string, config?: unknown): Promise<string> {
  const cwd = join(dir(), name);
  await mkdir(cwd, { recursive: true });
  if (config !== undefined) await writeFile(join(cwd, 'llm-conformance.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return cwd;
}

const settle = <T>(run: () => T): { value: T } | { error: Error } => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error as Error };
  }
};

describe('precedence: flags > config file > environment', () => {
  const env = { LLM_CONFORMANCE_BASE_URL: 'http://env.example', ANTHROPIC_API_KEY: 'sk-ant-env-key', LLM_CONFORMANCE_CONCURRENCY: '2', LLM_CONFORMANCE_FAIL_ON: 'should' };

  it('the environment alone configures a run', async () => {
    const settings = resolveRunSettings({}, env, await project('env-only'), REGISTRY);
    expect(settings.protocols).toEqual(['anthropic-messages', 'openai-chat']);
    expect(settings.targets['anthropic-messages']).toMatchObject({ baseUrl: 'http://env.example', baseUrlFrom: '$LLM_CONFORMANCE_BASE_URL', apiKey: 'sk-ant-env-key', apiKeyFrom: '$ANTHROPIC_API_KEY' });
    // ANTHROPIC_API_KEY is Anthropic's: an OpenAI protocol does not get it.
    expect(settings.targets['openai-chat']).toMatchObject({ baseUrl: 'http://env.example', apiKey: undefined });
    expect([settings.concurrency, settings.failOn]).toEqual([2, 'should']);
  });

  it('the config file overrides the environment, a protocol entry its top level; flags override both', async () => {
    const cwd = await project('layers', {
      baseUrl: 'http://config.example',
      apiKeyEnv: 'GATEWAY_KEY',
      headers: { 'x-route': 'top', 'x-top': '1' },
      concurrency: 3,
      targets: { 'openai-chat': { baseUrl: 'http://chat.example', model: 'gpt-x', headers: { 'x-route': 'chat' } } },
    });
    const withEnv = { ...env, GATEWAY_KEY: 'gw-secret-key' };
    const fromFile = resolveRunSettings({}, withEnv, cwd, REGISTRY);
    expect(fromFile.concurrency).toBe(3);
    expect(fromFile.configFile).toBe('llm-conformance.config.json');
    expect(fromFile.targets['anthropic-messages']).toMatchObject({ baseUrl: 'http://config.example', apiKey: 'gw-secret-key', apiKeyFrom: '$GATEWAY_KEY (llm-conformance.config.json apiKeyEnv)', headers: { 'x-route': 'top', 'x-top': '1' } });
    expect(fromFile.targets['openai-chat']).toMatchObject({ baseUrl: 'http://chat.example', baseUrlFrom: 'llm-conformance.config.json targets.openai-chat.baseUrl', model: 'gpt-x', headers: { 'x-route': 'chat', 'x-top': '1' } });

    const flags = givenFromFlags({ 'base-url': 'http://flag.example', 'api-key': 'sk-flag-key', concurrency: '5', header: ['X-Route: flag'] });
    const fromFlags = resolveRunSettings(flags, withEnv, cwd, REGISTRY);
    expect(fromFlags.concurrency).toBe(5);
    for (const protocol of REGISTRY) {
      expect(fromFlags.targets[protocol]).toMatchObject({ baseUrl: 'http://flag.example', baseUrlFrom: '--base-url', apiKey: 'sk-flag-key', apiKeyFrom: '--api-key' });
      expect(fromFlags.targets[protocol]?.headers['x-route']).toBe('flag');
    }
  });

  it('--config names another file; relative paths in it are relative to it', async () => {
    const cwd = await project('explicit');
    await mkdir(join(cwd, 'ci'), { recursive: true });
    await writeFile(join(cwd, 'ci', 'conformance.json'), JSON.stringify({ baseline: 'known.json', maxRequests: 40 }));
    const settings = resolveRunSettings({ config: 'ci/conformance.json' }, {}, cwd, REGISTRY);
    expect([settings.baseline, settings.maxRequests, settings.configFile]).toEqual([join(cwd, 'ci', 'known.json'), 40, join('ci', 'conformance.json')]);
    expect(settle(() => resolveRunSettings({ config: 'nope.json' }, {}, cwd, REGISTRY))).toMatchObject({ error: new UsageError('--config "nope.json": no such file') });
  });
});

describe("the SDKs' environment variables", () => {
  it('OPENAI_BASE_URL ends in /v1 by convention: the server root is what precedes it', () => {
    const target = resolveProtocolTarget('openai-chat', {}, undefined, { OPENAI_BASE_URL: 'https://gw.example/openai/v1/', OPENAI_API_KEY: 'sk-openai' });
    expect(target).toMatchObject({ baseUrl: 'https://gw.example/openai', baseUrlFrom: '$OPENAI_BASE_URL', apiKey: 'sk-openai' });
    expect(() => resolveProtocolTarget('openai-chat', {}, undefined, { OPENAI_BASE_URL: 'https://gw.example/openai' })).toThrow(
      '$OPENAI_BASE_URL ("https://gw.example/openai") does not end in /v1, as the SDK\'s convention has it',
    );
  });

  it('Gemini: GOOGLE_API_KEY wins over GEMINI_API_KEY (as @google/genai does); GOOGLE_GEMINI_BASE_URL is the root', () => {
    const both = resolveProtocolTarget('gemini', {}, undefined, { GOOGLE_GEMINI_BASE_URL: 'http://g.example', GEMINI_API_KEY: 'gem-key', GOOGLE_API_KEY: 'goog-key' });
    expect(both).toMatchObject({ baseUrl: 'http://g.example', apiKey: 'goog-key', apiKeyFrom: '$GOOGLE_API_KEY' });
    expect(resolveProtocolTarget('gemini', {}, undefined, { GEMINI_API_KEY: 'gem-key', GOOGLE_API_KEY: '' })).toMatchObject({ apiKey: 'gem-key', apiKeyFrom: '$GEMINI_API_KEY' });
  });

  it('LLM_CONFORMANCE_API_KEY applies to every protocol and wins over the SDK variables', () => {
    const env = { LLM_CONFORMANCE_API_KEY: 'tool-key', ANTHROPIC_API_KEY: 'ant-key', OPENAI_API_KEY: 'oai-key' };
    for (const protocol of ['anthropic-messages', 'openai-chat', 'gemini'] as const) expect(resolveProtocolTarget(protocol, {}, undefined, env).apiKey).toBe('tool-key');
  });

  it('a base URL is checked wherever it comes from', () => {
    expect(() => resolveProtocolTarget('anthropic-messages', {}, undefined, { ANTHROPIC_BASE_URL: 'http://u:p@h.example' })).toThrow('$ANTHROPIC_BASE_URL must not contain credentials');
    expect(() => resolveProtocolTarget('anthropic-messages', {}, undefined, { LLM_CONFORMANCE_BASE_URL: 'ftp://h.example' })).toThrow('$LLM_CONFORMANCE_BASE_URL must be http(s)');
  });
});

describe('which protocols run', () => {
  it('those something gives a base URL; all (against the embedded mock) when nothing does', async () => {
    const cwd = await project('selection');
    expect((resolveRunSettings({}, { OPENAI_BASE_URL: 'http://o.example/v1' }, cwd, REGISTRY)).protocols).toEqual(['openai-chat']);
    const embedded = resolveRunSettings({}, {}, cwd, REGISTRY);
    expect(embedded.protocols).toEqual([...REGISTRY]);
    expect(Object.values(embedded.targets).map((t) => t.baseUrl)).toEqual([undefined, undefined]);
    // Named protocols without any base URL run against the embedded mock, whatever else has one.
    expect((resolveRunSettings({ protocol: 'anthropic-messages' }, { OPENAI_BASE_URL: 'http://o.example/v1' }, cwd, REGISTRY)).targets['anthropic-messages']?.baseUrl).toBeUndefined();
  });

  it('never the embedded mock for some and a server for others: the error names every way to give a base URL', async () => {
    const cwd = await project('mixed');
    const result = settle(() => resolveRunSettings({ protocol: 'anthropic-messages,openai-chat' }, { OPENAI_BASE_URL: 'http://o.example/v1' }, cwd, REGISTRY));
    expect(result).toHaveProperty('error');
    const message = (result as { error: Error }).error.message;
    expect(message).toContain('no base URL for anthropic-messages while openai-chat has one');
    for (const way of ['--base-url', '"baseUrl"', '$LLM_CONFORMANCE_BASE_URL', '$ANTHROPIC_BASE_URL', '--protocol']) expect(message).toContain(way);
  });
});

describe('the config file is checked before the run', () => {
  it.each([
    [{ apiKey: 'sk-live-123456' }, 'apiKey holds a key, and keys never go in a configuration file'],
    [{ targets: { 'openai-chat': { apiKey: 'sk-live-123456' } } }, 'targets.openai-chat.apiKey holds a key'],
    [{ concurrency: 100 }, 'concurrency: Input should be less than or equal to 64'],
    [{ failOn: 'may' }, "failOn: Input should be 'must' or 'should'"],
    [{ concurency: 2 }, 'concurency: unknown option'],
    [{ targets: { 'openai-chat': { baseurl: 'x' } } }, 'targets.openai-chat.baseurl: unknown option'],
    [{ apiKeyEnv: 'not a name' }, 'apiKeyEnv: '],
    [{ headers: { 'x-portkey-api-key': 'pk-live-secret' } }, '"x-portkey-api-key" is a credential: keep it out of the file'],
    [{ headers: { 'content-length': '3' } }, 'llm-conformance.config.json headers: "content-length" is managed by the HTTP client'],
    [{ headers: { 'x-portkey-api-key': { env: 'PORTKEY_KEY' } } }, 'llm-conformance.config.json headers: "x-portkey-api-key" comes from $PORTKEY_KEY, which is not set'],
    [{ targets: { 'no-such-protocol': {} } }, 'targets.no-such-protocol: no suite for this protocol'],
    [{ baseUrl: 'http://h.example/v1' }, 'llm-conformance.config.json baseUrl is the server root: drop the trailing /v1'],
    [{ baseUrl: 'http://h.example', apiKeyEnv: 'UNSET_GATEWAY_KEY' }, 'llm-conformance.config.json apiKeyEnv names $UNSET_GATEWAY_KEY, which is not set'],
    ['{"baseUrl": ', 'llm-conformance.config.json is not valid JSON'],
  ])('%j: %s', async (config, message) => {
    const cwd = await project(`bad-${Math.random().toString(36).slice(2)}`, config);
    const result = settle(() => resolveRunSettings({}, {}, cwd, REGISTRY));
    expect(result).toHaveProperty('error');
    expect((result as { error: Error }).error).toBeInstanceOf(UsageError);
    expect((result as { error: Error }).error.message).toContain(message);
    expect((result as { error: Error }).error.message).not.toContain('sk-live-123456');
    expect((result as { error: Error }).error.message).not.toContain('pk-live-secret');
  });

  it('a credential header comes from the environment', async () => {
    const cwd = await project('header-env', { baseUrl: 'http://h.example', headers: { 'x-portkey-api-key': { env: 'PORTKEY_KEY' }, 'x-portkey-provider': 'anthropic' } });
    const settings = resolveRunSettings({}, { PORTKEY_KEY: 'pk-from-env' }, cwd, REGISTRY);
    expect(settings.targets['anthropic-messages']?.headers).toEqual({ 'x-portkey-api-key': 'pk-from-env', 'x-portkey-provider': 'anthropic' });
  });

  it('the schema states the same ranges as the code', () => {
    const props = configSchema.properties;
    const pairs = { timeout: props.timeout, concurrency: props.concurrency, maxRequests: props.maxRequests, checkTimeout: props.checkTimeout };
    for (const [name, schema] of Object.entries(pairs)) expect([schema.minimum, schema.maximum], name).toEqual([RANGES[name as keyof typeof RANGES].min, RANGES[name as keyof typeof RANGES].max]);
  });

  it('accepts a complete, valid file', () => {
    const full = {
      $schema: './node_modules/llm-conformance/dist/cli/config.schema.json',
      baseUrl: 'http://127.0.0.1:4000',
      apiKeyEnv: 'GATEWAY_KEY',
      model: 'm',
      headers: { 'x-route': 'a', authorization: { env: 'AUTH' } },
      targets: { gemini: { baseUrl: 'http://g', apiKeyEnv: 'GEMINI_API_KEY', model: 'gemini-x', headers: {} } },
      protocol: ['gemini'],
      filter: 'stream,!tag:thinking',
      failOn: 'should',
      baseline: 'baseline.json',
      maxRequests: 100,
      concurrency: 2,
      timeout: 30000,
      checkTimeout: 90000,
    };
    expect(parseConfig(JSON.stringify(full), 'c.json')).toEqual(full);
  });
});

describe('options from the environment are checked like flags', () => {
  it.each([
    [{ LLM_CONFORMANCE_MAX_REQUESTS: '-1' }, '$LLM_CONFORMANCE_MAX_REQUESTS must be an integer from 0 to 100000, got "-1"'],
    [{ LLM_CONFORMANCE_FAIL_ON: 'all' }, '$LLM_CONFORMANCE_FAIL_ON must be must or should, got "all"'],
    [{ LLM_CONFORMANCE_PROTOCOL: 'nope' }, 'unknown protocol "nope"'],
  ])('%j: %s', async (env, message) => {
    const cwd = await project('env-bad');
    expect(settle(() => resolveRunSettings({}, env, cwd, REGISTRY))).toMatchObject({ error: expect.objectContaining({ message: expect.stringContaining(message) }) });
  });
});

it('arguments given in code (the vitest entry) are checked like flags', async () => {
  const cwd = await project('given');
  expect(settle(() => resolveRunSettings({ concurrency: 1000 }, {}, cwd, REGISTRY))).toMatchObject({ error: new UsageError('concurrency must be an integer from 1 to 64, got "1000"') });
  expect(settle(() => resolveRunSettings({ maxRequests: -1 }, {}, cwd, REGISTRY))).toMatchObject({ error: new UsageError('maxRequests must be an integer from 0 to 100000, got "-1"') });
  expect(settle(() => resolveRunSettings({ failOn: 'always' as 'must' }, {}, cwd, REGISTRY))).toMatchObject({ error: new UsageError('failOn must be must or should, got "always"') });
});
