import { ApiError, FunctionCallingConfigMode, GoogleGenAI, type Content } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { embed } from '../../core/embeddings.ts';
import { DEFAULT_MODELS } from '../../core/model-catalog.ts';
import { type NodeHttpServer, serveNodeHttp } from '../../transports/node-http.ts';
import { GEMINI_KEY, PROMPT, WEATHER_DECLARATION } from './test-support.ts';

/** The official SDK against the mock over node:http, at its default API version (`v1`) and at `v1beta`. */
const mock = createMockServer({ seed: 'gemini-sdk', validateOutput: 'throw', apiKeys: [GEMINI_KEY] });
let server: NodeHttpServer;
const requested: string[] = [];

beforeAll(async () => {
  server = await serveNodeHttp(mock);
  mock.on('request:start', ({ url }) => requested.push(url));
});
afterAll(async () => {
  await server.close();
});

const MODEL = 'gemini-2.5-flash';

describe.each([
  { label: 'default API version (v1)', apiVersion: undefined, prefix: '/v1/' },
  { label: 'apiVersion v1beta', apiVersion: 'v1beta', prefix: '/v1beta/' },
])('@google/genai, $label', ({ apiVersion, prefix }) => {
  const client = (apiKey = GEMINI_KEY) =>
    new GoogleGenAI({ apiKey, httpOptions: { baseUrl: server.url, ...(apiVersion ? { apiVersion } : {}), retryOptions: { attempts: 1 } } });

  it('models.generateContent answers the prompt, with usage, modelVersion and responseId', async () => {
    const before = requested.length;
    const response = await client().models.generateContent({ model: MODEL, contents: PROMPT, config: { systemInstruction: 'Be brief.' } });
    expect(requested.slice(before).every((url) => url.startsWith(prefix))).toBe(true);
    expect(response.text).toBe(PROMPT);
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(response.modelVersion).toBe(MODEL);
    expect(response.responseId).toMatch(/^[A-Za-z0-9_-]{23}$/);
    expect(response.usageMetadata?.totalTokenCount).toBeGreaterThan(0);
  });

  it('models.generateContentStream yields the text chunk by chunk, the last with finishReason and the final usage', async () => {
    const chunks = [];
    for await (const chunk of await client().models.generateContentStream({ model: MODEL, contents: `${PROMPT} ${PROMPT}` })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.text ?? '').join('')).toBe(`${PROMPT} ${PROMPT}`);
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('STOP');
    const totals = chunks.map((c) => c.usageMetadata?.totalTokenCount ?? 0);
    expect(totals.at(-1)).toBe(Math.max(...totals));
  });

  it('models.countTokens equals the promptTokenCount of the same request', async () => {
    const counted = await client().models.countTokens({ model: MODEL, contents: PROMPT });
    const generated = await client().models.generateContent({ model: MODEL, contents: PROMPT });
    expect(counted.totalTokens).toBe(generated.usageMetadata?.promptTokenCount);
  });

  it('models.list pages through every model; models.get answers one', async () => {
    const names: string[] = [];
    for await (const model of await client().models.list({ config: { pageSize: 5 } })) names.push(model.name ?? '');
    expect(names).toHaveLength(DEFAULT_MODELS.length);
    expect(names).toContain(`models/${MODEL}`);
    const model = await client().models.get({ model: MODEL });
    expect(model).toMatchObject({ name: `models/${MODEL}`, inputTokenLimit: 1_048_576, outputTokenLimit: 65_536, thinking: true });
    expect(model.supportedActions).toEqual(['generateContent', 'countTokens']);
  });

  it('models.embedContent embeds one content and several (through batchEmbedContents)', async () => {
    const one = await client().models.embedContent({ model: 'gemini-embedding-001', contents: 'hello', config: { outputDimensionality: 8 } });
    expect(one.embeddings?.map((e) => e.values)).toEqual([embed('hello', 8)]);
    const several = await client().models.embedContent({ model: 'gemini-embedding-001', contents: ['a', 'b', 'c'], config: { taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 4 } });
    expect(several.embeddings?.map((e) => e.values)).toEqual(['a', 'b', 'c'].map((t) => embed(t, 4)));
  });

  it('calls a function (mode ANY), then takes the model turn back with its thought signature and the function response', async () => {
    const tools = [{ functionDeclarations: [WEATHER_DECLARATION] }];
    const question: Content = { role: 'user', parts: [{ text: 'Weather in Paris?' }] };
    const first = await client().models.generateContent({
      model: MODEL,
      contents: [question],
      config: { tools, toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } } },
    });
    const [call] = first.functionCalls ?? [];
    expect(call?.name).toBe('get_weather');
    expect(call?.args).toEqual({ city: expect.any(String), unit: expect.stringMatching(/^(celsius|fahrenheit)$/) });
    const modelTurn = first.candidates![0]!.content!;
    expect(modelTurn.parts?.[0]?.thoughtSignature).toEqual(expect.any(String));
    const answer: Content = { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { temperature: 21 } } }] };
    const second = await client().models.generateContent({ model: MODEL, contents: [question, modelTurn, answer], config: { tools } });
    expect(second.text).toBe('Tool result received: {"temperature":21}');
  });

  it('raises ApiError with the HTTP status: 400 for a bad key, 404 for an unknown model, 400 for a bad request', async () => {
    const statusOf = async (run: () => Promise<unknown>) => {
      const error = await run().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      return { status: (error as ApiError).status, message: (error as ApiError).message };
    };
    expect(await statusOf(() => client('AIza-not-a-key').models.generateContent({ model: MODEL, contents: 'x' }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('API_KEY_INVALID'),
    });
    expect((await statusOf(() => client().models.generateContent({ model: 'nope-model-1', contents: 'x' }))).status).toBe(404);
    expect((await statusOf(() => client().models.generateContent({ model: MODEL, contents: 'x', config: { temperature: 9 } }))).status).toBe(400);
    expect((await statusOf(() => client().models.get({ model: 'nope-model-1' }))).status).toBe(404);
  });
});
