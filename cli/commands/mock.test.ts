import { describe, expect, it } from 'vitest';
import { mockCommand } from './mock.ts';

/** Runs `mock` in-process on a free port; `use` gets its URL; returns what it logged. */
async function withMock(args: readonly string[], use: (url: string) => Promise<void>): Promise<{ code: number; stderr: string }> {
  let stop!: (signal: string) => void;
  const stopSignal = new Promise<string>((resolve) => (stop = resolve));
  let stderr = '';
  let announce!: (url: string) => void;
  const listening = new Promise<string>((resolve) => (announce = resolve));
  const io = {
    stdout: (text: string) => {
      const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (url) announce(url);
    },
    stderr: (text: string) => void (stderr += text),
    stopSignal,
  };
  const running = mockCommand(['--port', '0', ...args], io);
  try {
    await use(await listening);
  } finally {
    stop('SIGTERM');
  }
  return { code: await running, stderr };
}

const ANTHROPIC = { 'x-api-key': 'sk-ant-test-0000', 'anthropic-version': '2023-06-01' };

describe('llm-conformance mock', () => {
  it('logs requests without the credentials a query string carries', async () => {
    const { code, stderr } = await withMock([], async (url) => {
      expect((await fetch(`${url}/v1beta/models/gemini-2.5-flash:generateContent?alt=sse&key=AIza-SECRET-123`, { method: 'POST' })).status).toBe(400);
    });
    expect(code).toBe(0);
    expect(stderr).toContain('POST /v1beta/models/gemini-2.5-flash:generateContent?alt=sse&key=[redacted] 400');
    expect(stderr).not.toContain('AIza-SECRET-123');
  });

  it('serves unlisted ids of a known family, unless --catalog-only', async () => {
    await withMock([], async (url) => {
      expect((await fetch(`${url}/v1/models/claude-sonnet-9`, { headers: ANTHROPIC })).status).toBe(200);
    });
    await withMock(['--catalog-only', '--quiet'], async (url) => {
      expect((await fetch(`${url}/v1/models/claude-sonnet-9`, { headers: ANTHROPIC })).status).toBe(404);
      expect((await fetch(`${url}/v1/models/claude-sonnet-4-6`, { headers: ANTHROPIC })).status).toBe(200);
    });
  });

  it('--mutant takes PROTOCOL/ID, and a bare id only when one protocol has it', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, stopSignal: new Promise<string>(() => undefined) };
    // `bad-request-500` exists in several suites: the bare name is ambiguous and names the choices.
    await expect(mockCommand(['--mutant', 'bad-request-500'], io)).rejects.toThrow(/exists in several protocols: use anthropic-messages\/bad-request-500 or /);
    await expect(mockCommand(['--mutant', 'no-such-mutant'], io)).rejects.toThrow(/unknown mutant "no-such-mutant"/);
    let listed = '';
    await mockCommand(['--list-mutants'], { ...io, stdout: (t: string) => void (listed += t) });
    expect(listed).toContain('anthropic-messages/sse-no-event-lines  ');
    const { code } = await withMock(['--mutant', 'openai-chat/bad-request-500', '--quiet'], async (url) => {
      const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(500);
    });
    expect(code).toBe(0);
  });
});
