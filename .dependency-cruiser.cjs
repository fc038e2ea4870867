/**
 * The API's module boundaries, checked by `npm run lint` (scripts/module-graph.mjs): a module
 * reaches another only through that module's public `index.ts` (its service's type; the
 * service itself is passed in by `app.ts`), never through its repository or routes; routes and
 * services hold no SQL (only repositories import drizzle); and nothing imports in a circle.
 */
const modules = '^apps/api/src/modules/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle of imports makes the modules one unit of change.',
      severity: 'error',
      from: { path: '^apps/api/src/' },
      to: { circular: true },
    },
    {
      name: 'no-foreign-repository-or-routes',
      comment: "A module never imports another module's repository or routes.",
      severity: 'error',
      from: { path: modules },
      to: { path: '^apps/api/src/modules/[^/]+/[^/]+\\.(repository|routes)\\.ts$', pathNot: '^apps/api/src/modules/$1/' },
    },
    {
      name: 'modules-meet-through-index',
      comment: 'Another module is reached only through its public index.ts, never its internals.',
      severity: 'error',
      from: { path: modules, pathNot: '\\.test\\.ts$' },
      to: { path: '^apps/api/src/modules/[^/]+/', pathNot: ['^apps/api/src/modules/$1/', '^apps/api/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'routes-hold-no-sql',
      comment: 'Routes call their service; SQL lives in repositories.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['(^|/)node_modules/drizzle-orm/', '(^|/)node_modules/@exchange/db/', '^packages/db/'] },
    },
    {
      name: 'sql-only-in-repositories',
      comment: 'Services keep the rules and the transactions; every query is a named function of a repository.',
      severity: 'error',
      from: { path: modules, pathNot: ['\\.repository\\.ts$', '\\.test\\.ts$'] },
      to: { path: '(^|/)node_modules/drizzle-orm/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'apps/api/tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
