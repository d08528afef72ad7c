/**
 * A second process on the same store file, for the tests that need one (crashes, a reader beside a
 * load). Run as `node otherProcess.ts ACTION DB_PATH`; it reports on stdout, one JSON line per step.
 *
 * - `crash`: begins a version of graph `vocab`, writes DQV into it and exits without commit or abort;
 * - `read-then-activate`: reads the active version of `vocab`, then rolls it back to version 1.
 */
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { dqv, dqvPath, mapTurtle, metaOf } from '../../contract/contractData.ts';

const [action, path] = process.argv.slice(2) as [string, string];
const report = (step: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(step)}\n`);
const store = await openSqliteStore(path);

if (action === 'crash') {
  const writer = await store.beginVersion('vocab', metaOf(dqvPath));
  await writer.write(mapTurtle('vocab', dqvPath).elements);
  report({ step: 'written', version: writer.version });
  process.exit(1);
}

if (action === 'read-then-activate') {
  const snapshot = await store.snapshot();
  const resource = await store.getResource(snapshot, `${dqv}QualityMeasurement`);
  report({ step: 'read', versions: snapshot.versions, found: resource !== undefined });
  await store.activate('vocab', 1);
  report({ step: 'activated' });
  await store.close();
}
