import { describe, expect, it } from 'vitest';
import { vendorId } from './ids.ts';

describe('vendorId', () => {
  it('has the vendor prefix and shape', () => {
    expect(vendorId('msg_01', 'seed|body')).toMatch(/^msg_01[0-9A-Za-z]{22}$/);
    expect(vendorId('req_011C', 'seed|1', 20)).toMatch(/^req_011C[0-9A-Za-z]{20}$/);
  });

  it('is deterministic, and differs by key and by prefix', () => {
    expect(vendorId('msg_01', 'k')).toBe(vendorId('msg_01', 'k'));
    expect(vendorId('msg_01', 'k')).not.toBe(vendorId('msg_01', 'k2'));
    expect(vendorId('toolu_01', 'k').slice(8)).not.toBe(vendorId('msg_01', 'k').slice(6));
  });
});
