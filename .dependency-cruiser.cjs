/**
 * The layers of docs/ARCHITECTURE.md, checked by dependency-cruiser in `npm test` (npm run depcheck):
 * the build fails when a rule is broken.
 */
const layer = (name) => `^src/${name}/`;

/**
 * The service areas (src/services/<area>/) and the areas each may import, type-only imports included. The
 * directions form no circle (checked here, so that a circle added to this list fails too); the modules shared by
 * every area sit at src/services/*.ts and import no area. Drawn in docs/ARCHITECTURE.md.
 */
const serviceAreas = {
  audit: [],
  auth: ['federations', 'mail'],
  mail: ['federations', 'surveys'],
  backup: [],
  demo: [],
  federations: [],
  members: [],
  solver: [],
  records: [],
  surveys: ['federations'],
  economy: ['federations', 'members', 'records'],
  interventions: ['federations', 'members'],
  catalogue: ['interventions'],
  ledger: ['economy', 'federations', 'records'],
  national: ['economy', 'interventions', 'solver'],
  value: ['economy', 'federations', 'interventions', 'members'],
  reports: ['economy', 'federations', 'interventions', 'ledger', 'members', 'records', 'surveys', 'value'],
  decisions: ['interventions', 'mail', 'members', 'records', 'reports'],
  archive: ['interventions', 'reports'],
};
(function refuseCircles() {
  const state = {};
  const visit = (area, path) => {
    if (state[area] === 'done') return;
    if (state[area] === 'open') throw new Error(`.dependency-cruiser.cjs: the service areas import each other in a circle: ${[...path, area].join(' → ')}`);
    state[area] = 'open';
    for (const next of serviceAreas[area] ?? []) visit(next, [...path, area]);
    state[area] = 'done';
  };
  for (const area of Object.keys(serviceAreas)) visit(area, []);
})();
const serviceAreaRules = Object.entries(serviceAreas).map(([area, allowed]) => ({
  name: `service-area-${area}`,
  comment: allowed.length
    ? `src/services/${area}/ may import the areas ${allowed.join(', ')} and the shared src/services/*.ts, no other area (no circles between areas).`
    : `src/services/${area}/ imports no other service area, only the shared src/services/*.ts.`,
  severity: 'error',
  from: { path: `^src/services/${area}/`, pathNot: '\\.test\\.ts$' },
  to: { path: `^src/services/(?!(?:${[area, ...allowed].join('|')})/)[^/]+/` },
}));

module.exports = {
  forbidden: [
    ...serviceAreaRules,
    {
      name: 'service-areas-are-listed',
      comment: 'A new service area is added to serviceAreas above, with the areas it may import.',
      severity: 'error',
      from: { path: `^src/services/(?!(?:${Object.keys(serviceAreas).join('|')})/)[^/]+/`, pathNot: '\\.test\\.ts$' },
      to: { path: '^src/services/[^/]+/' },
    },
    {
      name: 'shared-services-below-areas',
      comment: 'The modules every service area shares (src/services/*.ts: versions, steps, freezeRequests) import no area.',
      severity: 'error',
      from: { path: '^src/services/[^/]+\\.ts$', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/services/[^/]+/' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules must not import each other in a circle (a type-only import, such as a route module naming the app type, is no cycle at run time).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'The domain core imports only the core (no I/O, no database, no framework, no node: modules).',
      severity: 'error',
      from: { path: layer('core'), pathNot: '\\.test\\.ts$' },
      to: { pathNot: [layer('core')], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-below-services',
      comment: 'The database layer knows only the core.',
      severity: 'error',
      from: { path: layer('db'), pathNot: '\\.test\\.ts$' },
      to: { path: [layer('services'), layer('importers'), layer('exports'), layer('http'), layer('cli')] },
    },
    {
      name: 'services-below-formats-and-interfaces',
      comment: 'Services use the core and the database; file formats (importers and exports), HTTP and the CLI sit on top of them: an importer parses and hands plain records to a service, never the other way round.',
      severity: 'error',
      from: { path: layer('services'), pathNot: '\\.test\\.ts$' },
      to: { path: [layer('importers'), layer('exports'), layer('http'), layer('cli')] },
    },
    {
      name: 'importers-below-interfaces',
      comment: 'Importers parse files and hand them to services; they never reach HTTP, the CLI or the exports.',
      severity: 'error',
      from: { path: layer('importers'), pathNot: '\\.test\\.ts$' },
      to: { path: [layer('http'), layer('cli'), layer('exports')] },
    },
    {
      name: 'exports-know-only-the-core',
      comment: 'File formats out render what the core computed (they may name a service result type).',
      severity: 'error',
      from: { path: layer('exports'), pathNot: '\\.test\\.ts$' },
      to: { path: [layer('services'), layer('importers'), layer('http'), layer('cli'), layer('db')], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sql-only-in-db-and-services',
      comment: 'HTTP routes call services; they may name database types but never call the database layer (the CLI may open a database: backup, restore, start).',
      severity: 'error',
      from: { path: layer('http'), pathNot: '\\.test\\.ts$' },
      to: { path: layer('db'), pathNot: '^src/db/(database|open)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'formats-and-cli-run-no-sql',
      comment: 'SQL lives in services and the database layer: importers, exports and the CLI hand data to services and may name database types; only the CLI opens a database (src/db/open.ts).',
      severity: 'error',
      from: { path: [layer('importers'), layer('exports'), layer('cli')], pathNot: '\\.test\\.ts$' },
      to: { path: layer('db'), pathNot: '^src/db/open\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-the-cli-opens-a-database',
      comment: 'Opening the configured database is the CLI\'s (and the server start\'s) business, not a file format\'s.',
      severity: 'error',
      from: { path: [layer('importers'), layer('exports')], pathNot: '\\.test\\.ts$' },
      to: { path: '^src/db/open\\.ts$' },
    },
    {
      name: 'cli-loads-lazily',
      comment: 'A command module only declares its commands; each action imports the services, importers, exports, database and HTTP server it uses when it runs (`await import(…)`), so `samordna --help` loads none of them and a command only its own.',
      severity: 'error',
      from: { path: layer('cli'), pathNot: '\\.test\\.ts$' },
      to: { path: [layer('services'), layer('importers'), layer('exports'), layer('db'), layer('http')], dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'http-and-cli-are-apart',
      comment: 'The two interfaces share services, not each other.',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: layer('http'), pathNot: '^src/http/(app|server)\\.tsx?$' },
    },
    {
      name: 'http-areas-keep-to-themselves',
      comment: 'An HTTP area (src/http/<area>/) uses its own files, the kit, the request context and the security middleware; never another area\'s internals.',
      severity: 'error',
      from: { path: '^src/http/([^/]+)/', pathNot: ['\\.test\\.ts$', '^src/http/(kit|security)/'] },
      to: { path: '^src/http/', pathNot: ['^src/http/$1/', '^src/http/(kit|security)/', '^src/http/context\\.ts$'] },
    },
    {
      name: 'http-kit-is-shared-ground',
      comment: 'The kit (layout, forms, tables, params) serves every area and knows none of them.',
      severity: 'error',
      from: { path: '^src/http/kit/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/http/', pathNot: ['^src/http/(kit|security)/', '^src/http/context\\.ts$'] },
    },
    {
      name: 'views-render-models',
      comment: 'A view renders the plain model its loader built: it calls no service and no export at run time (types are fine). Views are the .tsx files of an area or the kit that are not route modules.',
      severity: 'error',
      from: { path: '^src/http/[^/]+/[^/]+\\.tsx$', pathNot: ['Routes\\.tsx$', '\\.test\\.ts$'] },
      to: { path: ['^src/services/', '^src/exports/', '^src/db/'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
