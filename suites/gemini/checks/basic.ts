import { GEMINI_SCHEMA_IDS } from '../../../specs/gemini/schema-ids.ts';
import { expect, expectSchema, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { expectMediaType } from '../../harness/replies.ts';
import { postMethod } from '../client.ts';
import { basicReply, okReply, sdkGenerate, sdkGenerateV1beta } from '../exchanges.ts';
import { candidatesOf, textOf } from '../read.ts';
import { conversationBody } from '../requests.ts';

const GENERATE_DOCS = 'https://ai.google.dev/api/generate-content#method:-models.generatecontent';
const protocol = 'gemini';

/** :generateContent: through the SDK at both API versions, its schema, content type and identity. */
export const basicChecks: Check[] = [
  defineCheck({
    id: 'gemini/basic/sdk-generate',
    protocol,
    level: 'must',
    description: "models.generateContent() in @google/genai, at its default API version (v1), returns the answer text (the newest SDK's default routes are served).",
    spec: 'https://github.com/googleapis/js-genai/blob/main/src/_api_client.ts',
    clients: ['google-genai'],
    tags: ['sdk'],
    async run(ctx) {
      await ctx.use(sdkGenerate);
    },
  }),
  defineCheck({
    id: 'gemini/basic/sdk-v1beta',
    protocol,
    level: 'must',
    description: "models.generateContent() in @google/genai with apiVersion 'v1beta' returns the answer text.",
    spec: 'https://ai.google.dev/gemini-api/docs/api-versions',
    clients: ['google-genai'],
    tags: ['sdk'],
    async run(ctx) {
      await ctx.use(sdkGenerateV1beta);
    },
  }),
  defineCheck({
    id: 'gemini/basic/response-schema',
    protocol,
    level: 'must',
    description: 'POST /v1beta/models/{model}:generateContent answers a GenerateContentResponse whose first candidate holds the answer text.',
    spec: GENERATE_DOCS,
    clients: ['google-genai', 'vercel-ai-sdk'],
    async run(ctx) {
      const { exchange, response } = await ctx.use(basicReply);
      expectSchema(GEMINI_SCHEMA_IDS.generateContentResponse, response, 'the GenerateContentResponse', { exchange: exchange.record });
      expect(candidatesOf(response).length > 0, 'the reply has no candidates', { expected: 'candidates: [{content: {parts: [{text}]}}]', actual: preview(response, 200), exchange: exchange.record });
      expect(textOf(response).length > 0, 'the first candidate has no answer text', { expected: 'a text part', actual: preview(response.candidates, 300), exchange: exchange.record });
    },
  }),
  defineCheck({
    id: 'gemini/basic/json-content-type',
    protocol,
    level: 'must',
    description: 'A :generateContent reply is served as application/json.',
    spec: GENERATE_DOCS,
    clients: ['google-genai'],
    async run(ctx) {
      expectMediaType((await ctx.use(basicReply)).exchange, 'application/json', 'the GenerateContentResponse');
    },
  }),
  defineCheck({
    id: 'gemini/basic/response-identity',
    protocol,
    level: 'should',
    description: 'The reply names its modelVersion and carries a responseId.',
    spec: 'https://ai.google.dev/api/generate-content#generatecontentresponse',
    async run(ctx) {
      const { exchange, response } = await ctx.use(basicReply);
      const on = { exchange: exchange.record };
      expect(typeof response.modelVersion === 'string' && response.modelVersion !== '', `modelVersion is ${preview(response.modelVersion)}`, { ...on, expected: 'the model that answered', actual: preview(response.modelVersion) });
      expect(typeof response.responseId === 'string' && response.responseId !== '', `responseId is ${preview(response.responseId)}`, { ...on, expected: 'a non-empty responseId', actual: preview(response.responseId) });
    },
  }),
  defineCheck({
    id: 'gemini/basic/conversation',
    protocol,
    level: 'must',
    description: 'A systemInstruction and a user/model/user conversation are accepted and answered with text.',
    spec: 'https://ai.google.dev/gemini-api/docs/text-generation#system-instructions',
    clients: ['google-genai', 'vercel-ai-sdk'],
    async run(ctx) {
      const response = await okReply(ctx.use, await postMethod(ctx.target, 'generateContent', conversationBody()), 'a request with a system instruction and three turns');
      expect(textOf(response).length > 0, `no answer text: ${preview(response.candidates, 200)}`, { expected: 'a text part', actual: preview(response.candidates, 300) });
    },
  }),
];
