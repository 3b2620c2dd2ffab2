#!/usr/bin/env -S node --max-semi-space-size=32
// The flag: a young generation of 32 MB semi-spaces instead of 16. A clearance worker or API node parses and drops
// megabytes of consignments per second; with the default, scavenges ran twice as often and took ~15-20 % of their CPU
// (bench:clearance, 5-8 % less CPU per consignment with it). `npm start` and the benchmark pass the same flag.
// Entry point for `npx --no customs …` and `npm start`: compiles the TypeScript sources as they load (bin/ts-hooks.mjs).
import './register.mjs';

await import('../src/cli/main.ts');
