import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The end user's address: the web server's word for it when signed, else the peer's. */
    clientAddress: string;
  }
}

export const clientIpHeader = 'x-exchange-client-ip';
export const clientSignatureHeader = 'x-exchange-client-sig';

/** The signature the web server puts beside the address it passes on. */
export function signClientAddress(secret: string, address: string): string {
  return createHmac('sha256', secret).update(address).digest('hex');
}

/**
 * Every user's request reaches the API from the web server's address, so the API trusts the
 * address the web passes on, but only with a valid signature made with the shared secret.
 */
async function clientAddressPlugin(app: FastifyInstance, options: { secret: string }) {
  app.decorateRequest('clientAddress', '');
  app.addHook('onRequest', async (request) => {
    request.clientAddress = request.ip;
    const claimed = request.headers[clientIpHeader];
    const signature = request.headers[clientSignatureHeader];
    if (typeof claimed !== 'string' || typeof signature !== 'string' || claimed.length > 64) return;
    const expected = Buffer.from(signClientAddress(options.secret, claimed), 'hex');
    const given = Buffer.from(signature, 'hex');
    if (given.length === expected.length && timingSafeEqual(given, expected)) request.clientAddress = claimed;
  });
}

export default fp(clientAddressPlugin, { name: 'client-address' });
