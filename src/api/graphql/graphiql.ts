/**
 * A minimal GraphiQL page for GET /graphql from a browser (assets from the unpkg CDN; the API
 * itself is unaffected when the CDN is unreachable).
 */

const version = '3.8.3';

/** The HTML page. */
export const graphiqlHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ontomesh GraphiQL</title>
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
<link rel="stylesheet" href="https://unpkg.com/graphiql@${version}/graphiql.min.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script crossorigin src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
<script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
<script crossorigin src="https://unpkg.com/graphiql@${version}/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: location.pathname });
  const query = '{\\n  ontologies { id version counts { triples classes } }\\n  search(text: "pizza", first: 5) { totalCount edges { highlight node { ... on Concept { iri label } } } }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, defaultQuery: query }));
</script>
</body>
</html>
`;
