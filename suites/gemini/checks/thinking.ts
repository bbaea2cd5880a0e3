import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { requireObserved } from '../../harness/verdict.ts';
import { postMethod } from '../client.ts';
import { oneError } from '../envelope.ts';
import { expectErrorReply } from '../error-exchanges.ts';
import { signedCall } from '../exchanges.ts';
import { type Json, streamParts } from '../read.ts';
import { functionResponseBody } from '../requests.ts';
import { toolSseCall } from '../stream-exchanges.ts';

const SIGNATURE_DOCS = 'https://ai.google.dev/gemini-api/docs/thought-signatures';
const protocol = 'gemini';

/** Base64 (either alphabet), as proto3 JSON writes `bytes`. */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The same signature with a few characters in the middle changed (still base64, same length). */
function tamper(signature: string): string {
  const at = Math.min(12, Math.max(0, signature.length - 12));
  const middle = signature.slice(at, at + 8);
  const replacement = middle === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
  return `${signature.slice(0, at)}${replacement.slice(0, middle.length)}${signature.slice(at + middle.length)}`;
}

/**
 * Thought signatures, an optional capability: a target that signs (thinking models do) must put
 * the signature where clients look for it, keep it in streams, and refuse an altered one. Each
 * check skips when the function call carries no signature at all.
 */
export const thinkingChecks: Check[] = [
  defineCheck({
    id: 'gemini/thinking/signature',
    protocol,
    level: 'must',
    description: 'A signed function call carries `thoughtSignature` (camelCase, base64) on its functionCall part, where the SDKs read it to send it back.',
    spec: SIGNATURE_DOCS,
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['thinking', 'tools'],
    async run(ctx) {
      const { parts } = await ctx.use(signedCall);
      const snake = parts.find((p) => p.thought_signature !== undefined);
      expect(snake === undefined, 'the signature is spelled thought_signature: proto3 JSON (and every client) uses thoughtSignature', { expected: '"thoughtSignature": "…"', actual: preview(snake, 200) });
      const first = parts.find((p) => p.functionCall !== undefined);
      const signature = first?.thoughtSignature;
      expect(typeof signature === 'string' && BASE64.test(signature), `the functionCall part carries thoughtSignature ${preview(signature)}, expected a base64 string`, {
        expected: '{"functionCall": {…}, "thoughtSignature": "<base64>"}',
        actual: preview(parts, 300),
      });
    },
  }),
  defineCheck({
    id: 'gemini/thinking/stream-signature',
    protocol,
    level: 'must',
    description: 'When the target signs function calls, the streamed function call carries its thoughtSignature too (without it the next turn fails on Gemini 3).',
    spec: 'https://github.com/musistudio/claude-code-router/issues/1431',
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['thinking', 'tools', 'streaming'],
    async run(ctx) {
      await ctx.use(signedCall);
      const { chunks, capture } = await ctx.use(toolSseCall);
      const signatures = streamParts(chunks).map((p) => p.thoughtSignature).filter((s) => s !== undefined);
      expect(signatures.length > 0 && signatures.every((s) => typeof s === 'string' && BASE64.test(s)), `the streamed function call carries ${signatures.length === 0 ? 'no thoughtSignature' : `thoughtSignature ${preview(signatures[0])}`}, while the non-streamed one is signed`, {
        expected: 'a part with "thoughtSignature": "<base64>"',
        actual: preview(streamParts(chunks), 300),
        exchange: capture.exchange.record,
      });
    },
  }),
  defineCheck({
    id: 'gemini/thinking/tampered-signature',
    protocol,
    level: 'should',
    description: 'A replayed turn whose thought signature was altered is rejected with 400 INVALID_ARGUMENT, as the API does (a gateway that strips signatures from requests accepts it).',
    spec: SIGNATURE_DOCS,
    tags: ['thinking', 'errors'],
    async run(ctx) {
      const { modelTurn, calls } = await ctx.use(signedCall);
      const parts = (modelTurn.parts as Json[]).map((p) => (typeof p.thoughtSignature === 'string' ? { ...p, thoughtSignature: tamper(p.thoughtSignature) } : p));
      requireObserved(JSON.stringify(parts) !== JSON.stringify(modelTurn.parts), 'the model turn has no thoughtSignature to alter');
      const exchange = await postMethod(ctx.target, 'generateContent', functionResponseBody({ ...modelTurn, parts }, calls));
      await expectErrorReply(ctx.use, exchange, oneError(400, 'INVALID_ARGUMENT'), 'a replayed turn with an altered thought signature');
    },
  }),
];
