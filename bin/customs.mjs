#!/usr/bin/env node
// Entry point for `npx --no customs …` and `npm start`: compiles the TypeScript sources as they load (bin/ts-hooks.mjs).
import './register.mjs';

await import('../src/cli/main.ts');
