import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installedVersion, runEnvironment, SDK_PACKAGES } from './environment.ts';

const versionOf = (name: string) => (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

describe('runEnvironment', () => {
  it('reads the installed SDK versions (none of them exports its package.json) and Node', () => {
    const env = runEnvironment();
    expect(Object.keys(env.sdks)).toEqual([...SDK_PACKAGES]);
    for (const name of SDK_PACKAGES) expect(env.sdks[name], name).toBe(versionOf(name));
    expect(env.node).toBe(process.version);
    expect(env.platform).toBe(`${process.platform}-${process.arch}`);
  });

  it('says so when a package is not installed', () => {
    expect(installedVersion('llm-conformance-no-such-package')).toBe('not installed');
  });
});
