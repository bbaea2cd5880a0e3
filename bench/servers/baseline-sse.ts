/**
 * Bench child: the bare node:http floor for streaming POST /v1/messages. It reads and parses the
 * body like the JSON baseline, then writes an Anthropic event stream with the same events and
 * text deltas as the mock's reply, in one write (as the mock's transport does when every frame is
 * ready). argv[2] picks how the stream is made:
 * - `fixed` (default): encoded once at start; the cost of HTTP and bytes alone, the floor;
 * - `per-request`: a minimal echo streamer: split the request's last user text into tokens and
 *   JSON-encode every event per request, i.e. the work any non-replaying server must do.
 */
import { createServer } from 'node:http';
import { serveParent } from '../ipc.ts';
import { baselineStreamEvents, STREAM_PROMPT } from '../payload.ts';
import { listenLoopback, readText } from './listen.ts';

const perRequest = process.argv[2] === 'per-request';
const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'request-id': 'req_011BaselineBaselineBaseli',
};

function encode(text: string): string {
  let out = '';
  for (const [event, data] of baselineStreamEvents(text)) out += `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  return out;
}

const FIXED = encode(STREAM_PROMPT);

interface Body {
  readonly model?: unknown;
  readonly stream?: unknown;
  readonly messages?: readonly { readonly content?: unknown }[];
}

const send = serveParent();
const server = createServer((req, res) => {
  readText(req).then((text) => {
    const body = JSON.parse(text) as Body;
    const prompt = body.messages?.at(-1)?.content;
    if (req.method !== 'POST' || typeof body.model !== 'string' || body.stream !== true || typeof prompt !== 'string') {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"type":"error","error":{"type":"invalid_request_error","message":"bad request"}}');
      return;
    }
    res.writeHead(200, HEADERS);
    res.end(perRequest ? encode(prompt) : FIXED);
  }, (error: unknown) => res.destroy(error as Error));
});
send({ type: 'ready', port: await listenLoopback(server) });
