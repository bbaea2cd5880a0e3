import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../create-mock-server.ts';
import { MockProtocolError } from '../../core/protocol-error.ts';
import { ORIGIN } from '../../test-support.ts';
import { GOOGLE_ERROR_CODES, geminiErrors, renderGeminiError } from './errors.ts';
import { expectGoogleError, GEMINI_KEY, geminiGet, geminiPost, PROMPT, textBody } from './test-support.ts';

const mock = createMockServer({ seed: 'gemini-errors', validateOutput: 'throw', apiKeys: [GEMINI_KEY] });

const post = (body: unknown, options: Parameters<typeof geminiPost>[2] = {}) => mock.fetch(geminiPost('generateContent', body, options));
const UNREGISTERED =
  "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.";

describe('authentication', () => {
  it('takes the key in x-goog-api-key or in ?key=', async () => {
    expect((await post(textBody())).status).toBe(200);
    const res = await post(textBody(), { headers: { 'x-goog-api-key': null }, query: `key=${GEMINI_KEY}` });
    expect(res.status).toBe(200);
  });

  it('answers no key with 403 PERMISSION_DENIED, as the API does', async () => {
    await expectGoogleError(await post(textBody(), { headers: { 'x-goog-api-key': null } }), 403, 'PERMISSION_DENIED', UNREGISTERED);
    await expectGoogleError(await mock.fetch(geminiGet('/v1beta/models', null)), 403, 'PERMISSION_DENIED', UNREGISTERED);
  });

  it('answers a bad key with 400 INVALID_ARGUMENT and the API_KEY_INVALID ErrorInfo (not 401)', async () => {
    for (const options of [{ headers: { 'x-goog-api-key': 'AIza-wrong' } }, { headers: { 'x-goog-api-key': null }, query: 'key=AIza-wrong' }]) {
      const body = await expectGoogleError(await post(textBody(), options), 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.');
      expect(body.error.details).toEqual([
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
      ]);
    }
  });

  it('never writes the key into an error', async () => {
    const res = await post(textBody(), { headers: { 'x-goog-api-key': 'AIza-secret-wrong-key' } });
    expect(await res.text()).not.toContain('secret');
  });
});

describe('request bodies the JSON parser refuses', () => {
  it('names an unknown field by its proto path, with a BadRequest detail', async () => {
    const top = await expectGoogleError(await post({ ...textBody(), foo: 1 }), 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unknown name "foo": Cannot find field.');
    expect(top.error.details).toEqual([
      { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: 'Invalid JSON payload received. Unknown name "foo": Cannot find field.' }] },
    ]);
    const nested = await expectGoogleError(
      await post(textBody(PROMPT, { generationConfig: { thinkingConfig: { thinkingLevl: 'LOW' } } })),
      400,
      'INVALID_ARGUMENT',
      'Invalid JSON payload received. Unknown name "thinkingLevl" at \'generation_config.thinking_config\': Cannot find field.',
    );
    expect(nested.error.details).toEqual([expect.objectContaining({ fieldViolations: [expect.objectContaining({ field: 'generation_config.thinking_config' })] })]);
  });

  it('names a map entry by its position, as Google does (`properties[1].value`)', async () => {
    const parameters = { type: 'OBJECT', properties: { city: { type: 'STRING' }, unit: { type: 'STRING', additionalProperties: false } } };
    await expectGoogleError(
      await post(textBody(PROMPT, { tools: [{ functionDeclarations: [{ name: 'f', parameters }] }] })),
      400,
      'INVALID_ARGUMENT',
      'Invalid JSON payload received. Unknown name "additionalProperties" at \'tools[0].function_declarations[0].parameters.properties[1].value\': Cannot find field.',
    );
  });

  it('answers a value of the wrong type with "Invalid value at …"', async () => {
    await expectGoogleError(await post(textBody(PROMPT, { generationConfig: { temperature: 'hot' } })), 400, 'INVALID_ARGUMENT', "Invalid value at 'generation_config.temperature' (TYPE_FLOAT), \"hot\"");
    await expectGoogleError(await post(textBody(PROMPT, { generationConfig: { seed: 3812238859 } })), 400, 'INVALID_ARGUMENT', "Invalid value at 'generation_config.seed' (TYPE_INT32), 3812238859");
    await expectGoogleError(
      await post({ contents: [{ parts: [{ inlineData: { mimeType: 'image/png', data: 'not base64!' } }] }] }),
      400,
      'INVALID_ARGUMENT',
      'Invalid value at \'contents[0].parts[0].inline_data.data\' (TYPE_BYTES), Base64 decoding failed for "not base64!"',
    );
    await expectGoogleError(await post(textBody(PROMPT, { toolConfig: { functionCallingConfig: { mode: 'SOMETIMES' } } })), 400, 'INVALID_ARGUMENT', /^Invalid value at 'tool_config.function_calling_config.mode'/);
  });

  it('answers JSON it cannot parse with 400 INVALID_ARGUMENT', async () => {
    await expectGoogleError(await post('{"contents": ['), 400, 'INVALID_ARGUMENT', /^Invalid JSON payload received\./);
  });
});

describe('request rules', () => {
  const cases: [string, unknown, string | RegExp, string?][] = [
    ['no contents', {}, '* GenerateContentRequest.contents: contents is not specified\n'],
    ['empty parts', { contents: [{ role: 'user', parts: [] }] }, '* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.\n'],
    ['a part with no data', { contents: [{ parts: [{ thought: true }] }] }, "* GenerateContentRequest.contents[0].parts[0].data: required oneof field 'data' must have one initialized field\n"],
    ['a part with two data fields', { contents: [{ parts: [{ text: 'a', inlineData: { mimeType: 'image/png', data: 'AA==' } }] }] }, "Invalid value at 'contents[0].parts[0]' (oneof), oneof field 'data' is already set. Cannot set 'inlineData'"],
    ['a bad role', { contents: [{ role: 'assistant', parts: [{ text: 'a' }] }] }, 'Please use a valid role: user, model.'],
    ['temperature out of range', textBody(PROMPT, { generationConfig: { temperature: 5 } }), '* GenerateContentRequest.generation_config.temperature: temperature must be in the range [0.0, 2.0].\n'],
    ['too many candidates', textBody(PROMPT, { generationConfig: { candidateCount: 100 } }), /candidate_count must be in the range \[1, 8\]/],
    ['a bad function name', textBody(PROMPT, { tools: [{ functionDeclarations: [{ name: 'get weather' }] }] }), /^\* GenerateContentRequest\.tools\[0\]\.function_declarations\[0\]\.name: Invalid function name\./],
    ['parameters that are not an object', textBody(PROMPT, { tools: [{ functionDeclarations: [{ name: 'f', parameters: { type: 'ARRAY', items: { type: 'STRING' } } }] }] }), /function_declarations\[0\]\.parameters\.type: parameters must be of type OBJECT\./],
    ['a response without its call', { contents: [{ parts: [{ functionResponse: { name: 'f', response: {} } }] }] }, 'Please ensure that function response turn comes immediately after a function call turn.'],
    ['budget 0 on Gemini 2.5 Pro', textBody(PROMPT, { generationConfig: { thinkingConfig: { thinkingBudget: 0 } } }), 'Budget 0 is invalid. This model only works in thinking mode.', 'gemini-2.5-pro'],
    ['budget 0 on Gemini 3', textBody(PROMPT, { generationConfig: { thinkingConfig: { thinkingBudget: 0 } } }), 'Request contains an invalid argument.', 'gemini-3-pro-preview'],
    ['maxOutputTokens beyond the model', textBody(PROMPT, { generationConfig: { maxOutputTokens: 1_000_000 } }), /exceeds the maximum of 65536/],
    ['allowedFunctionNames without ANY', textBody(PROMPT, { tools: [{ functionDeclarations: [{ name: 'f' }] }], toolConfig: { functionCallingConfig: { mode: 'AUTO', allowedFunctionNames: ['f'] } } }), /allowed_function_names is only allowed when mode is ANY or VALIDATED/],
    ['mode ANY without functions', textBody(PROMPT, { toolConfig: { functionCallingConfig: { mode: 'ANY' } } }), /Function calling config is set without function_declarations/],
    ['responseSchema without JSON mode', textBody(PROMPT, { generationConfig: { responseSchema: { type: 'STRING' } } }), /response_mime_type/],
  ];
  for (const [name, body, message, model] of cases) {
    it(`refuses ${name} with the API's 400`, async () => {
      await expectGoogleError(await post(body, model ? { model } : {}), 400, 'INVALID_ARGUMENT', message);
    });
  }
});

describe('routes and models', () => {
  it('answers an unknown model with the 404 the API words per method and version', async () => {
    await expectGoogleError(
      await post(textBody(), { model: 'nope-model-1' }),
      404,
      'NOT_FOUND',
      'models/nope-model-1 is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.',
    );
    const embedding = await mock.fetch(geminiPost('streamGenerateContent', textBody(), { model: 'gemini-embedding-001', version: 'v1', query: 'alt=sse' }));
    await expectGoogleError(embedding, 404, 'NOT_FOUND', /^models\/gemini-embedding-001 is not found for API version v1, or is not supported for streamGenerateContent\./);
  });

  it('answers unknown routes and methods under /v1beta in the Google envelope', async () => {
    await expectGoogleError(await mock.fetch(geminiGet('/v1beta/nothing')), 404, 'NOT_FOUND', 'Method not found.');
    await expectGoogleError(await mock.fetch(geminiGet('/v1beta/models/gemini-2.5-flash:generateContent')), 404, 'NOT_FOUND', 'Method not found.');
    await expectGoogleError(await mock.fetch(geminiPost('summonContent', textBody())), 404, 'NOT_FOUND', 'Method not found.');
  });
});

describe('hostile bodies', () => {
  const bodies: unknown[] = [
    null,
    [],
    'text',
    42,
    { contents: null },
    { contents: [null] },
    { contents: [{ parts: [null] }] },
    { contents: [{ parts: 'hi' }] },
    { contents: [{ parts: [{ text: 7 }] }] },
    { contents: [{ parts: [{ functionCall: { args: [] } }] }] },
    { contents: [{ parts: [{ text: 'x' }] }], tools: [{ functionDeclarations: [{ name: 'f', parametersJsonSchema: { type: 12 } }] }] },
    { contents: [{ parts: [{ text: 'x' }] }], tools: [{ functionDeclarations: [{ name: 'f', parameters: { type: 'OBJECT', properties: { a: { type: 'STRING', pattern: '(' } } } }] }], toolConfig: { functionCallingConfig: { mode: 'ANY' } } },
    { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { responseMimeType: 'application/json', responseJsonSchema: { type: 'object', properties: { a: { $ref: '#/nowhere' } } } } },
    { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { maxOutputTokens: 1e12 } },
    { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { stopSequences: ['', ''] } },
    { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { responseSchema: { type: 'STRING' } } },
    { contents: [{ parts: [{ text: 'x' }] }], __proto__: { polluted: true } },
    JSON.parse('{"contents": [{"parts": [{"text": "x"}]}], "constructor": {"prototype": {"polluted": true}}}'),
  ];
  for (const [i, body] of bodies.entries()) {
    it(`answers body #${i} with a 2xx or a 400 in the envelope, never a 5xx`, async () => {
      const res = await post(body);
      const text = await res.text();
      expect(res.status < 300 || res.status === 400, text).toBe(true);
      if (res.status === 400) expect(JSON.parse(text)).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
    });
  }

  it('refuses a schema nested deeper than the validator goes with 400, not 500', async () => {
    // Written as text: JSON.stringify itself would overflow on this value.
    const depth = 5000;
    const parameters = `${'{"type": "OBJECT", "properties": {"a": '.repeat(depth)}{"type": "STRING"}${'}}'.repeat(depth)}`;
    const res = await post(`{"contents": [{"parts": [{"text": "x"}]}], "tools": [{"functionDeclarations": [{"name": "f", "parameters": ${parameters}}]}]}`);
    await expectGoogleError(res, 400, 'INVALID_ARGUMENT', /^Invalid JSON payload received\. /);
  });
});

describe('renderGeminiError', () => {
  it('gives every kind its HTTP status and google.rpc code, code equal to the status', () => {
    for (const [kind, { status, rpc }] of Object.entries(GOOGLE_ERROR_CODES)) {
      const rendered = renderGeminiError(new MockProtocolError(kind as keyof typeof GOOGLE_ERROR_CODES, 'm'));
      expect(rendered).toEqual({ status, body: { error: { code: status, message: 'm', status: rpc } }, headers: { 'content-type': 'application/json; charset=UTF-8' } });
    }
    expect(GOOGLE_ERROR_CODES.overloaded).toEqual({ status: 503, rpc: 'UNAVAILABLE' });
    expect(GOOGLE_ERROR_CODES.rate_limit).toEqual({ status: 429, rpc: 'RESOURCE_EXHAUSTED' });
  });

  it('pretty-prints the envelope like every Google body', async () => {
    const res = await mock.fetch(new Request(`${ORIGIN}/v1beta/models`));
    expect(await res.text()).toBe(`{\n  "error": {\n    "code": 403,\n    "message": ${JSON.stringify(UNREGISTERED)},\n    "status": "PERMISSION_DENIED"\n  }\n}\n`);
  });

  it('has a template for each generic failure', () => {
    expect(geminiErrors.bodyTooLarge(100).message).toBe('Request payload size exceeds the limit: 100 bytes.');
    expect(renderGeminiError(geminiErrors.internal()).status).toBe(500);
  });
});
