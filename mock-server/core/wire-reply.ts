// The implementation moved to the neutral `wire/` module, which the suites import too; this
// re-export keeps the mock's internal imports (and adapters written against `core/`) working.
export { readWireBody, toWebResponse, type WireChunk, type WireReply } from '../../wire/wire-reply.ts';
