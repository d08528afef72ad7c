import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { defineGraphStoreContract } from './graphStoreContract.ts';

const folder = mkdtempSync(join(tmpdir(), 'ontomesh-contract-'));
let stores = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

defineGraphStoreContract('sqlite', () => openSqliteStore(join(folder, `store-${++stores}.db`)));
