import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { expectGoogleError, geminiPost, PROMPT, textBody, validateGemini, WEATHER_DECLARATION } from './test-support.ts';

const mock = createMockServer({ seed: 'gemini-count', validateOutput: 'throw' });

async function json(method: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await mock.fetch(geminiPost(method, body));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as Record<string, unknown>;
}

const promptTokens = async (body: unknown) => ((await json('generateContent', body)).usageMetadata as { promptTokenCount: number }).promptTokenCount;

describe(':countTokens', () => {
  it('counts contents exactly as generateContent bills them, and generates nothing', async () => {
    const body = textBody();
    const counted = await json('countTokens', body);
    expect(validateGemini('countTokensResponse', counted)).toEqual([]);
    expect(counted).toEqual({ totalTokens: await promptTokens(body), promptTokensDetails: [{ modality: 'TEXT', tokenCount: counted.totalTokens }] });
  });

  it('counts a whole generateContentRequest, system instruction and tools included', async () => {
    const full = textBody(PROMPT, { systemInstruction: { parts: [{ text: 'Be brief.' }] }, tools: [{ functionDeclarations: [WEATHER_DECLARATION] }] });
    const counted = await json('countTokens', { generateContentRequest: { model: 'models/gemini-2.5-flash', ...full } });
    expect(counted.totalTokens).toBe(await promptTokens(full));
    expect(counted.totalTokens).toBeGreaterThan((await json('countTokens', textBody())).totalTokens as number);
  });

  it('refuses contents and generateContentRequest together, and empty contents', async () => {
    const both = { ...textBody(), generateContentRequest: { model: 'models/gemini-2.5-flash', ...textBody() } };
    await expectGoogleError(await mock.fetch(geminiPost('countTokens', both)), 400, 'INVALID_ARGUMENT', /mutually exclusive/);
    await expectGoogleError(await mock.fetch(geminiPost('countTokens', {})), 400, 'INVALID_ARGUMENT', '* CountTokensRequest.contents: contents is not specified\n');
    const noModel = await mock.fetch(geminiPost('countTokens', { generateContentRequest: textBody() }));
    expect(noModel.status).toBe(400);
  });
});
