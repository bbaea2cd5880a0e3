import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import reportSchema from '../cli/report/report.schema.json' with { type: 'json' };
import { SchemaRegistry } from '../specs/tooling/schema-registry.ts';
import { mockCommand } from '../cli/commands/mock.ts';
import { runCommand } from '../cli/commands/run.ts';
import { UsageError } from '../cli/exit-codes.ts';
import { BIN, ROOT, runCli } from './cli-helpers.ts';

const registry = new SchemaRegistry([reportSchema]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-conformance-options-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('usage errors', () => {
  it('print the message and one line of help, not the whole usage', async () => {
    const result = await runCli(['run', '--concurrency', '1000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("llm-conformance: --concurrency must be an integer from 1 to 64, got \"1000\"\nrun 'llm-conformance run --help' for options\n");
    expect(result.stdout).toBe('');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.stderr).toBe("llm-conformance: unknown command \"frobnicate\"\nrun 'llm-conformance --help' for usage\n");
  });

  it.each([
    [['run', '--timeout', '1e3'], '--timeout must be an integer from 10 to 3600000 ms, got "1e3"'],
    [['run', '--timeout', '9999999999'], '--timeout must be an integer from 10 to 3600000 ms'],
    [['run', '--concurrency', '0x4'], '--concurrency must be an integer from 1 to 64, got "0x4"'],
    [['mock', '--port', ''], '--port must be an integer from 0 to 65535, got ""'],
    [['mock', '--port=-1'], '--port must be an integer from 0 to 65535, got "-1"'],
    [['run', '--header', 'x-portkey-provider anthropic'], "--header must be 'Name: value': one has no colon"],
    [['run', '--header', 'bad name: v'], "--header must be 'Name: value': one has a name with characters a header name cannot have"],
    [['run', '--header', 'content-length: 5'], '--header "content-length" is managed by the HTTP client'],
    [['run', '--header', 'x-a: 1', '--header', 'X-A: 2'], '--header "X-A" is given twice'],
    [['run', '--base-url', 'http://alice:hunter2-secret@127.0.0.1:9'], '--base-url must not contain credentials'],
    [['run', '--filter', 'stream,!'], "'!' must be followed by a term"],
    [['run', '--filter', 'anthropic-messages'], '"anthropic-messages" matches no check (a bare word names an area: basic, auth, stream'],
  ])('%j is a usage error: %s', async ([command, ...args], message) => {
    // In-process (the CLI's formatting of usage errors is covered above): a UsageError is exit 2.
    let stdout = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stdout += t) };
    const run = command === 'mock' ? mockCommand(args, { ...io, stopSignal: new Promise<string>(() => {}) }) : runCommand(args, { ...io, env: {}, color: false });
    const error = await run.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('hunter2');
    expect(stdout).toBe('');
  });
});

it('a key longer than the redactor bound is a usage error, not an internal one', async () => {
  const run = runCommand(['--api-key', 'k'.repeat(16 * 1024 + 1)], { stdout: () => {}, stderr: () => {}, env: {}, color: false });
  await expect(run).rejects.toThrow(new UsageError('the API key is longer than 16384 characters'));
});

describe('--report-json', () => {
  it('refuses a directory before the run', async () => {
    for (const target of [dir, `${join(dir, 'new-dir')}/`]) {
      const result = await runCli(['run', '--report-json', target]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('is a directory: give a file path such as');
      expect(result.stdout).toBe('');
    }
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const under = await runCli(['run', '--report-json', join(file, 'report.json')]);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`${file} is a file, not a directory`);
  });

  it('- writes the report to stdout and the console report to stderr', async () => {
    const result = await runCli(['run', '--report-json', '-', '--filter', 'anthropic-messages/basic']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(registry.validate(reportSchema.$id, report)).toEqual([]);
    expect(report.checks.every((c: { id: string }) => c.id.startsWith('anthropic-messages/basic/'))).toBe(true);
    expect(result.stderr).toContain('CONFORMANT');
    expect(result.stderr).not.toContain('JSON report:');
  });
});

describe('stdout closed early', () => {
  it('`run --list | head -1` prints one line and no EPIPE stack', async () => {
    const lines = Array.from({ length: 3 }, () => `'${BIN}' run --list`).join('; ');
    const child = spawn('/bin/sh', ['-c', `(${lines}) | head -1`], { cwd: ROOT, env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toBe('');
  });
});

describe('--header', () => {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `no route; you sent ${String(req.headers['x-gateway-token'])}` } }));
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is sent on every request, SDK and raw; a secret-looking one is redacted in every output', async () => {
    const token = 'gw7Qx9Lk2Vb0Np4Rt8Zs3Wm';
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const file = join(dir, 'headers', 'report.json');
    await mkdir(join(dir, 'headers'), { recursive: true });
    const result = await runCli([
      'run',
      '--base-url',
      url,
      '--filter',
      'basic,models',
      '--header',
      'X-Portkey-Provider: anthropic',
      '--header',
      `x-gateway-token:  ${token} `,
      '--report-json',
      file,
    ]);
    expect(result.code).toBe(1);
    // Every request of the checks (the reachability probe aside), through the SDK or raw.
    const api = seen.filter((r) => r.url.startsWith('/v1/'));
    expect(api.length).toBeGreaterThan(8);
    for (const { headers } of api) expect(headers).toMatchObject({ 'x-portkey-provider': 'anthropic', 'x-gateway-token': token });
    expect(api.some((r) => String(r.headers['user-agent']).includes('Anthropic/JS'))).toBe(true);
    expect(api.some((r) => !String(r.headers['user-agent']).includes('Anthropic/JS'))).toBe(true);
    const report = await readFile(file, 'utf8');
    expect(JSON.parse(report).target.headers).toEqual({ 'x-portkey-provider': 'anthropic', 'x-gateway-token': '[redacted]' });
    for (const text of [result.stdout, result.stderr, report]) expect(text.toLowerCase()).not.toContain('lk2vb0np4r');
    expect(result.stdout).toContain('you sent [redacted]');
  });
});
