import type { Database } from '@exchange/db';
import type { identityProviderUpdate } from '@exchange/shared';
import type { z } from 'zod';
import { notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { toIso } from '../../lib/route.js';
import { findProvider, institutionExists, listEnabledProviders, upsertProvider, type ProviderRow } from './single-sign-on.repository.js';

/**
 * Plain http is for a provider on this machine only (development and the tests' provider);
 * anywhere else the provider's address must be https.
 */
export const isAllowedIssuer = (issuer: string) => {
  const url = new URL(issuer);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
};

/** What administrators read back: never the client secret. */
const toProvider = (row: ProviderRow) => ({
  institutionId: row.institutionId,
  issuer: row.issuer,
  clientId: row.clientId,
  displayName: row.displayName,
  enabled: row.enabled,
  updatedAt: toIso(row.updatedAt),
});

export function createIdentityProvidersService({ db }: { db: Database }) {
  return {
    /** The sign-in page's buttons: every enabled provider. */
    async enabled() {
      return { items: await listEnabledProviders(db) };
    },

    async get(institutionId: string) {
      if (!(await institutionExists(db, institutionId))) throw notFound('institution');
      const row = await findProvider(db, institutionId);
      return { provider: row ? toProvider(row) : null };
    },

    /** Sets an institution's provider; a secret left out keeps the stored one, for the same issuer only. */
    async save(caller: Who, institutionId: string, input: z.output<typeof identityProviderUpdate>) {
      if (!isAllowedIssuer(input.issuer)) {
        throw unprocessable('issuer_not_https', 'The provider’s address must start with https://.', {
          errors: [{ path: 'body.issuer', code: 'issuer_not_https', message: 'An https:// address' }],
        });
      }
      return db.transaction(async (tx) => {
        if (!(await institutionExists(tx, institutionId))) throw notFound('institution');
        const before = await findProvider(tx, institutionId, { forUpdate: true });
        // A stored secret is never sent to another issuer: a new address needs the secret it issued.
        const issuerChanged = before !== undefined && before.issuer !== input.issuer;
        const clientSecret = input.clientSecret ?? (issuerChanged ? undefined : before?.clientSecret);
        if (!clientSecret) {
          throw unprocessable('client_secret_required', 'Give the client secret the provider issued.', {
            errors: [
              {
                path: 'body.clientSecret',
                code: 'client_secret_required',
                message: issuerChanged ? 'Required when the issuer changes' : 'Required the first time',
              },
            ],
          });
        }
        // The issuer is kept exactly as given: ID tokens must name it character for character.
        const after = await upsertProvider(tx, institutionId, { ...input, clientSecret });
        await writeAudit(tx, caller, {
          action: before ? 'identity_provider.update' : 'identity_provider.create',
          entityType: 'identity_provider',
          entityId: institutionId,
          institutionId,
          before: before ? { ...toProvider(before), secretChanged: false } : null,
          after: { ...toProvider(after), secretChanged: input.clientSecret !== undefined },
        });
        return toProvider(after);
      });
    },
  };
}
export type IdentityProvidersService = ReturnType<typeof createIdentityProvidersService>;
