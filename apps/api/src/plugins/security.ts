import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

const docsPrefix = '/api/docs';

/**
 * Security headers for a JSON API: nothing may be framed, sniffed, cached or run from its
 * responses. The documentation UI alone may load its own scripts and styles.
 */
async function securityPlugin(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });

  // Browsers may only send JSON: a cross-site form (url-encoded, multipart, text/plain) gets 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(docsPrefix)) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
      );
      return;
    }
    // Responses carry personal data: never kept by a browser or a shared cache.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

export default fp(securityPlugin, { name: 'security' });
