import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import fp from 'fastify-plugin';
import { allows, type Access, type Actor } from '@exchange/shared';
import { AppError, forbidden, unauthorized } from '../errors.js';
import { createRateLimiter } from '../lib/rate-limiter.js';
import { createRequestCounter } from '../lib/request-counter.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every route under /api/v1 must say. */
    access?: Access;
    /** `false` exempts the route from the per-user request limit (health checks). */
    rateLimit?: boolean;
    /**
     * Accept a well-signed but expired token (renewal): the session, checked in the database
     * as always, decides whether the user is still signed in.
     */
    acceptExpiredToken?: boolean;
  }
  interface FastifyRequest {
    actor: (Actor & { email: string }) | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    issueToken(user: { id: string; role: Actor['role'] }, sessionId: string): Promise<{ token: string; expiresAt: Date }>;
    /** Every API route and the access it declares, for tests and the authorization matrix. */
    routeAccess: { method: string; url: string; access: Access }[];
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; sid: string; role: string; typ: 'access' };
    user: { sub: string; sid: string; role: string; typ: 'access'; iat: number; exp: number };
  }
}

export type AuthOptions = {
  secret: string;
  /** Lifetime of one access token; the web renews it quietly while the session lasts. */
  tokenTtlSeconds: number;
  rateLimitMax: number;
};

export const apiPrefix = '/api/v1';

async function authPlugin(app: FastifyInstance, options: AuthOptions) {
  await app.register(fastifyJwt, {
    secret: options.secret,
    sign: { algorithm: 'HS256', expiresIn: options.tokenTtlSeconds },
    verify: { algorithms: ['HS256'] },
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorate('routeAccess', []);

  app.decorate('issueToken', async (user: { id: string; role: Actor['role'] }, sessionId: string) => {
    const token = app.jwt.sign({ sub: user.id, sid: sessionId, role: user.role, typ: 'access' });
    const { exp } = app.jwt.decode<{ exp: number }>(token)!;
    return { token, expiresAt: new Date(exp * 1000) };
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(apiPrefix)) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare who may call it (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
    }
  });

  const rateLimitWindowSeconds = 60;
  const limiter = createRateLimiter(app.db);
  // Requests are counted in memory and flushed in batches: a read sends no write (see request-counter.ts).
  const counter = createRequestCounter({
    database: app.database,
    limit: options.rateLimitMax,
    windowSeconds: rateLimitWindowSeconds,
    log: app.log,
  });
  app.addHook('onClose', () => counter.close());
  /** Counts one request on `key`; in the database only when memory holds too many keys. */
  const count = async (key: string) => counter.hit(key) ?? (await limiter.hit(key, rateLimitWindowSeconds));

  /**
   * Every signed-in request runs this one statement, a read: the session and its user.
   * Validity is decided in SQL, by the database's clock, so a session ended through any
   * instance is refused by every instance at once.
   */
  const signedInRequest = `
    select u.id, u.email, u.role, u.institution_id as "institutionId",
           (s.revoked_at is null and s.expires_at > now() and u.status = 'active') as live
      from sessions s join users u on u.id = s.user_id
     where s.id = $1 and u.id = $2`;
  type SignedInRow = Actor & { email: string; live: boolean };

  function limitReached(reply: FastifyReply, hits: number, retryAfterSeconds: number) {
    reply.header('x-ratelimit-limit', options.rateLimitMax);
    reply.header('x-ratelimit-remaining', Math.max(0, options.rateLimitMax - hits));
    if (hits > options.rateLimitMax) {
      throw new AppError(429, 'rate_limited', `Too many requests. Try again in ${retryAfterSeconds} seconds.`, {
        retryAfter: retryAfterSeconds,
      });
    }
  }

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config?.access ?? 'public';
    const counted = config?.rateLimit !== false && request.routeOptions.url !== undefined;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const [scheme, token, ...rest] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
        throw unauthorized('invalid_token', 'Send the token as "Authorization: Bearer <token>".');
      }
      let claims;
      try {
        claims = app.jwt.verify<{ sub: string; sid: string; typ: string }>(token);
      } catch (error) {
        const expired = (error as { code?: string }).code === 'FAST_JWT_EXPIRED';
        if (!expired) throw unauthorized('invalid_token', 'The token is not valid.');
        if (!request.routeOptions.config?.acceptExpiredToken) {
          throw unauthorized('token_expired', 'Your session token has expired; sign in again.');
        }
        claims = app.jwt.verify<{ sub: string; sid: string; typ: string }>(token, { ignoreExpiration: true } as never);
      }
      if (claims.typ !== 'access' || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
        throw unauthorized('invalid_token', 'The token is not valid.');
      }
      const [row] = await app.database.rows<SignedInRow>(signedInRequest, [claims.sid, claims.sub], { prepare: true });
      if (!row?.live) {
        throw unauthorized('token_revoked', 'This session has ended; sign in again.');
      }
      request.actor = { id: row.id, email: row.email, role: row.role, institutionId: row.institutionId };
      request.sessionId = claims.sid;
      // Counted before the access check, as every request that reaches a route is.
      const hit = counted ? await count(`user:${row.id}`) : null;
      if (!allows(access, request.actor)) throw forbidden();
      if (hit) limitReached(reply, hit.hits, hit.retryAfterSeconds);
      return;
    }

    if (!allows(access, null)) throw unauthorized();
    if (counted) {
      const { hits, retryAfterSeconds } = await count(`client:${request.clientAddress}`);
      limitReached(reply, hits, retryAfterSeconds);
    }
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['database', 'errors', 'client-address'] });
