/**
 * The layering of docs/ARCHITECTURE.md, checked on every `npm run lint`, so it cannot silently break again.
 * Domain modules depend one way, in the order below; infrastructure imports no domain module; a module reaches
 * another only through its services; routes, services and presenters each keep to their layer.
 */
const MODULE_ORDER = [
  'regions',
  'organisations',
  'users',
  'auth',
  'audit',
  'programmes',
  'pairings',
  'tasks',
  'plans',
  'reporting',
  'parks',
  'projects',
  'events',
  'listings',
  'tracking',
  'meetings',
  'people',
  'replication',
  'indicators',
  'evaluations',
  'summaries',
  'portal',
  'open-data',
  'dashboard',
  'workbench',
];

// Tests, test support, seeds and commands put the modules together; they may use any of them.
const COMPOSITION = '\\.test\\.tsx?$|/test-support/|^src/server/testing/|^src/server/seed/|^src/cli/';
const modulePath = (m) => `^src/server/modules/${m}/`;
// Tables may reference any module's tables (foreign keys) and repositories may join them: data, not code.
const TABLES = '\\.tables\\.ts$';

const moduleOrder = MODULE_ORDER.map((m, i) => ({
  name: `module-order-${m}`,
  comment: `${m} comes before ${MODULE_ORDER.slice(i + 1).join(', ')} and may not use them (modules depend one way)`,
  severity: 'error',
  from: { path: modulePath(m), pathNot: COMPOSITION },
  to: { path: `^src/server/modules/(${MODULE_ORDER.slice(i + 1).join('|')})/`, pathNot: TABLES },
})).filter((rule) => !rule.to.path.endsWith('()/'));

module.exports = {
  forbidden: [
    {
      name: 'infrastructure-imports-no-domain',
      comment:
        'http/, db/, kernel/ and security/ serve every module and import none (a kernel table may reference a module table: a foreign key is data, not code)',
      severity: 'error',
      from: { path: '^src/server/(http|db|kernel|security)/', pathNot: `${COMPOSITION}|\\.tables\\.ts$` },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'kernel-tables-reference-only-tables',
      comment: 'a kernel table file may import a module table file for a foreign key, and nothing else of the module',
      severity: 'error',
      from: { path: '^src/server/kernel/.*\\.tables\\.ts$' },
      to: { path: '^src/server/modules/', pathNot: TABLES },
    },
    ...moduleOrder,
    {
      name: 'no-other-modules-repository',
      comment: "a module uses another only through that module's services",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/', pathNot: COMPOSITION },
      to: { path: '^src/server/modules/[^/]+/.*\\.repository\\.ts$', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'routes-are-thin',
      comment: 'routes call services and presenters: no repositories, tables or SQL',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repository\\.ts$|\\.tables\\.ts$|node_modules/drizzle-orm' },
    },
    {
      name: 'services-hold-no-sql',
      comment: 'services hold use cases; SQL lives in repositories',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: 'node_modules/drizzle-orm|\\.tables\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'presenters-are-pure',
      comment: 'presenters shape rows they are given; they read nothing',
      severity: 'error',
      from: { path: '\\.presenter\\.ts$' },
      to: { path: '\\.repository\\.ts$|^src/server/db/|node_modules/drizzle-orm', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles between files',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-and-server-apart',
      comment: 'the web app and the server share only src/common',
      severity: 'error',
      from: { path: '^src/web/', pathNot: '^src/web/e2e/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'common-stands-alone',
      comment: 'src/common is shared by server and web and depends on neither',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/(server|web|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/maps/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
