import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { DEFAULT_MODELS } from '../../core/model-catalog.ts';
import { anthropicGet, validateAnthropic } from '../../test-support.ts';
import { expectOpenAIError, openaiGet } from '../openai-common/test-helpers.ts';
import { validateChat } from './test-helpers.ts';

const mock = createMockServer({ seed: 'openai-models', validateOutput: 'throw' });

async function json(request: Request): Promise<Record<string, unknown>> {
  const res = await mock.fetch(request);
  const body = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe('GET /v1/models (OpenAI shape)', () => {
  it('lists every catalog model, newest first, in one page', async () => {
    const res = await mock.fetch(openaiGet('/v1/models'));
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    const body = (await res.json()) as { object: string; data: { id: string; object: string; created: number; owned_by: string }[] };
    expect(validateChat('modelList', body)).toEqual([]);
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toEqual(mock.catalog.list().map((m) => m.id));
    expect(body.data.find((m) => m.id === 'gpt-4o')).toEqual({ id: 'gpt-4o', object: 'model', created: Date.parse('2024-05-13T00:00:00Z') / 1000, owned_by: 'openai' });
    expect(body).not.toHaveProperty('has_more');
  });

  it('leaves Anthropic callers (anthropic-version, or only x-api-key) to Anthropic’s shape on the same route', async () => {
    const anthropic = await json(anthropicGet('/v1/models'));
    expect(validateAnthropic('modelList', anthropic)).toEqual([]);
    // Only an x-api-key: Anthropic's caller, who gets Anthropic's 400 for the missing version.
    const keyOnly = (await (await mock.fetch(anthropicGet('/v1/models', { 'anthropic-version': null }))).json()) as { type: string };
    expect(keyOnly.type).toBe('error');
    // Bearer with anthropic-version is an Anthropic client (Claude Code with ANTHROPIC_AUTH_TOKEN).
    const bearer = await json(anthropicGet('/v1/models', { 'x-api-key': null, authorization: 'Bearer k' }));
    expect(validateAnthropic('modelList', bearer)).toEqual([]);
  });

  it('401 in OpenAI’s envelope for a Bearer caller with a rejected key', async () => {
    const strict = createMockServer({ apiKeys: ['sk-good'] });
    await expectOpenAIError(await strict.fetch(openaiGet('/v1/models', { authorization: 'Bearer sk-bad' })), 401, { code: 'invalid_api_key' });
  });

  it('serves a custom catalog', async () => {
    const only = createMockServer({ models: [DEFAULT_MODELS[0]!] });
    const body = (await (await only.fetch(openaiGet('/v1/models'))).json()) as { data: { id: string }[] };
    expect(body.data.map((m) => m.id)).toEqual([DEFAULT_MODELS[0]!.id]);
  });
});

describe('GET /v1/models/{model}', () => {
  it('retrieves a model by id or alias', async () => {
    const model = await json(openaiGet('/v1/models/gpt-4o-mini'));
    expect(validateChat('model', model)).toEqual([]);
    expect(model).toMatchObject({ id: 'gpt-4o-mini', object: 'model', owned_by: 'openai' });
    expect(await json(openaiGet('/v1/models/claude-opus-4-5-20251101'))).toMatchObject({ id: 'claude-opus-4-5', owned_by: 'anthropic' });
  });

  it('every listed id is retrievable', async () => {
    for (const { id } of mock.catalog.list()) expect((await mock.fetch(openaiGet(`/v1/models/${encodeURIComponent(id)}`))).status, id).toBe(200);
  });

  it('404 model_not_found in OpenAI’s envelope for an unknown id', async () => {
    await expectOpenAIError(await mock.fetch(openaiGet('/v1/models/acme-llm-9')), 404, {
      type: 'invalid_request_error',
      code: 'model_not_found',
      message: 'The model `acme-llm-9` does not exist or you do not have access to it.',
    });
  });
});
