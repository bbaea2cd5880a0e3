import { FunctionCallingConfigMode } from '@google/genai';
import { formatDiagnostics } from '../../../specs/tooling/diagnostic.ts';
import { compileToolSchema } from '../../../specs/tooling/tool-schema.ts';
import { expect, preview } from '../../harness/assert.ts';
import { type Check, defineCheck } from '../../harness/check.ts';
import { geminiClient, postMethod } from '../client.ts';
import { forcedCall, okReply, sdkGenerateV1beta } from '../exchanges.ts';
import { candidatesOf, functionCallsOf, type Json, partsOf } from '../read.ts';
import { allowedNamesBody, functionResponseBody, noCallBody, OUTPUT_CEILING, TIME_ARGS_SCHEMA, TIME_FUNCTION, TOOLS, WEATHER_FUNCTION, WEATHER_QUESTION } from '../requests.ts';
import { toolSseCall } from '../stream-exchanges.ts';

const FUNCTION_DOCS = 'https://ai.google.dev/gemini-api/docs/function-calling';
const protocol = 'gemini';

/** The JSON Schema each declared function's arguments must satisfy. */
const ARGS_SCHEMAS: Readonly<Record<string, unknown>> = {
  [WEATHER_FUNCTION.name]: WEATHER_FUNCTION.parametersJsonSchema,
  [TIME_FUNCTION.name]: TIME_ARGS_SCHEMA,
};

/**
 * Fails unless `call` names a declared function (`only` when given) and its `args` is an object
 * (a Struct, never a JSON string) that satisfies that function's declaration.
 */
export function expectValidCall(call: Json | undefined, where: string, only?: string): void {
  expect(call, `${where}: no functionCall`, { expected: 'a functionCall part' });
  const names = only ? [only] : Object.keys(ARGS_SCHEMAS);
  expect(typeof call.name === 'string' && names.includes(call.name), `${where}: functionCall.name is ${preview(call.name)}, expected ${names.map((n) => preview(n)).join(' or ')}`, {
    expected: names.join(' or '),
    actual: preview(call.name),
  });
  const args = call.args;
  expect(args !== null && typeof args === 'object' && !Array.isArray(args), `${where}: functionCall.args is ${preview(args)}, not an object`, {
    expected: 'args as a JSON object (a protobuf Struct)',
    actual: preview(args),
  });
  const compiled = compileToolSchema(ARGS_SCHEMAS[call.name as string]);
  if (!compiled.ok) throw new Error(`the ${String(call.name)} declaration does not compile: ${compiled.error}`);
  const diagnostics = compiled.validate(args);
  expect(diagnostics.length === 0, `${where}: args ${preview(args)} break the declaration of ${String(call.name)}: ${formatDiagnostics(diagnostics, 2)}`, {
    expected: 'args satisfying the function declaration',
    actual: preview(args),
  });
}

/** Function calling: forced, restricted, forbidden, streamed, answered, and through the SDK. */
export const toolsChecks: Check[] = [
  defineCheck({
    id: 'gemini/tools/function-call',
    protocol,
    level: 'must',
    description: 'functionCallingConfig mode ANY yields a functionCall part naming a declared function, its args an object valid against the declaration.',
    spec: 'https://github.com/BerriAI/litellm/issues/16893',
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['tools'],
    async run(ctx) {
      const { calls } = await ctx.use(forcedCall);
      calls.forEach((call, i) => expectValidCall(call, `functionCall ${i}`));
    },
  }),
  defineCheck({
    id: 'gemini/tools/allowed-function-names',
    protocol,
    level: 'must',
    description: 'mode ANY with allowedFunctionNames calls only that function (declared with `parameters`, the OpenAPI subset), with valid args.',
    spec: `${FUNCTION_DOCS}#function_calling_modes`,
    tags: ['tools'],
    async run(ctx) {
      const response = await okReply(ctx.use, await postMethod(ctx.target, 'generateContent', allowedNamesBody()), 'a request with allowedFunctionNames');
      const calls = functionCallsOf(response);
      expect(calls.length > 0, 'the reply has no functionCall part', { expected: `a functionCall of ${TIME_FUNCTION.name}`, actual: preview(partsOf(response), 300) });
      calls.forEach((call, i) => expectValidCall(call, `functionCall ${i}`, TIME_FUNCTION.name));
    },
  }),
  defineCheck({
    id: 'gemini/tools/mode-none',
    protocol,
    level: 'must',
    description: 'functionCallingConfig mode NONE is honoured: no functionCall part.',
    spec: `${FUNCTION_DOCS}#function_calling_modes`,
    tags: ['tools'],
    async run(ctx) {
      const response = await okReply(ctx.use, await postMethod(ctx.target, 'generateContent', noCallBody()), 'a request with mode NONE');
      expect(functionCallsOf(response).length === 0, 'mode NONE still produced a functionCall', { expected: 'no functionCall part', actual: preview(partsOf(response), 300) });
    },
  }),
  defineCheck({
    id: 'gemini/tools/stream-function-call',
    protocol,
    level: 'must',
    description: 'A streamed function call arrives whole in a chunk: functionCall with its name and args an object valid against the declaration.',
    spec: FUNCTION_DOCS,
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['tools', 'streaming'],
    async run(ctx) {
      const { calls } = await ctx.use(toolSseCall);
      calls.forEach((call, i) => expectValidCall(call, `streamed functionCall ${i}`));
    },
  }),
  defineCheck({
    id: 'gemini/tools/function-response-turn',
    protocol,
    level: 'must',
    description: 'The model turn replayed verbatim (thought signature included) followed by a functionResponse for each call is accepted and answered.',
    spec: 'https://ai.google.dev/gemini-api/docs/thought-signatures',
    clients: ['google-genai', 'vercel-ai-sdk'],
    tags: ['tools'],
    async run(ctx) {
      const { modelTurn, calls } = await ctx.use(forcedCall);
      const response = await okReply(ctx.use, await postMethod(ctx.target, 'generateContent', functionResponseBody(modelTurn, calls)), 'the function response turn');
      expect(candidatesOf(response).length > 0, 'the answer to the function response has no candidate', { expected: 'a candidate', actual: preview(response, 200) });
    },
  }),
  defineCheck({
    id: 'gemini/tools/sdk-function-calls',
    protocol,
    level: 'must',
    description: 'In @google/genai (v1beta), response.functionCalls holds the forced call with its args as an object.',
    spec: FUNCTION_DOCS,
    clients: ['google-genai'],
    tags: ['tools', 'sdk'],
    async run(ctx) {
      await ctx.use(sdkGenerateV1beta);
      await ctx.use(forcedCall);
      const response = await geminiClient(ctx.target, { apiVersion: 'v1beta' }).models.generateContent({
        model: ctx.target.model,
        contents: WEATHER_QUESTION,
        config: { tools: TOOLS as never, toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } }, maxOutputTokens: OUTPUT_CEILING },
      });
      const calls = response.functionCalls ?? [];
      expect(calls.length > 0, 'response.functionCalls is empty', { expected: 'the forced call', actual: preview(response.candidates, 300) });
      calls.forEach((call, i) => expectValidCall(call as Json, `response.functionCalls[${i}]`));
    },
  }),
];
