/**
 * The manifests of deploy/ as the tests read them: every YAML document of every file, and an overlay
 * rendered as kustomize would for what the overlays use (resources, a namespace, an image, and
 * strategic-merge patches of whole objects whose lists are all replaced, as they are for lists
 * without a merge key: the overlays patch no container or port list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../load/helpers.ts';

export const deployDir = join(repoRoot, 'deploy');

export type Manifest = Record<string, any> & { apiVersion: string; kind: string; metadata: Record<string, any> & { name: string; namespace?: string } };

export interface ManifestFile {
  /** Relative to deploy/. */
  path: string;
  documents: Manifest[];
}

/** Every .yaml file under deploy/, each document parsed; throws naming the file and line of a YAML error. */
export function readManifestFiles(): ManifestFile[] {
  const files: ManifestFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) {
        const documents = parseAllDocuments(readFileSync(path, 'utf8'), { prettyErrors: true }).map((document) => {
          const error = document.errors[0];
          if (error) throw new Error(`${relative(deployDir, path)}: ${error.message}`);
          return document.toJS() as Manifest;
        });
        files.push({ path: relative(deployDir, path), documents });
      }
    }
  };
  walk(deployDir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

const key = (m: Pick<Manifest, 'kind' | 'metadata'>) => `${m.kind}/${m.metadata.name}`;

/** The objects a kustomization (a folder under deploy/) renders to. */
export function render(folder: string): Manifest[] {
  const dir = join(deployDir, folder);
  const kustomization = readDocuments(join(dir, 'kustomization.yaml'))[0] as Record<string, any>;
  const objects: Manifest[] = [];
  for (const resource of kustomization.resources as string[]) {
    const path = join(dir, resource);
    if (resource.endsWith('.yaml')) objects.push(...(readDocuments(path) as Manifest[]));
    else objects.push(...render(relative(deployDir, path)));
  }
  for (const { path } of (kustomization.patches ?? []) as { path: string }[]) {
    for (const patch of readDocuments(join(dir, path)) as Manifest[]) {
      const index = objects.findIndex((o) => key(o) === key(patch));
      if (index < 0) throw new Error(`${folder}/${path} patches ${key(patch)}, which ${folder} does not have`);
      objects[index] = merge(objects[index], patch) as Manifest;
    }
  }
  return objects.map((object) => {
    let rendered = object;
    if (kustomization.namespace && object.kind !== 'Namespace') rendered = { ...rendered, metadata: { ...rendered.metadata, namespace: kustomization.namespace } };
    for (const image of (kustomization.images ?? []) as { name: string; newName?: string; newTag?: string }[]) rendered = withImage(rendered, image);
    return rendered;
  });
}

function readDocuments(path: string): unknown[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((document) => document.toJS());
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) merged[k] = k in base ? merge(base[k], v) : v;
  return merged;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function withImage(object: Manifest, image: { name: string; newName?: string; newTag?: string }): Manifest {
  const containers = object.spec?.template?.spec?.containers as { image: string }[] | undefined;
  if (!containers) return object;
  const renamed = containers.map((c) => {
    const [name, tag] = c.image.split(':');
    return name === image.name ? { ...c, image: `${image.newName ?? name}:${image.newTag ?? tag}` } : c;
  });
  return merge(object, { spec: { template: { spec: { containers: renamed } } } }) as Manifest;
}

/** The one object of `kind` (and `name`, when given) among `objects`. */
export function one(objects: Manifest[], kind: string, name?: string): Manifest {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? `/${name}` : ''}, found ${found.length}`);
  return found[0]!;
}
