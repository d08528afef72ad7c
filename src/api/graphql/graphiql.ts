/**
 * GraphiQL for GET /graphql from a browser, served offline: the page and its assets (GraphiQL's
 * bundle and style sheet, React and ReactDOM) come from the installed npm packages under
 * /graphql/graphiql/, never from a CDN. The page names an empty icon, so a browser asks for no
 * /favicon.ico (a 404 it would log as a console error).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The files the page loads, by the name it loads them under. */
const assets: Record<string, { file: string; type: string }> = {
  'react.js': { file: join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

/** The versions served (assets are cached by the browser until a version changes). */
const version = (require(join(packageDir('graphiql'), 'package.json')) as { version: string }).version;

const defaultQuery = `# Discovery across the mesh: products about a concept or any of its sub-concepts
{
  dataProducts(filter: { concept: "https://w3id.org/ontomesh/demo/core#Party" }, first: 5) {
    totalCount
    edges { node { id name domain { name } concepts { iri label } } }
  }
  search(text: "customer", first: 5) {
    edges { highlight node { __typename ... on Concept { iri label } ... on DataProduct { id name } } }
  }
}
`;

/** The HTML page; `base` is the path GraphQL is served on (its assets are under `${base}/graphiql/`). */
export function graphiqlHtml(base: string): string {
  const asset = (name: string) => `${base}/graphiql/${name}?v=${version}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ontomesh GraphiQL</title>
<link rel="icon" href="data:,">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
<link rel="stylesheet" href="${asset('graphiql.css')}">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(base)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(defaultQuery)} }));
</script>
</body>
</html>
`;
}

/** Routes for the page's assets, to mount under the GraphQL path. */
export function graphiqlAssets(): Router {
  const router = Router();
  router.get('/graphiql/:name', (req, res, next) => {
    const asset = assets[req.params.name];
    if (asset === undefined) {
      next();
      return;
    }
    res.type(asset.type).sendFile(asset.file, { maxAge: '1d' });
  });
  return router;
}
