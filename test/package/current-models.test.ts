/**
 * Examples and defaults name models that are current: none in the official SDK's deprecation list
 * (the SDK prints a warning for each, and the model stops working at its end of life). The mock's
 * catalog still serves deprecated models, as the API does until then, and captures stay as recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUITES } from '../../suites/index.ts';
import { ROOT } from './consumer-project.ts';

// Not exported by the SDK's package map: loaded by path, from the SDK's own CommonJS build.
const sdkDir = dirname(createRequire(import.meta.url).resolve('@anthropic-ai/sdk'));
const { DEPRECATED_MODELS } = createRequire(import.meta.url)(join(sdkDir, 'internal/data/deprecated-models.js')) as {
  DEPRECATED_MODELS: Record<string, string>;
};

describe('models in examples and defaults', () => {
  it('the SDK deprecation list is there to check against', () => {
    expect(Object.keys(DEPRECATED_MODELS)).toContain('claude-sonnet-4-5');
  });

  it.each(Object.values(SUITES).map((suite) => [suite.protocol, suite.defaultModel]))('the %s suite defaults to a current model (%s)', (_, model) => {
    expect(DEPRECATED_MODELS).not.toHaveProperty(model);
  });

  it('the README and the consumer examples name no deprecated model', () => {
    const files = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'test/package/consumer')).map((file) => join(ROOT, 'test/package/consumer', file))];
    const deprecated = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bclaude-[\w.-]+/g)].filter(([model]) => model in DEPRECATED_MODELS).map(([model]) => `${file}: ${model}`),
    );
    expect(deprecated).toEqual([]);
  });
});
