import { encodeSseFrame } from '../../wire/sse-encode.ts';
import { parseRawFrames, type RawFrame } from '../../wire/sse-parse.ts';
import type { RequestHandlerLike } from '../../wire/wire-request.ts';
import { isStream, type SeenReply, type SeenRequest, wrapHandler } from './rewrite-hooks.ts';

/**
 * A spec-valid variation of the reference mock's replies: what the SSE spec, RFC 8259 or the
 * vendor's docs allow a server to do differently (CRLF line ends, comments, split writes,
 * unknown fields, unknown event types…). The variant-server test (`suites/variations.test.ts`)
 * runs every suite against the mock with one variation at a time: every check must still pass,
 * since a false failure is a bug of ours as serious as a missed deviation.
 *
 * Generic variations ({@link GENERIC_VARIATIONS} in `variations.ts`) apply to every protocol; a
 * suite adds its protocol's own as data (`ProtocolSuite.variations`).
 */
export interface Variation {
  readonly id: string;
  /** What differs, in one line. */
  readonly description: string;
  /** The rule that allows it (a spec section or a vendor doc). */
  readonly allowedBy: string;
  /** Rewrites a reply of the reference mock (return it unchanged when the variation does not apply). */
  rewrite(reply: SeenReply, context: VariationContext): SeenReply;
  /**
   * Undoes on a request what the variation added to replies: a server accepts back what it sent
   * (a client replays an assistant turn verbatim, unknown fields included).
   */
  undo?(request: SeenRequest): SeenRequest;
}

/** What a protocol tells generic variations. */
export interface VariationContext {
  /** JSON keys whose values are caller data (tool inputs), which generic JSON variations leave alone. */
  readonly opaqueKeys: ReadonlySet<string>;
}

/** Declares a variation. */
export function defineVariation(variation: Variation): Variation {
  if (!/^[a-z0-9-]+$/.test(variation.id)) throw new Error(`[llm-conformance] Failed to define variation "${variation.id}": ids are kebab-case.`);
  return variation;
}

/** The reference handler with one variation applied to every reply. */
export function varyHandler(inner: RequestHandlerLike, variation: Variation, context: VariationContext): RequestHandlerLike {
  return wrapHandler(inner, {
    ...(variation.undo ? { request: (r: SeenRequest) => variation.undo!(r) } : {}),
    reply: (reply) => variation.rewrite(reply, context),
  });
}

// ---- helpers for variations -----------------------------------------------------------------

/** One frame of an SSE reply, as a variation re-emits it. */
export interface FrameParts {
  readonly event: string | undefined;
  readonly data: string | undefined;
  readonly id: string | undefined;
  readonly frame: RawFrame;
}

/**
 * Re-emits every frame of an SSE reply through `emit` (which returns the frame's text, blank
 * line included), then appends `trailer`; non-stream replies are returned unchanged.
 */
export function reframe(reply: SeenReply, emit: (frame: FrameParts, index: number, count: number) => string, trailer = ''): SeenReply {
  if (!isStream(reply)) return reply;
  const { frames } = parseRawFrames(reply.body);
  const body = frames.map((frame, i) => emit(partsOf(frame), i, frames.length)).join('') + trailer;
  return { ...reply, body };
}

function partsOf(frame: RawFrame): FrameParts {
  const id = frame.lines.find((l) => l.startsWith('id:'))?.replace(/^id: ?/, '');
  return { event: frame.event, data: frame.data, id, frame };
}

/** The canonical encoding of a frame (what the mock writes). */
export function encodeParts(parts: Pick<FrameParts, 'event' | 'data' | 'id'>): string {
  return encodeSseFrame({ ...(parts.event !== undefined ? { event: parts.event } : {}), ...(parts.id !== undefined ? { id: parts.id } : {}), data: parts.data ?? '' });
}

/**
 * Rewrites every JSON value of a reply: the whole body of a JSON reply, the data of every SSE
 * frame whose data is JSON. `encode` returns the new text (it may span lines: multi-line data is
 * sent as several `data:` lines, which clients join with "\n").
 */
export function mapJsonText(reply: SeenReply, encode: (value: unknown) => string): SeenReply {
  if (isStream(reply)) {
    return reframe(reply, (parts) => {
      const value = parseJson(parts.data);
      return value === undefined ? encodeParts(parts) : encodeParts({ ...parts, data: encode(value) });
    });
  }
  const value = parseJson(reply.body);
  return value === undefined ? reply : { ...reply, body: encode(value) };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Applies `visit` to every object of a JSON value, depth first, skipping the values of opaque keys. */
export function mapObjects(value: unknown, opaque: ReadonlySet<string>, visit: (object: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => mapObjects(v, opaque, visit));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = opaque.has(key) ? v : mapObjects(v, opaque, visit);
  return visit(out);
}
