// The implementation moved to the neutral `wire/` module, which the suites import too; this
// re-export keeps the mock's internal imports (and adapters written against `core/`) working.
export { BodyTooLargeError, decodeUtf8, fromWebRequest, type MockRequest, type RequestHandlerLike, type WireRequest } from '../../wire/wire-request.ts';
