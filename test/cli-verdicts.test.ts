import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startMock, useTempDir, validateReport } from './cli-helpers.ts';
import { answering, endlessStreams, type HostileTarget, stallingStreams } from './hostile-targets.ts';

const tempDir = useTempDir('llm-conformance-verdicts-');

async function withTarget<T extends HostileTarget>(start: () => Promise<T>, use: (target: T) => Promise<void>): Promise<void> {
  const target = await start();
  try {
    await use(target);
  } finally {
    await target.close();
  }
}

describe('preflight: misconfiguration is one message, not a verdict', () => {
  it('a key the target rejects under every auth scheme: exit 2, one message', async () => {
    const mock = await startMock(['--api-key', 'sk-the-right-key-0000']);
    try {
      const result = await runCli(['run', '--base-url', mock.url, '--protocol', 'anthropic-messages', '--api-key', 'sk-a-wrong-key-11111']);
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('rejected the API key under both x-api-key and Authorization: Bearer');
      expect(result.stdout.match(/rejected the API key/g)).toHaveLength(1);
      expect(result.stdout).not.toContain('✗');
      expect(result.stdout).not.toContain('sk-a-wrong-key-11111');
    } finally {
      await mock.stop();
    }
  });

  it('a model the target does not serve: exit 2, naming the models it lists', async () => {
    const mock = await startMock();
    try {
      const file = join(tempDir(), 'model.json');
      const result = await runCli(['run', '--base-url', mock.url, '--protocol', 'anthropic-messages', '--model', 'nonexistent-model-9', '--report-json', file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/does not serve model nonexistent-model-9 .*it lists: .*claude-sonnet-4-6/);
      const report = JSON.parse(await readFile(file, 'utf8'));
      expect(validateReport(report)).toEqual([]);
      expect(report).toMatchObject({ verdict: 'misconfigured', exitCode: 2, preflight: [{ protocol: 'anthropic-messages', ok: false, problem: 'model' }] });
      expect(report.checks.every((c: { skipKind?: string }) => c.skipKind === 'not-run')).toBe(true);
    } finally {
      await mock.stop();
    }
  });
});

describe('hostile targets: bounded, and reported for what they are', () => {
  it('a target answering 429 forever is reported as rate-limited with its retry-after, and the run gives up (exit 1)', async () => {
    await withTarget(
      () => answering(429, { 'content-type': 'application/json', 'retry-after-ms': '5' }, '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}'),
      async (target) => {
        const result = await runCli(['run', '--base-url', target.url]);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('the target is rate-limiting: HTTP 429 after 4 attempt(s) (retry-after-ms: 5)');
        expect(result.stdout).toContain('NOT JUDGED');
        expect(target.requests()).toBeLessThanOrEqual(10);
      },
    );
  });

  it('a server answering an HTML page to everything fails (nothing to check is not a pass)', async () => {
    await withTarget(
      () => answering(200, { 'content-type': 'text/html' }, '<!doctype html><html><body>Welcome to nginx!</body></html>'),
      async (target) => {
        const file = join(tempDir(), 'html.json');
        const result = await runCli(['run', '--base-url', target.url, '--report-json', file]);
        expect(result.code).toBe(1);
        const report = JSON.parse(await readFile(file, 'utf8'));
        expect(report.summary.passed).toBe(0);
        expect(result.stdout).toContain('hint: the target answered an HTML page');
      },
    );
  });

  it('a target that sends stream headers and stalls: every exchange times out, and the process exits after the summary', async () => {
    await withTarget(stallingStreams, async (target) => {
      const result = await runCli(['run', '--base-url', target.url, '--timeout', '300', '--concurrency', '8']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('timed out after 300 ms');
      expect(result.stdout).toMatch(/\d+ checks: .* — NOT CONFORMANT\n/);
    });
  });

  it('a target that streams forever: every stream is cut (size or time), the run ends (exit 1)', async () => {
    await withTarget(endlessStreams, async (target) => {
      const result = await runCli(['run', '--base-url', target.url, '--timeout', '2000', '--concurrency', '8', '--filter', 'stream,tools']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/larger than 16777216 bytes|timed out after 2000 ms/);
    });
  });
});

describe('evidence, root causes and --trace', () => {
  it('report the exchange behind each failure, group blocked checks under their root, and write every exchange (redacted)', async () => {
    const mock = await startMock(['--mutant', 'anthropic-messages/sse-content-type-json']);
    try {
      const file = join(tempDir(), 'evidence.json');
      const traceDir = join(tempDir(), 'trace');
      const key = 'sk-ant-trace-secret-0123456789';
      const result = await runCli(['run', '--base-url', mock.url, '--api-key', key, '--report-json', file, '--trace', traceDir, '--filter', 'stream']);
      expect(result.code).toBe(1);
      const report = JSON.parse(await readFile(file, 'utf8'));
      expect(validateReport(report)).toEqual([]);
      const failure = report.checks.find((c: { id: string }) => c.id === 'anthropic-messages/stream/content-type');
      expect(failure.evidence).toMatchObject({ expected: 'text/event-stream', actual: 'application/json', exchange: { method: 'POST', status: 200, responseHeaders: { 'content-type': 'application/json' } } });
      expect(failure.evidence.exchange.responseBody).toContain('event: message_start');
      expect(failure.evidence.exchange.requestHeaders['x-api-key']).toBe('[redacted]');
      expect(result.stdout).toContain('expected: text/event-stream');
      expect(result.stdout).toContain('POST /v1/messages → HTTP 200 application/json');
      const files = await readdir(traceDir);
      expect(files.length).toBeGreaterThan(5);
      expect(files[0]).toMatch(/^0001-anthropic-messages-(HEAD|POST|GET)-/);
      const traced = await Promise.all(files.map((f) => readFile(join(traceDir, f), 'utf8')));
      for (const text of [...traced, result.stdout, await readFile(file, 'utf8')]) expect(text).not.toContain(key);
      expect(traced.some((t) => t.includes('"by": "anthropic-messages/stream:basic"'))).toBe(true);
      expect(result.stdout).toContain(`Trace: ${files.length} exchanges in ${traceDir}`);
    } finally {
      await mock.stop();
    }
  });

  it('a gateway that cuts every stream short: one root failure, the rest blocked, counted apart', async () => {
    const mock = await startMock(['--mutant', 'anthropic-messages/sse-truncated']);
    try {
      const file = join(tempDir(), 'roots.json');
      const result = await runCli(['run', '--base-url', mock.url, '--report-json', file]);
      expect(result.code).toBe(1);
      const report = JSON.parse(await readFile(file, 'utf8'));
      expect(report.summary.failed).toBe(1);
      expect(report.summary.blocked).toBeGreaterThanOrEqual(5);
      expect(result.stdout).toMatch(/anthropic-messages\/stream\/event-order \[must\] — blocks \d+ checks/);
      expect(result.stdout).toContain('⊘ no-done-sentinel  blocked by anthropic-messages/stream/event-order');
      expect(result.stdout).toMatch(/\d+ checks: \d+ passed, 1 failed, \d+ blocked, 0 skipped \(1 must failures\)/);
    } finally {
      await mock.stop();
    }
  });
});
