import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { anthropicMessagesSuite } from '../suites/anthropic-messages/index.ts';
import { SUITES } from '../suites/index.ts';
import { BIN, runCli, startMock, useTempDir, validateReport } from './cli-helpers.ts';

const tempDir = useTempDir('llm-conformance-cli-');

describe('llm-conformance run against the embedded mock', () => {
  it('passes every check, prints a summary and writes a valid JSON report', async () => {
    const file = join(tempDir(), 'embedded.json');
    const result = await runCli(['run', '--report-json', file]);
    expect(result.code, result.stderr).toBe(0);
    // Every registered suite runs against the embedded mock.
    const suites = Object.values(SUITES);
    const checks = suites.reduce((sum, suite) => sum + suite.checks.length, 0);
    expect(checks).toBeGreaterThanOrEqual(40);
    expect(result.stdout).toContain(`${checks} checks: ${checks} passed, 0 failed, 0 blocked, 0 skipped (0 must failures)`);
    const report = JSON.parse(await readFile(file, 'utf8'));
    expect(validateReport(report)).toEqual([]);
    expect(report.summary).toMatchObject({ passed: checks, failed: 0, skipped: 0 });
    expect(report.target.embedded).toBe(true);
    expect(report.target.model).toBeNull();
    expect(report.target.models).toEqual(Object.fromEntries(suites.map((suite) => [suite.protocol, suite.defaultModel])));
  });
});

describe('llm-conformance mock + run --base-url', () => {
  it('serves the suite over HTTP and stops cleanly on SIGINT', async () => {
    const mock = await startMock();
    try {
      const file = join(tempDir(), 'mock.json');
      const result = await runCli(['run', '--base-url', mock.url, '--protocol', 'anthropic-messages', '--report-json', file]);
      expect(result.code, result.stdout).toBe(0);
      const report = JSON.parse(await readFile(file, 'utf8'));
      expect(validateReport(report)).toEqual([]);
      expect(report.target).toMatchObject({ baseUrl: mock.url, protocols: ['anthropic-messages'], embedded: false });
      expect(report.checks.every((c: { status: string }) => c.status === 'pass')).toBe(true);
    } finally {
      const stopped = await mock.stop('SIGINT');
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toContain('stopped (SIGINT)');
    }
  });

  const issueMutants = ['sse-no-event-lines', 'sse-done-sentinel', 'openai-error-envelope', 'drop-content-block-stop', 'tool-stop-reason-end-turn'];
  it.each(issueMutants)('exits 1 against the %s mutant and names the deviation', async (mutantId) => {
    const mutant = anthropicMessagesSuite.mutants.find((m) => m.id === mutantId)!;
    const mock = await startMock(['--mutant', `anthropic-messages/${mutantId}`]);
    try {
      const file = join(tempDir(), `${mutantId}.json`);
      const result = await runCli(['run', '--base-url', mock.url, '--report-json', file]);
      expect(result.code).toBe(1);
      const report = JSON.parse(await readFile(file, 'utf8'));
      expect(validateReport(report)).toEqual([]);
      const failed = report.checks.filter((c: { status: string }) => c.status === 'fail').map((c: { id: string }) => c.id);
      for (const id of mutant.breaks) expect(failed).toContain(id);
      expect(result.stdout).toContain('NOT CONFORMANT');
    } finally {
      await mock.stop('SIGTERM');
    }
  });
});

describe('exit codes and messages', () => {
  it.each([
    [['run', '--bogus'], "Unknown option '--bogus'"],
    [['run', '--protocol', 'grpc'], 'unknown protocol "grpc"'],
    [['run', '--base-url', 'http://127.0.0.1:4010/v1'], 'drop the trailing /v1'],
    [['run', '--base-url', 'not a url'], 'is not a URL'],
    [['run', '--filter', 'no-such-check'], '"no-such-check" matches no check'],
    [['run', '--timeout', '0'], '--timeout must be an integer from 10 to 3600000 ms, got "0"'],
    [['mock', '--mutant', 'nope'], 'unknown mutant "nope"'],
    [['mock', '--port', '70000'], '--port must be an integer from 0 to 65535, got "70000"'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('an unreachable target is one clear message, not one failure per check (exit 1)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await runCli(['run', '--base-url', `http://127.0.0.1:${port}`, '--protocol', 'anthropic-messages']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`could not reach http://127.0.0.1:${port}: ECONNREFUSED`);
    // One message for the protocol run (its preflight), never one per check.
    expect(result.stdout.split('could not reach')).toHaveLength(2);
    expect(result.stdout).toContain('NOT JUDGED');
  });

  it('--list, --help and --version exit 0', async () => {
    const list = await runCli(['run', '--list', '--filter', 'anthropic-messages/stream/*']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('anthropic-messages/stream/event-order  [must]');
    expect(list.stdout).not.toContain('anthropic-messages/basic/');
    expect((await runCli(['run', '--help'])).code).toBe(0);
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli(['mock', '--list-mutants'])).stdout).toContain('sse-no-event-lines');
  });
});

describe('secrets', () => {
  it('never prints the API key, even when the target echoes it back', async () => {
    const secret = 'sk-ant-test-SECRET-0123456789';
    // A hostile target that quotes the caller's key in every error.
    const server = createServer((req, res) => {
      const key = String(req.headers['x-api-key'] ?? req.headers.authorization ?? '');
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `invalid key ${key}` } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const file = join(tempDir(), 'secret.json');
      const result = await runCli(['run', '--base-url', `http://127.0.0.1:${port}`, '--api-key', secret, '--report-json', file, '--filter', 'basic,errors']);
      // Rejected under every scheme: a configuration problem, reported once (exit 2).
      expect(result.code).toBe(2);
      const report = await readFile(file, 'utf8');
      for (const text of [result.stdout, result.stderr, report]) expect(text).not.toContain(secret);
      expect(result.stdout).toContain('[redacted]');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

function systemNodeVersion(): string | undefined {
  try {
    return execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const systemNode = systemNodeVersion();
const oldNode = systemNode !== undefined && Number(systemNode.slice(1).split('.')[0]) < 22;

describe('node version guard', () => {
  it.runIf(oldNode)(`fails fast with a clear message on the system Node (${systemNode ?? 'none'})`, async () => {
    const result = await runCli(['run'], { node: '/usr/bin/node' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs Node.js 22.18 or newer');
    expect(BIN).toMatch(/llm-conformance\.mjs$/);
  });
});
