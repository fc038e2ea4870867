import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI 3 document, generated from the same schemas that validate and shape requests. */
async function openapiPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Penza–Baoji student exchange API',
        description:
          'Exchange calls, applications, allocation and nominations, and cultural-centre events of the tripartite agreement between Penza State University, Baoji University of Arts and Sciences and Baoji Railway Institute. Errors are RFC 9457 problem+json.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
}

export default fp(openapiPlugin, { name: 'openapi' });
