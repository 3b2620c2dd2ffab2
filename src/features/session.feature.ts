import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, requireRole } from '../api/auth.ts';
import type { FeatureFactory } from './feature.ts';

/**
 * `GET /api/v1/principals/me`: who the key belongs to (never the key). Pages use the role to offer only what the
 * principal may do, instead of a form that ends in AUTH.FORBIDDEN; the API still checks every call.
 */
export const sessionFeature: FeatureFactory = async () => ({
  name: 'session',
  plugin: async (app: FastifyInstance) => {
    app.get(
      '/api/v1/principals/me',
      {
        preHandler: requireRole('trader', 'officer', 'analyst', 'admin'),
        schema: {
          tags: ['admin'],
          summary: 'The principal the API key belongs to: id, role, name and party',
          response: { 200: Type.Object({ id: Type.String(), role: Type.String(), name: Type.String(), partyId: Type.Union([Type.String(), Type.Null()]) }) },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return { id: p.id, role: p.role, name: p.name, partyId: p.partyId };
      },
    );
  },
});
