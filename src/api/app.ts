import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authenticate } from './auth.ts';
import type { ApiContext } from './context.ts';
import { clientErrorHandler, frameworkErrors, installEdgeChecks } from './edge.ts';
import { installAnswerLanguage, installErrorHandler } from './error-handler.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { declarationRoutes } from './routes/declarations.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { referenceRoutes } from './routes/reference.routes.ts';

/** JSON bodies are small; bulk uploads are streamed by their own routes with their own limits. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(ctx: ApiContext, opts: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    // Unknown fields are errors (not silently removed), every problem is reported, and strings stay strings.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
    // Node's and Fastify's own refusals (431, unparseable requests, bad percent-encoding) answer {code, message} too.
    clientErrorHandler,
    frameworkErrors,
    // Node answers a missing Host with an empty 400; the edge checks answer it with a code instead.
    http: { requireHostHeader: false },
    genReqId: () => `req_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  });
  app.decorateRequest('principal', null);
  // The API speaks JSON; other content types get 415 unless a route (bulk upload) registers its own parser.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  installEdgeChecks(app);
  installAnswerLanguage(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Smart Customs API',
        version: '1',
        description:
          'Declarations, assessment, risk, clearance and reference data. Errors are {code, message, details}; see docs/errors.md. ' +
          'Messages (errors, problems, warnings, notes) are in the language of Accept-Language: ja or en (the default); codes never change.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API key of a principal' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Who is calling is known before anything else is done for the request (body parsing, validation).
  app.addHook('onRequest', authenticate(ctx.principals));
  await app.register(healthRoutes(ctx));
  await app.register(referenceRoutes(ctx));
  await app.register(declarationRoutes(ctx));
  await app.register(adminRoutes(ctx));
  for (const plugin of ctx.plugins ?? []) await app.register(plugin);
  return app;
}
