import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import reportSchema from '../cli/report/report.schema.json' with { type: 'json' };
import { SchemaRegistry } from '../specs/tooling/schema-registry.ts';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/llm-conformance.mjs', import.meta.url));
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The variables that configure a run (keys, base URLs, options), emptied: a developer's shell
 * (an OPENAI_BASE_URL pointing at a proxy) must not steer the tests. Empty counts as unset.
 */
export const CLEAN_ENV: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(process.env)
    .filter((name) => name.startsWith('LLM_CONFORMANCE_'))
    .concat(['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_GEMINI_BASE_URL', 'LLM_CONFORMANCE_API_KEY'])
    .map((name) => [name, '']),
);

/** Runs the CLI to completion with this process's Node (22) and returns its exit code and output. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; node?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.node ?? process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...CLEAN_ENV, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A running `llm-conformance mock`: its URL and a way to stop it (SIGINT) and collect its exit. */
export interface MockProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
}

/** Starts `llm-conformance mock --port 0 …` and waits for the URL it prints. */
export function startMock(args: readonly string[] = []): Promise<MockProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'mock', '--port', '0', '--quiet', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const closed = new Promise<CliResult>((done) => child.once('close', (code) => done({ code, stdout, stderr })));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) {
        resolve({
          url,
          child,
          stop: (signal = 'SIGINT') => {
            child.kill(signal);
            return closed;
          },
        });
      }
    });
    child.once('error', reject);
    void closed.then((result) => reject(new Error(`the mock exited early (${String(result.code)}): ${result.stderr}`)));
  });
}

const reportRegistry = new SchemaRegistry([reportSchema]);

/** The findings of the report schema on a parsed JSON report (`[]` when it is valid). */
export const validateReport = (report: unknown) => reportRegistry.validate(reportSchema.$id, report);

/** A temporary folder for the tests of one file (made before them, removed after): call the result for its path. */
export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return () => dir;
}
