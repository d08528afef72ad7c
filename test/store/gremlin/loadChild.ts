/**
 * A load that gets killed: writes pizza.owl into a new version of graph argv[3] on store argv[2],
 * printing "wrote N" after each batch, and waits (never commits) so the parent can kill it.
 */
import { openGremlinStore } from '../../../src/store/gremlin/index.ts';
import { pizzaPath, readRdfXml } from '../../graph/fixtureQuads.ts';
import { elementBatches } from './loadGraph.ts';

const [url, graphId] = process.argv.slice(2) as [string, string];
const store = await openGremlinStore(url);
const writer = await store.beginVersion(graphId, { documents: [], prefixes: {}, missingImports: [] });
for (const [index, batch] of elementBatches(graphId, await readRdfXml(pizzaPath)).entries()) {
  await writer.write(batch);
  console.log(`wrote ${index + 1}`);
}
setInterval(() => undefined, 60_000);
