import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientAddressHeaders, signClientAddress } from './client-signature';

describe('client address signature', () => {
  it('is the hex HMAC-SHA256 of the address keyed with the secret', () => {
    const expected = createHmac('sha256', 'secret').update('203.0.113.7').digest('hex');
    expect(signClientAddress('203.0.113.7', 'secret')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is sent with the address, or not at all', () => {
    expect(clientAddressHeaders('::1', 'k')).toEqual({
      'x-exchange-client-ip': '::1',
      'x-exchange-client-sig': signClientAddress('::1', 'k'),
    });
    expect(clientAddressHeaders('::1', null)).toEqual({});
    expect(clientAddressHeaders(null, 'k')).toEqual({});
  });
});
