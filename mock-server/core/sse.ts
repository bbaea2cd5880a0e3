// The implementation moved to the neutral `wire/` module, which the suites import too; this
// re-export keeps the mock's internal imports (and adapters written against `core/`) working.
export { encodeSseFrame, SSE_HEADERS, type SseFrame } from '../../wire/sse-encode.ts';
