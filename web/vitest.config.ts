import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure logic (form validation, error-path mapping, request builders):
// `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  test: { include: ['web/src/**/*.test.ts'], root: fileURLToPath(new URL('..', import.meta.url)) },
});
