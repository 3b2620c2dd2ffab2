/** Architecture rules: domain modules stay pure and talk to each other only through their index.ts. */
module.exports = {
  forbidden: [
    {
      name: 'no-domain-to-adapters',
      severity: 'error',
      comment: 'Domain modules never import adapters, the API, the CLI or workflows.',
      from: { path: '^src/(modules|kernel)/' },
      to: { path: '^src/(adapters|api|cli|workflows)/' },
    },
    {
      name: 'no-module-internals',
      severity: 'error',
      comment: 'Another module is reached only through its index.ts.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-outside-to-module-internals',
      severity: 'error',
      comment: 'Adapters, API, CLI and workflows use modules through their index.ts.',
      from: { path: '^src/(adapters|api|cli|workflows)/' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'kernel-is-leaf',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/(modules|adapters|api|cli|workflows)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
