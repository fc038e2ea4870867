/**
 * The API limits sign-in attempts per client address, and trusts the address the web passes
 * on only when it is signed with the secret the two share (the API's JWT secret).
 */
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config } from './config.js';
import { log } from './log.js';

export const clientIpHeader = 'x-exchange-client-ip';
export const clientSignatureHeader = 'x-exchange-client-sig';

/** Hex HMAC-SHA256 of the address string, keyed with the shared secret. */
export function signClientAddress(address: string, secret: string): string {
  return createHmac('sha256', secret).update(address, 'utf8').digest('hex');
}

/** The headers that carry the end user's address to the API. */
export function clientAddressHeaders(address: string | null, secret: string | null): Record<string, string> {
  if (!address || !secret) return {};
  return { [clientIpHeader]: address, [clientSignatureHeader]: signClientAddress(address, secret) };
}

let secret: string | null = null;
let warned = false;

/**
 * `JWT_SECRET`, or the file `DATA_DIR/jwt-secret` the API writes on its first start. Read when
 * first needed and kept once found; while the file is missing, every call looks again.
 */
export async function sharedSecret(): Promise<string | null> {
  if (secret) return secret;
  const { jwtSecret, dataDir } = config();
  if (jwtSecret) return (secret = jwtSecret);
  try {
    const content = (await readFile(join(dataDir, 'jwt-secret'), 'utf8')).trim();
    if (content) return (secret = content);
  } catch {
    // Not written yet: the API creates it when it first starts.
  }
  if (!warned) {
    warned = true;
    log.warn('No JWT_SECRET and no jwt-secret file yet; client addresses are not passed to the API', { dataDir });
  }
  return null;
}
