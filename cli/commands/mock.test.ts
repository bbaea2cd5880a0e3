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
});
