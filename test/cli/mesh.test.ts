/**
 * `ontomesh mesh register` and `mesh unregister` as processes on a real SQLite store: the demo mesh
 * folder, an invalid descriptor reported as file:line:col with its field (exit 1, nothing registered),
 * a product and a contract unregistered (lineage gone from the export, the old version kept), an unknown
 * id (exit 1, nothing unregistered), usage errors; and `ontomesh serve` registering the demo mesh's
 * products on first start of the default store.
 */
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../load/helpers.ts';
import { runOntomesh, startServe } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
});
afterAll(() => remove());

const meshFolder = join(repoRoot, 'mesh');

describe('ontomesh mesh register', () => {
  it('registers the demo mesh folder and prints one line per descriptor', async () => {
    const store = `sqlite:${join(cwd, 'mesh.db')}`;
    const result = await runOntomesh(['mesh', 'register', meshFolder, '--store', store], { cwd });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('registered product '))).toHaveLength(17);
    expect(lines).toContain(`registered product orders (odps-bitol, ${join(meshFolder, 'sales/orders.odps.yaml')}) in mesh.sales`);
    expect(lines.at(-1)).toMatch(/^graphs: mesh\._ v1 \(\d+ triples\), mesh\.customer v1 .*, mesh\.sales v1 \(\d+ triples\) in \d+\.\d s$/);

    const again = await runOntomesh(['mesh', 'register', join(meshFolder, 'sales/orders.odps.yaml'), '--store', store, '--json'], { cwd });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ registrations: [{ kind: 'product', id: 'orders', replaced: true, graphId: 'mesh.sales', version: 2 }], graphs: [{ graphId: 'mesh.sales', version: 2 }] });
  });

  it('exits 1 naming the file, line, column and field of an invalid descriptor, and registers none', async () => {
    const store = `sqlite:${join(cwd, 'invalid.db')}`;
    const invalid = join(cwd, 'orders.odcs.yaml');
    await writeFile(invalid, (await readFile(join(meshFolder, 'sales/orders.odcs.yaml'), 'utf8')).replace('primaryKeyPosition: 2', 'primaryKeyPosition: second'));
    const result = await runOntomesh(['mesh', 'register', join(meshFolder, 'sales/orders.odps.yaml'), invalid, '--store', store], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^orders\.odcs\.yaml:\d+:\d+: DESCRIPTOR_INVALID \/schema\/1\/properties\/1\/primaryKeyPosition: must be integer/);
    const versions = await runOntomesh(['versions', 'mesh.sales', '--store', store, '--json'], { cwd });
    expect(JSON.parse(versions.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('usage errors exit 2', async () => {
    expect((await runOntomesh(['mesh'], { cwd })).code).toBe(2);
    expect((await runOntomesh(['mesh', 'deregister', 'x'], { cwd })).code).toBe(2);
    const missing = await runOntomesh(['mesh', 'register', 'no-such-folder', '--store', `sqlite:${join(cwd, 'x.db')}`], { cwd });
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('FILE_NOT_FOUND No such file or folder: no-such-folder')]);
  });
});

describe('ontomesh mesh unregister', () => {
  const store = () => `sqlite:${join(cwd, 'unregister.db')}`;
  const versions = async (graphId: string) =>
    (JSON.parse((await runOntomesh(['versions', graphId, '--store', store(), '--json'], { cwd })).stdout) as { version: number; active: boolean }[])
      .map(({ version, active }) => ({ version, active }));
  beforeAll(async () => {
    const files = ['sales/orders.odps.yaml', 'sales/orders.odcs.yaml', 'logistics/shipments.odps.yaml'].map((path) => join(meshFolder, path));
    expect((await runOntomesh(['mesh', 'register', ...files, '--store', store()], { cwd })).code).toBe(0);
  });

  it('exits 1 naming every unknown id, and unregisters none', async () => {
    const result = await runOntomesh(['mesh', 'unregister', 'orders', 'nothing', 'sales-orders', '--store', store(), '--json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('NOT_FOUND no product is registered as "nothing"; no product is registered as "sales-orders"');
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'NOT_FOUND', term: 'nothing' } });
    expect(await versions('mesh.sales')).toEqual([{ version: 1, active: true }]);
  });

  it('unregisters a product (its downstream loses the lineage link, the old version is kept), then a contract', async () => {
    const wasDerivedFrom = '<https://w3id.org/ontomesh/mesh/product/logistics/shipments> <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/ontomesh/mesh/product/sales/orders>';
    const exported = async () => (await runOntomesh(['export', 'mesh.logistics', '--format', 'nt', '--store', store()], { cwd })).stdout;
    expect(await exported()).toContain(wasDerivedFrom);

    const result = await runOntomesh(['mesh', 'unregister', 'orders', '--store', store()], { cwd });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`unregistered product orders (${join(meshFolder, 'sales/orders.odps.yaml')}) from mesh.sales`);
    expect(lines[1]).toMatch(/^graphs: mesh\.sales v2 \(\d+ triples\), mesh\.logistics v2 \(\d+ triples\) in \d+\.\d s$/);
    expect(await exported()).not.toContain(wasDerivedFrom);
    expect(await versions('mesh.sales')).toEqual([{ version: 2, active: true }, { version: 1, active: false }]);

    const contract = await runOntomesh(['mesh', 'unregister', 'sales-orders', '--contract', '--store', store(), '--json'], { cwd });
    expect(contract.code).toBe(0);
    expect(JSON.parse(contract.stdout)).toMatchObject({
      unregistered: [{ kind: 'contract', id: 'sales-orders', graphId: 'mesh.sales', version: 3 }], graphs: [{ graphId: 'mesh.sales', version: 3, triples: 0 }],
    });
  });

  it('usage errors exit 2', async () => {
    expect((await runOntomesh(['mesh', 'unregister', '--store', store()], { cwd })).code).toBe(2);
    const contract = await runOntomesh(['mesh', 'register', join(meshFolder, 'sales/orders.odcs.yaml'), '--contract', '--store', store()], { cwd });
    expect([contract.code, contract.stderr]).toEqual([2, expect.stringContaining('--contract applies to mesh unregister only')]);
  });
});

it('serve registers the demo mesh\'s data products on first start, and the README\'s query finds them', async () => {
  const { child, waitFor: seen } = startServe([], { cwd });
  try {
    const url = String((await seen('listening')).url);
    expect(await seen('demo mesh loaded')).toMatchObject({ graphId: 'mesh', products: 26 });
    // The query of the README's section on registering products.
    const query = `{
      dataProducts(filter: { concept: "https://w3id.org/ontomesh/demo/customer#Customer" }) {
        totalCount edges { node { name domain { name } upstream { name } } }
      }
      dataProduct(id: "https://w3id.org/ontomesh/mesh/product/sales/orders") {
        name downstream { name domain { name } } outputDatasets { name fields { name concepts { iri } } }
      }
    }`;
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const { data } = (await response.json()) as { data: { dataProducts: { totalCount: number; edges: { node: { name: string } }[] }; dataProduct: { downstream: { domain: { name: string } }[] } } };
    expect(data.dataProducts.edges.map((e) => e.node.name)).toEqual(expect.arrayContaining(['Customer profiles', 'Business customers', 'Loyalty members']));
    expect(new Set(data.dataProduct.downstream.map((p) => p.domain.name))).toEqual(new Set(['customer', 'sales', 'logistics', 'finance']));
    const products = (await (await fetch(`${url}/products`)).json()) as unknown[];
    expect(products).toHaveLength(17);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
