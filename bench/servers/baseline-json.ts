/**
 * Bench child: the bare node:http floor for non-streaming POST /v1/messages. It reads the body,
 * JSON.parses it, checks `model`, and answers a fixed Anthropic Message (built once) the way the
 * mock's transport does (`writeHead` + one `end`).
 */
import { createServer } from 'node:http';
import { serveParent } from '../ipc.ts';
import { baselineMessage, SHORT_PROMPT } from '../payload.ts';
import { listenLoopback, readText } from './listen.ts';

const BODY = JSON.stringify(baselineMessage(SHORT_PROMPT));
const HEADERS = { 'content-type': 'application/json', 'request-id': 'req_011BaselineBaselineBaseli' };

const send = serveParent();
const server = createServer((req, res) => {
  readText(req).then((text) => {
    const body = JSON.parse(text) as { model?: unknown };
    if (req.method !== 'POST' || typeof body.model !== 'string') {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"type":"error","error":{"type":"invalid_request_error","message":"bad request"}}');
      return;
    }
    res.writeHead(200, HEADERS);
    res.end(BODY);
  }, (error: unknown) => res.destroy(error as Error));
});
send({ type: 'ready', port: await listenLoopback(server) });
