import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayHeaders, headerOptions, headerSecrets, intOption, isSecretHeader, reportPathOption } from './options.ts';

describe('isSecretHeader', () => {
  it.each([
    ['authorization', true],
    ['Proxy-Authorization', true],
    ['x-api-key', true],
    ['x-goog-api-key', true],
    ['x-portkey-api-key', true],
    ['x-portkey-virtual-key', true],
    ['X-Auth-Token', true],
    ['x-amz-security-token', true],
    ['cookie', true],
    ['ocp-apim-subscription-key', true],
    ['x_apikey', true],
    ['x-portkey-provider', false],
    ['x-llmops-custom-host', false],
    ['x-keyword', false],
    ['anthropic-beta', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretHeader(name)).toBe(secret);
  });
});

describe('headerOptions', () => {
  it('parses Name: value pairs, trimming around the value and lower-casing names', () => {
    expect(headerOptions(['X-Portkey-Provider: anthropic', 'x-empty:', 'x-colon: a:b: c '])).toEqual({ 'x-portkey-provider': 'anthropic', 'x-empty': '', 'x-colon': 'a:b: c' });
    expect(headerOptions(undefined)).toEqual({});
  });

  it('never echoes a value in its errors', () => {
    for (const bad of ['sk-secret-value', 'bad name: sk-secret-value', 'x-a: sk-secret\r\nx-b: 1', ': sk-secret-value']) {
      expect(() => headerOptions([bad])).toThrow(/--header/);
      try {
        headerOptions([bad]);
      } catch (error) {
        expect((error as Error).message).not.toContain('sk-secret');
      }
    }
  });
});

describe('headerSecrets and displayHeaders', () => {
  it('redacts the credential without its scheme, and Basic credentials decoded', () => {
    const basic = Buffer.from('alice:s3cret-pass').toString('base64');
    expect(headerSecrets({ authorization: 'Bearer tok-123456789', 'x-portkey-provider': 'anthropic' })).toEqual(['tok-123456789']);
    expect(headerSecrets({ 'proxy-authorization': `Basic ${basic}` })).toEqual([basic, basic.replace(/=+$/, ''), 'alice:s3cret-pass', 's3cret-pass']);
    expect(headerSecrets({ cookie: 'session=abcdefgh12; theme=dark' })).toEqual(['session=abcdefgh12; theme=dark', 'abcdefgh12']);
  });

  it('shows routing headers and masks secret ones', () => {
    expect(displayHeaders({ 'x-portkey-provider': 'anthropic', 'x-api-key': 'k' }, '[redacted]')).toEqual({ 'x-portkey-provider': 'anthropic', 'x-api-key': '[redacted]' });
  });
});

describe('intOption', () => {
  const range = { min: 1, max: 64, fallback: 4 };
  it.each([
    [undefined, 4],
    ['1', 1],
    [' 64 ', 64],
  ])('%j → %d', (raw, n) => {
    expect(intOption(raw, 'concurrency', range)).toBe(n);
  });
  it.each(['0', '65', '1.5', '1e1', '0x10', '', '-1', 'four', '99999999999'])('%j is refused', (raw) => {
    expect(() => intOption(raw, 'concurrency', range)).toThrow('--concurrency must be an integer from 1 to 64');
  });
});

describe('reportPathOption', () => {
  it('accepts -, a new file, and refuses directories and paths under a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llm-conformance-path-'));
    try {
      expect(await reportPathOption('-')).toBe('-');
      expect(await reportPathOption(join(dir, 'new', 'deeper', 'r.json'))).toBe(join(dir, 'new', 'deeper', 'r.json'));
      await expect(reportPathOption(dir)).rejects.toThrow('is a directory');
      await expect(reportPathOption(`${dir}/later/`)).rejects.toThrow('is a directory');
      await expect(reportPathOption(' ')).rejects.toThrow('needs a file path');
      await writeFile(join(dir, 'f'), '');
      await expect(reportPathOption(join(dir, 'f', 'r.json'))).rejects.toThrow('is a file, not a directory');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
