/**
 * A consumer project for the package test: `npm pack` of this repository, then a fresh project in a
 * temporary folder that installs the tarball the way the README tells users to, from npm's cache only.
 * One pack and one install, shared by every case of `consumer.test.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consumerLockfile, type LockEntry, type Lockfile } from './offline-lockfile.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('consumer/', import.meta.url));
/** What a consumer adds next to the package for its own code: the SDK it calls, msw, a test runner, a compiler. */
const CONSUMER_TOOLS = ['@anthropic-ai/sdk', 'msw', 'vitest', 'typescript', '@types/node'] as const;
/** Never the network: every package must come from the cache `npm ci` of this repository filled. */
export const OFFLINE = ['--offline', '--no-audit', '--no-fund'] as const;

export interface CommandResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** One file of the tarball, as `npm pack --json` lists it. */
export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

export interface ConsumerProject {
  readonly dir: string;
  /** The environment every command runs in (a user's shell: this Node first on PATH). */
  readonly env: NodeJS.ProcessEnv;
  readonly tarball: string;
  readonly files: readonly PackedFile[];
  /** Runs a command in the project, bounded in time; never rejects for a non-zero exit. */
  run(command: string, args: readonly string[], options?: { timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<CommandResult>;
  /** Starts a long-running command in the project (the caller stops it). */
  start(command: string, args: readonly string[]): ChildProcess;
  remove(): Promise<void>;
}

/**
 * Packs this repository (`prepack` builds dist/) into a new temporary project, writes the consumer's
 * files and a lockfile for its tools (see offline-lockfile.ts), and leaves the install to the caller,
 * who runs the README's command.
 */
export async function createConsumerProject(): Promise<ConsumerProject> {
  const dir = mkdtempSync(join(tmpdir(), 'llm-conformance-consumer-'));
  const env = consumerEnv();
  const run = (command: string, args: readonly string[], timeoutMs = 120_000, cwd = dir, extra: NodeJS.ProcessEnv = {}) =>
    runCommand(command, args, { cwd, env: { ...env, ...extra }, timeoutMs });
  try {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], 120_000, ROOT);
    if (packed.code !== 0) throw new Error(`npm pack failed (exit ${String(packed.code)}):\n${tail(packed.stderr)}`);
    const [pack] = JSON.parse(packed.stdout) as [{ filename: string; integrity: string; files: PackedFile[] }];
    writeConsumer(dir, pack.filename, pack.integrity);
    return {
      dir,
      env,
      tarball: pack.filename,
      files: pack.files,
      run: (command, args, options = {}) => run(command, args, options.timeoutMs, dir, options.env),
      start: (command, args) => spawn(command, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] }),
      remove: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The consumer's package.json (its tools at the versions this repository locks, so they are in the
 * cache), its lockfile (those tools plus the dependencies the package will ask for), and its code.
 */
function writeConsumer(dir: string, tarball: string, integrity: string): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as LockEntry & { name: string; version: string };
  const devDependencies = Object.fromEntries(CONSUMER_TOOLS.map((name) => [name, lock.packages[`node_modules/${name}`]!.version!]));
  const manifest = { name: 'llm-conformance-consumer', version: '1.0.0', private: true, type: 'module', devDependencies };
  // The package's own lock entry, as npm will write it: its dependencies are cut from this
  // repository's lockfile too, then the entry itself is left to `npm install <tarball>`.
  const self: LockEntry = { version: pkg.version, resolved: `file:${tarball}`, integrity, ...pickDeps(pkg) };
  const consumerLock = consumerLockfile(lock, { name: manifest.name, devDependencies, localPackages: { [`node_modules/${pkg.name}`]: self } });
  delete consumerLock.packages[`node_modules/${pkg.name}`];
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(consumerLock, null, 2)}\n`);
  for (const file of ['imports.mjs', 'typed.ts', 'mock-only.ts', 'msw.spec.ts', 'conformance.spec.ts']) copyFileSync(join(FIXTURE, file), join(dir, file));
}

function pickDeps(pkg: LockEntry): LockEntry {
  const { dependencies, peerDependencies, peerDependenciesMeta } = pkg;
  return { dependencies, peerDependencies, peerDependenciesMeta };
}

/**
 * The environment of a user's shell: this Node (22) first on PATH, none of this repository's
 * `node_modules/.bin` (the consumer's tools are its own), and no `npm_*` variables of the `npm test`
 * that runs us (they describe this package), except where npm's cache and config are.
 */
function consumerEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_registry']);
  // What vitest sets for its own workers (VITEST_*, NODE_ENV=test) must not reach the consumer's vitest.
  const ours = (name: string) => (name.startsWith('npm_') && !kept.has(name)) || name.startsWith('vitest') || name === 'node_env' || name === 'test';
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!ours(name.toLowerCase())) env[name] = value;
  }
  const path = (process.env.PATH ?? '').split(delimiter).filter((entry) => entry && !resolve(entry).startsWith(ROOT));
  env.PATH = [dirname(process.execPath), ...path].join(delimiter);
  env.NO_COLOR = '1';
  // A developer's keys and base URLs (OPENAI_BASE_URL pointing at a proxy) must not steer the consumer's runs.
  for (const key of Object.keys(env)) if (key.startsWith('LLM_CONFORMANCE_')) delete env[key];
  for (const key of ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_GEMINI_BASE_URL', 'NODE_OPTIONS']) delete env[key];
  return env;
}

/** Runs a command to completion, killed (and reported) when it outlives `timeoutMs`. */
export function runCommand(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`\`${[command, ...args].join(' ')}\` did not finish within ${options.timeoutMs / 1000} s:\n${tail(stdout)}\n${tail(stderr)}`));
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    // 'close', not 'exit': every process holding the output pipes has ended.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/** The last lines of a command's output, for a failure message. */
export function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
