import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIECE_LENGTH } from '../cli/redact.ts';
import { runCli } from './cli-helpers.ts';

const KEY = 'sk-ant-api03-Qz7Wm2Xv9Lp4Rt8Ny3Kb6Hd1Jf5Gc0';
const HEADER_SECRET = 'pk-live-Vn4Tz8Qm1Xr6Lw3Yb9Hs';
/** The custom header that carries it (a secret by its name: `token`). */
const HEADER = 'x-secret-token';
/** Echoed exactly like the secrets, but not one: its pieces must reach the output (the test can fail). */
const CONTROL = 'ctl-Mq5Zr2Wv8Kt1Xn7Lb4Pd6';

/** The forms a hostile target echoes: as is, re-cased, base64, base64url. */
function forms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [secret, secret.toLowerCase(), secret.toUpperCase(), b64, b64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')];
}

/** Every `PIECE_LENGTH`-character window of any form of `secret` found in `text`, case-insensitively. */
function pieces(text: string, secret: string): string[] {
  const haystack = text.toLowerCase();
  const found = new Set<string>();
  for (const form of forms(secret)) {
    for (let i = 0; i + PIECE_LENGTH <= form.length; i++) {
      const piece = form.slice(i, i + PIECE_LENGTH).toLowerCase();
      if (haystack.includes(piece)) found.add(piece);
    }
  }
  return [...found];
}

/**
 * A target that quotes what it was sent, as an error, in every request: each secret at a moving
 * offset (so the tool's own cuts, at 160 characters and elsewhere, fall at every position inside
 * it), cut at every length, in every form, in the message, in a header and in an unknown field.
 */
let requests = 0;
const server = createServer((req, res) => {
  const n = requests++;
  req.resume();
  const key = String(req.headers['x-api-key'] ?? req.headers.authorization ?? '').replace(/^Bearer /, '');
  const sent = String(req.headers[HEADER] ?? '');
  const echo = (secret: string) => {
    const form = forms(secret)[n % 5]!;
    const cut = form.slice(0, 1 + (n % form.length));
    return `${'.'.repeat(n % 97)}${form} / ${cut}`;
  };
  const message = `invalid credentials: key ${echo(key)}, header ${echo(sent)}, control ${echo(CONTROL)}`;
  res.writeHead(n % 2 === 0 ? 400 : 200, { 'content-type': 'application/json', 'x-echo': `${key.slice(n % 10)}`, 'x-echo-header': `${sent.slice(n % 7)}` });
  res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message }, echoed: { key, upper: key.toUpperCase(), sent } }));
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-conformance-redaction-'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('redaction after formatting (the canary test)', () => {
  it('leaves no 6-character piece of the key or a secret header, in any form, in any output: console, every report format, the trace', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const reports = join(dir, 'reports');
    const trace = join(dir, 'trace');
    const result = await runCli(['run', '--base-url', url, '--api-key', KEY, '--header', `${HEADER}: ${HEADER_SECRET}`, '--report-dir', reports, '--trace', trace], {
      env: { LLM_CONFORMANCE_API_KEY: '', FORCE_COLOR: '1' },
    });
    expect(requests).toBeGreaterThan(20);
    const files = Object.fromEntries(
      await Promise.all([
        ...(await readdir(reports)).map(async (name) => [name, await readFile(join(reports, name), 'utf8')] as const),
        ...(await readdir(trace)).map(async (name) => [`trace/${name}`, await readFile(join(trace, name), 'utf8')] as const),
      ]),
    );
    expect(Object.keys(files).filter((name) => !name.startsWith('trace/')).sort()).toEqual(['conformance.html', 'conformance.json', 'conformance.junit.xml', 'conformance.md']);
    expect(Object.keys(files).filter((name) => name.startsWith('trace/')).length).toBeGreaterThan(20);
    const outputs: Record<string, string> = { stdout: result.stdout, stderr: result.stderr, ...files };
    for (const [name, text] of Object.entries(outputs)) {
      expect(pieces(text, KEY), name).toEqual([]);
      expect(pieces(text, HEADER_SECRET), name).toEqual([]);
    }
    // The echoes did reach the outputs, cut by the tool: the control token shows through in pieces.
    for (const name of ['stdout', 'conformance.json', 'conformance.junit.xml', 'conformance.md', 'conformance.html']) {
      expect(pieces(outputs[name]!, CONTROL).length, name).toBeGreaterThan(3);
      expect(outputs[name], name).toContain('[redacted]');
    }
    expect(() => JSON.parse(files['conformance.json']!)).not.toThrow();
    expect(JSON.parse(files['conformance.json']!).target.headers).toEqual({ [HEADER]: '[redacted]' });
  });
});
