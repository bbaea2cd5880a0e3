import { describe, expect, it } from 'vitest';
import { optionalPeer } from './optional-peer.ts';

describe('optionalPeer', () => {
  it('names the package to install when the peer is missing', async () => {
    const missing = await import('llm-conformance-no-such-peer' as string).catch((error: unknown) => error);
    await expect(optionalPeer(() => Promise.reject(missing), 'llm-conformance-no-such-peer', 'llm-conformance/x')).rejects.toThrow(
      'llm-conformance/x needs llm-conformance-no-such-peer, an optional peer dependency of llm-conformance: npm install --save-dev llm-conformance-no-such-peer',
    );
  });

  it('passes any other failure through, and the module when it loads', async () => {
    const broken = new SyntaxError('Unexpected token in the peer');
    await expect(optionalPeer(() => Promise.reject(broken), 'p', 'e')).rejects.toBe(broken);
    await expect(optionalPeer(() => Promise.resolve({ ok: 1 }), 'p', 'e')).resolves.toEqual({ ok: 1 });
  });
});
