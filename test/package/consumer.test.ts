/**
 * The package as a user gets it: `npm pack` (prepack builds dist/), then a fresh project installs the
 * tarball with the README's install command, offline from npm's cache, and uses it five ways: the
 * CLI's `run` and `mock` through npx, plain Node imports, its own `tsc --strict`, and a vitest test
 * with msw. One pack and one install for all of them; the project is deleted afterwards.
 */
import Anthropic from '@anthropic-ai/sdk';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_SPECS } from '../../specs/index.ts';
import { SUITES } from '../../suites/index.ts';
import { matchesFilter } from '../../suites/harness/filter.ts';
import { type ConsumerProject, createConsumerProject, OFFLINE, ROOT, tail } from './consumer-project.ts';
import { installSection, shellCommands } from './readme-install.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const [install, run, mock] = shellCommands(installSection(readme));
let project: ConsumerProject;

beforeAll(async () => {
  project = await createConsumerProject();
  // The README's install command, with the packed tarball in place of the registry's name.
  const result = await project.run('npm', [...install!.slice(1, -1), `./${project.tarball}`, ...OFFLINE], { timeoutMs: 240_000 });
  if (result.code !== 0) {
    throw new Error(
      `\`npm install\` of the packed tarball failed offline (exit ${String(result.code)}). Every package it needs ` +
        `must already be in npm's cache: run \`npm ci\` in this repository first.\n${tail(result.stderr)}`,
    );
  }
}, 420_000);

// A fresh project's node_modules is some 13,000 files: slow to delete on a busy disk.
afterAll(() => project?.remove(), 120_000);

describe('README install instructions', () => {
  it('are the commands this test runs', () => {
    expect(install).toEqual(['npm', 'install', '--save-dev', 'llm-conformance']);
    expect(run).toEqual(['npx', 'llm-conformance', 'run']);
    expect(mock).toEqual(['npx', 'llm-conformance', 'mock', '--port', '4010']);
    expect(installSection(readme)).toContain(`Node.js ${minimumNode()} or newer`);
  });
});

// Each case is bounded by its commands' own time limits; vitest's 30 s default is too short for a
// consumer's `tsc` on a loaded 2-core machine.
describe('the installed package', { timeout: 150_000 }, () => {
  it('holds compiled JavaScript, declarations and the schemas; no TypeScript sources, tests or fixtures', () => {
    const paths = project.files.map((file) => file.path);
    expect(paths).toContain('bin/llm-conformance.mjs');
    expect(paths).toContain('dist/cli/main.js');
    // Every entry point of the export map, as JavaScript and declarations (tsconfig.build.json must list it).
    for (const [entry, target] of Object.entries(manifest().exports)) {
      if (typeof target === 'string') continue;
      expect(paths, `export "${entry}"`).toContain(target.default.slice(2));
      expect(paths, `export "${entry}"`).toContain(target.types.slice(2));
    }
    const schemas = sourceSchemas();
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) expect(paths, 'every schema of a registered protocol ships').toContain(`dist/${schema}`);
    const outside = paths.filter((path) => !/^(dist\/.+\.(js|d\.ts|json)|bin\/llm-conformance\.mjs|package\.json|README\.md|LICENSE)$/.test(path));
    expect(outside, 'files outside the build').toEqual([]);
    expect(paths.filter((path) => /(\.test\.|\/test-support\.|fixtures|\.tsbuildinfo)/.test(path))).toEqual([]);
  });

  it('`npx llm-conformance run` passes against the embedded mock (exit 0)', async () => {
    const result = await project.run(run![0]!, run!.slice(1));
    expect(result.code, tail(result.stdout + result.stderr)).toBe(0);
    expect(result.stdout).toMatch(/\d+ checks: \d+ passed, 0 failed/);
  });

  it('`npx llm-conformance mock` serves the official SDK and stops on SIGTERM to npx', async () => {
    const child = project.start(mock![0]!, [...mock!.slice(1, -1), '0']);
    let output = '';
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the mock printed no URL within 30 s:\n${output}`)), 30_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        };
        child.stdout!.on('data', read);
        child.stderr!.on('data', read);
        void closed.then(() => reject(new Error(`the mock exited before listening:\n${output}`)));
      });
      const client = new Anthropic({ apiKey: 'test-key', baseURL: url, maxRetries: 0 });
      const message = await client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 32, messages: [{ role: 'user', content: 'Hello there' }] });
      expect(message.content).toEqual([{ type: 'text', text: 'Hello there', citations: null }]);
    } finally {
      child.kill('SIGTERM');
    }
    // 'close' comes when every process holding the output pipes has ended: npm, its shell and the
    // mock itself, which npm does not signal (see bin/llm-conformance.mjs).
    const stopped = await Promise.race([closed.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 20_000, false))]);
    expect(stopped, `the mock still runs 20 s after SIGTERM to npx:\n${output}`).toBe(true);
    expect(output).toContain('stopped (SIGTERM)');
  });

  it('plain Node imports every public entry point (ESM) and the schemas load', async () => {
    const result = await project.run('node', ['imports.mjs']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 200, text: 'Hello there', messageDiagnostics: 0, sameExports: true, mswHandlers: 1 });
    expect(JSON.parse(result.stdout).schemas).toBeGreaterThan(0);
    expect(result.stderr).toBe('');
  });

  it("the consumer's `tsc --strict --module nodenext` compiles code using the public API with zero errors", async () => {
    const tsc = (file: string) => project.run('npx', ['tsc', '--strict', '--module', 'nodenext', '--noEmit', file]);
    // Two programs: one with the SDK (whose types bring Node's), one with only the mock.
    const results = await Promise.all([tsc('typed.ts'), tsc('mock-only.ts')]);
    for (const result of results) expect(result.stdout + result.stderr).toBe('');
    expect(results.map((result) => result.code)).toEqual([0, 0]);
  });

  it('vitest tests in the consumer: llm-conformance/msw with the official SDK, and the suite through llm-conformance/vitest', async () => {
    const result = await project.run('npx', ['vitest', 'run', '--reporter', 'verbose']);
    expect(result.code, tail(result.stdout + result.stderr)).toBe(0);
    // conformance.spec.ts: a preflight and one test per selected check, all passing; msw.spec.ts: one test.
    const selected = SUITES['anthropic-messages']!.checks.filter((check) => matchesFilter(check, 'basic,stream'));
    expect(selected.length).toBeGreaterThan(0);
    expect(result.stdout).toMatch(new RegExp(`Tests\\s+${selected.length + 2} passed`));
    expect(result.stdout).toContain('anthropic-messages > stream > event-order [must]');
  });

  it.each(['msw', 'vitest'])('llm-conformance/%s without %s installed names the package to install', async (peer) => {
    const installed = join(project.dir, 'node_modules', peer);
    renameSync(installed, `${installed}.away`);
    try {
      const result = await project.run('node', ['--input-type=module', '-e', `await import('llm-conformance/${peer}')`]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`llm-conformance/${peer} needs ${peer}`);
      expect(result.stderr).toContain(`npm install --save-dev ${peer}`);
    } finally {
      renameSync(`${installed}.away`, installed);
    }
  });

  const oldNode = olderSystemNode();
  it.runIf(oldNode)(`on an older Node (${oldNode?.version ?? 'none here'}), \`npx llm-conformance\` says which Node it needs and which it found`, async () => {
    const env = { ...project.env, PATH: [oldNode!.dir, project.env.PATH].join(delimiter) };
    const result = await project.run('npx', run!.slice(1), { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`needs Node.js ${minimumNode()} or newer; this is Node.js ${oldNode!.version}`);
    expect(result.stderr).toContain('npm install --save-dev node@22');
  });
});

/**
 * The JSON Schema files of every protocol the package registers (`specs/<protocol>/schemas/*.json`).
 * A spec folder no entry point imports yet is not part of the package, and not expected here.
 */
function sourceSchemas(): string[] {
  return Object.keys(PROTOCOL_SPECS).flatMap((protocol) =>
    readdirSync(join(ROOT, 'specs', protocol, 'schemas'))
      .filter((file) => file.endsWith('.json'))
      .map((file) => `specs/${protocol}/schemas/${file}`),
  );
}

function manifest(): { engines: { node: string }; exports: Record<string, string | { types: string; default: string }> } {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
}

/** The Node version the package's `engines` asks for, as the README and the CLI print it (`22.12`). */
function minimumNode(): string {
  return /\d+\.\d+\.\d+/.exec(manifest().engines.node)![0].replace(/\.0$/, '');
}

/** The machine's own Node when it is older than 22 (the CI machine's is 20), else undefined. */
function olderSystemNode(): { dir: string; version: string } | undefined {
  const node = '/usr/bin/node';
  if (!existsSync(node)) return undefined;
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  return Number(version.slice(1).split('.')[0]) < 22 ? { dir: '/usr/bin', version } : undefined;
}
