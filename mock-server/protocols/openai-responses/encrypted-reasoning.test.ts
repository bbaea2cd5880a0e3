import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { encryptReasoning, openReasoning } from './reasoning-content.ts';
import { type ApiResponse, expectOpenAIError, itemTypes, messageText, REASONING_MODEL, responsesRequest } from './test-support.ts';

const mock = createMockServer({ seed: 'responses-encrypted', validateOutput: 'throw' });

/** What Codex CLI sends: stateless, with the encrypted reasoning included so it can send it back. */
const codex = (input: unknown[]) => ({
  model: REASONING_MODEL,
  instructions: 'You are a coding agent.',
  input,
  store: false,
  include: ['reasoning.encrypted_content'],
  reasoning: { effort: 'medium', summary: 'auto' },
});

async function create(body: Record<string, unknown>): Promise<ApiResponse> {
  const res = await mock.fetch(responsesRequest(body));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as ApiResponse;
}

/** A reasoning item as Codex CLI replays it: no id, summary and encrypted content as received. */
function replayed(item: ApiResponse['output'][number]) {
  const { id: _id, ...rest } = item as { id: string; type: 'reasoning'; summary: unknown[]; encrypted_content: string };
  return rest;
}

describe('encrypted reasoning (store: false, include reasoning.encrypted_content)', () => {
  it('returns reasoning items with encrypted content, which the next request sends back and the mock accepts', async () => {
    const user = { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello' }] };
    const first = await create(codex([user]));
    expect(itemTypes(first)).toEqual(['reasoning', 'message']);
    const [reasoning, message] = first.output;
    expect(reasoning).toMatchObject({ type: 'reasoning', encrypted_content: expect.any(String), summary: [{ type: 'summary_text', text: expect.any(String) }] });

    const next = codex([user, replayed(reasoning!), { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: messageText(message) }] }, { role: 'user', content: 'Again' }]);
    const second = await create(next);
    expect(messageText(second.output[1])).toBe('Again');
    // The replayed reasoning counts as input: its text travelled inside the encrypted content.
    const withoutReasoning = await create({ ...next, input: next.input.filter((item) => (item as { type?: string }).type !== 'reasoning') });
    expect(second.usage!.input_tokens).toBeGreaterThan(withoutReasoning.usage!.input_tokens);
  });

  it('refuses altered encrypted content as the API does (400 invalid_encrypted_content)', async () => {
    const first = await create(codex([{ role: 'user', content: 'Hi' }]));
    const item = replayed(first.output[0]!);
    const encrypted = item.encrypted_content;
    const middle = Math.floor(encrypted.length / 3);
    const tampered = `${encrypted.slice(0, middle)}${encrypted[middle] === 'A' ? 'B' : 'A'}${encrypted.slice(middle + 1)}`;
    const res = await mock.fetch(responsesRequest(codex([{ role: 'user', content: 'Hi' }, { ...item, encrypted_content: tampered }])));
    await expectOpenAIError(res, {
      status: 400,
      code: 'invalid_encrypted_content',
      param: null,
      message: `The encrypted content ${tampered.slice(0, 4)}...${tampered.slice(-4)} could not be verified. Reason: Encrypted content could not be decrypted or parsed.`,
    });
    const named = await mock.fetch(responsesRequest(codex([{ role: 'user', content: 'Hi' }, { ...item, id: 'rs_123', encrypted_content: tampered }])));
    await expectOpenAIError(named, { status: 400, code: 'invalid_encrypted_content', message: /^The encrypted content for item rs_123 could not be verified\./ });
  });

  it('accepts foreign encrypted content (a real API transcript replayed): it cannot verify it', async () => {
    const foreign = { type: 'reasoning', summary: [], encrypted_content: 'gAAAAABo_not_ours==' };
    const response = await create(codex([{ role: 'user', content: 'Hi' }, foreign, { role: 'user', content: 'Go on' }]));
    expect(messageText(response.output[1])).toBe('Go on');
  });

  it('a reasoning item without encrypted content must be stored: an unknown id is 404 with the store hint', async () => {
    const res = await mock.fetch(responsesRequest(codex([{ type: 'reasoning', id: 'rs_unknown', summary: [] }, { role: 'user', content: 'Hi' }])));
    await expectOpenAIError(res, { status: 404, message: /^Item with id 'rs_unknown' not found\. Items are not persisted when `store` is set to false\./ });
  });
});

describe('encryptReasoning / openReasoning', () => {
  it('round-trips any text, including non-ASCII, and tells tampered from foreign', () => {
    for (const text of ['Plan: answer.', 'Grüße, naïve café — 日本語 ✓']) expect(openReasoning(encryptReasoning(text))).toEqual({ kind: 'mock', text });
    const token = encryptReasoning('secret plan');
    expect(openReasoning(`${token.slice(0, -2)}xx`)).toEqual({ kind: 'tampered' });
    expect(openReasoning(token.replace('.', ''))).toEqual({ kind: 'tampered' });
    expect(openReasoning(`${token.slice(0, 6)}!!!${token.slice(9)}`)).toEqual({ kind: 'tampered' });
    expect(openReasoning('gAAAAABfoo')).toEqual({ kind: 'foreign' });
  });
});
