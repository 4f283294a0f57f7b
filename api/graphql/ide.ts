/**
 * GraphiQL at /graphql/ide, served entirely from local files: GraphiQL's
 * prebuilt UMD bundle and CSS, and React/ReactDOM 18 UMD builds, all from
 * node_modules (these machines are offline; nothing comes from a CDN). The
 * bootstrap script is a file of its own, so the page runs under a strict
 * Content-Security-Policy with no inline script.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router, type Response } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The only files this route serves: name in the URL -> file on disk. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

const DEFAULT_QUERY = `# Sign in first (demo accounts: employer@demo.test / demo-password), then put
# the token in the Headers tab: { "Authorization": "Bearer <token>" }
mutation SignIn {
  login(email: "employer@demo.test", password: "demo-password") { token expiresAt }
}

query Search {
  searchEarners(input: { text: "welding", first: 5 }) {
    total
    nodes { earner { id name headline badges { name issuer { name } } } }
    facets { skills { value label count } }
  }
}
`;

const START_SCRIPT = `(() => {
  const fetcher = GraphiQL.createFetcher({ url: new URL('../../graphql', window.location.href).href });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, isHeadersEditorEnabled: true, defaultEditorToolsVisibility: true }));
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Talent directory: GraphQL IDE</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="assets/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the GraphQL IDE...</div>
  <script src="assets/react.js"></script>
  <script src="assets/react-dom.js"></script>
  <script src="assets/graphiql.js"></script>
  <script src="assets/start.js"></script>
</body>
</html>
`;

/** Scripts only from this origin; GraphiQL sets inline styles and embeds fonts and icons as data URIs. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');

function send(res: Response, type: string, body: string): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.type(type).send(body);
}

export function graphiqlRouter(): Router {
  const router = Router();
  // The page must end in a slash so its relative asset URLs resolve under /graphql/ide/.
  router.get('/', (req, res) => {
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, `${req.baseUrl}/`);
    send(res, 'text/html', PAGE);
  });
  router.get('/assets/start.js', (_req, res) => send(res, 'text/javascript', START_SCRIPT));
  router.get('/assets/:name', (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) return res.status(404).type('text/plain').send('not found');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type(asset.type).sendFile(asset.file);
  });
  return router;
}
