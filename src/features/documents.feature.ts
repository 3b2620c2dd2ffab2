import { DocumentsRepo } from '../adapters/store/documents.repo.ts';
import { documentRoutes } from './documents.routes.ts';
import type { FeatureFactory } from './feature.ts';

/** Documents traders send for their declarations (answers to officers' requests), stored in the database. */
export const documentsFeature: FeatureFactory = async (env) => {
  const repo = new DocumentsRepo(env.store.db);
  return { name: 'documents', plugin: documentRoutes({ repo, declaration: (id) => env.declarations.get(id) }) };
};
