/**
 * deploy/: every manifest parses; every Kubernetes and Istio object of the base and of the AKS overlay
 * (rendered as kustomize would) validates against the official OpenAPI schemas (kubernetes-models,
 * generated from Kubernetes' OpenAPI spec, and @kubernetes-models/istio, from Istio's CRDs); and the
 * manifests agree with the code: the port and probe paths are the server's, every environment
 * variable is one the code reads and its value one the code accepts, the pod's grace period outlasts
 * the drain, the sidecar's token rules are the service's, and the Dockerfile runs what npm start runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfigFromEnv, createLogger, graceMsFromEnv, logLevelFromEnv, startServer, type RunningServer } from '../../src/api/index.ts';
import { serveCommand } from '../../src/cli/commands/serve.ts';
import { parseGremlinUrl } from '../../src/store/gremlin/storeUrl.ts';
import { repoRoot, tempStore } from '../load/helpers.ts';
import { deployDir, one, readManifestFiles, render, type Manifest } from './manifests.ts';

const files = readManifestFiles();
const rendered = { base: render('base'), aks: render('overlays/aks') };

/** The model class of an object's apiVersion and kind, from kubernetes-models or @kubernetes-models/istio. */
async function modelOf({ apiVersion, kind }: Manifest): Promise<new (data: object) => { validate(): void }> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') as [string, string] : ['', apiVersion];
  const module = group.endsWith('istio.io') ? `@kubernetes-models/istio/${group}/${version}/${kind}` : `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`;
  return ((await import(module)) as Record<string, new (data: object) => { validate(): void }>)[kind]!;
}

describe('deploy/ manifests', () => {
  it('parse, each document an object with apiVersion, kind and a name', () => {
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['base/kustomization.yaml', 'base/deployment.yaml', 'overlays/aks/kustomization.yaml']));
    for (const { path, documents } of files) {
      expect(documents.length, path).toBeGreaterThan(0);
      for (const document of documents) {
        expect(typeof document.apiVersion, path).toBe('string');
        expect(typeof document.kind, path).toBe('string');
        if (document.kind !== 'Kustomization') expect(document.metadata?.name, path).toMatch(/^[a-z0-9-]+$/);
      }
    }
  });

  it('every YAML file of the base is one of its resources, and every resource and patch exists', () => {
    const base = files.filter((f) => f.path.startsWith('base/') && f.path !== 'base/kustomization.yaml').map((f) => f.path.slice('base/'.length));
    const kustomization = files.find((f) => f.path === 'base/kustomization.yaml')!.documents[0]!;
    expect([...kustomization.resources].sort()).toEqual(base.sort());
    const aks = files.find((f) => f.path === 'overlays/aks/kustomization.yaml')!.documents[0]!;
    const overlayFiles = readdirSync(join(deployDir, 'overlays/aks')).filter((name) => name !== 'kustomization.yaml');
    expect([...aks.resources.filter((r: string) => r.endsWith('.yaml')), ...aks.patches.map((p: { path: string }) => p.path)].sort()).toEqual(overlayFiles.sort());
  });

  for (const [name, objects] of Object.entries(rendered)) {
    it(`${name}: every object validates against its Kubernetes or Istio OpenAPI schema`, async () => {
      expect(objects.length).toBeGreaterThan(10);
      for (const object of objects) {
        const Model = await modelOf(object);
        expect(Model, `${object.apiVersion} ${object.kind}`).toBeTypeOf('function');
        expect(() => new Model(object).validate(), `${object.kind}/${object.metadata.name}`).not.toThrow();
      }
    });
  }

  it('a schema violation is caught (the validation is not vacuous)', async () => {
    const deployment = structuredClone(one(rendered.aks, 'Deployment'));
    deployment.spec.template.spec.terminationGracePeriodSeconds = '45s';
    const Model = await modelOf(deployment);
    expect(() => new Model(deployment).validate()).toThrow(/terminationGracePeriodSeconds/);
    const policy = structuredClone(one(rendered.aks, 'PeerAuthentication'));
    policy.spec.mtls.mode = 'STRICTLY';
    const Policy = await modelOf(policy);
    expect(() => new Policy(policy).validate()).toThrow(/mode/);
  });
});

describe('deploy/ agrees with the code', () => {
  const aks = rendered.aks;
  const deployment = one(aks, 'Deployment', 'ontomesh');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const config: Record<string, string> = one(aks, 'ConfigMap', 'ontomesh-config').data;

  let server: RunningServer;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const temp = await tempStore();
    dispose = temp.dispose;
    server = await startServer({ store: temp.store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  it('the container port is the one serve listens on by default, and the Service and probes name it', () => {
    const defaultPort = Number(/default: \$PORT, else (\d+)/.exec(serveCommand.help)![1]);
    expect(config.PORT).toBeUndefined();
    expect(container.ports).toEqual([{ name: 'http', containerPort: defaultPort, protocol: 'TCP' }]);
    const service = one(aks, 'Service', 'ontomesh');
    expect(service.spec.ports.map((p: { targetPort: string }) => p.targetPort)).toEqual(['http']);
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) expect(container[probe].httpGet.port, probe).toBe('http');
    expect(pod.securityContext.runAsNonRoot).toBe(true);
  });

  it('the probe paths are the server\'s: liveness and startup /healthz (200 while up), readiness /readyz (503 until a graph is loaded)', async () => {
    expect([container.startupProbe.httpGet.path, container.livenessProbe.httpGet.path, container.readinessProbe.httpGet.path]).toEqual(['/healthz', '/healthz', '/readyz']);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'not ready', reason: 'no graph loaded' }]);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    expect(deployment.spec.template.metadata.annotations['prometheus.io/path']).toBe('/metrics');
  });

  it('every environment variable is one the code reads, and every value one it accepts', () => {
    const sources = readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.ts')).map((p) => readFileSync(join(repoRoot, 'src', p), 'utf8')).join('\n');
    const names = [...Object.keys(one(rendered.base, 'ConfigMap').data), ...Object.keys(config), ...container.env.map((e: { name: string }) => e.name)];
    for (const name of new Set(names)) expect(sources, name).toMatch(new RegExp(`['".]${name}\\b`));
    expect(graceMsFromEnv(config)).toBe(30_000);
    expect(logLevelFromEnv(config)).toBe('info');
    expect(Number(config.ONTOMESH_WORKERS)).toBe(1);
    expect(parseGremlinUrl(config.ONTOMESH_STORE!, {}).description).toBe('cosmos://contoso-mesh/mesh/ontomesh');
    // No key in the cluster: the workload identity's Entra ID token.
    expect(names).not.toContain('COSMOS_GREMLIN_KEY');
    expect(authConfigFromEnv(config)).toMatchObject({ tenant: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
  });

  it('the pod outlasts the drain: terminationGracePeriodSeconds > preStop sleep + ONTOMESH_SHUTDOWN_GRACE_SECONDS + closing the store, and the sidecar drains as long', () => {
    const preStop = container.lifecycle.preStop.sleep.seconds as number;
    const grace = graceMsFromEnv(config) / 1000;
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStop + grace + 5);
    const drain = /terminationDrainDuration: (\d+)s/.exec(deployment.spec.template.metadata.annotations['proxy.istio.io/config'])![1];
    expect(Number(drain)).toBeGreaterThanOrEqual(preStop + grace);
    expect(Number(drain)).toBeLessThan(pod.terminationGracePeriodSeconds);
  });

  it('reaches Cosmos DB with Azure Workload Identity: the pod is labelled, its service account names a client id', () => {
    expect(deployment.spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
    const account = one(aks, 'ServiceAccount', pod.serviceAccountName);
    expect(account.metadata.annotations['azure.workload.identity/client-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }]);
  });

  it('the selectors, targets and hosts name each other', () => {
    const labels = deployment.spec.template.metadata.labels;
    const service = one(aks, 'Service', 'ontomesh');
    for (const selector of [deployment.spec.selector.matchLabels, service.spec.selector, one(aks, 'PodDisruptionBudget').spec.selector.matchLabels,
      ...['PeerAuthentication', 'RequestAuthentication'].map((kind) => one(aks, kind).spec.selector.matchLabels),
      ...aks.filter((o) => o.kind === 'AuthorizationPolicy').map((o) => o.spec.selector.matchLabels)]) {
      expect(labels).toMatchObject(selector);
    }
    expect(one(aks, 'HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'ontomesh' });
    expect(one(aks, 'DestinationRule').spec.host).toBe(service.metadata.name);
    const virtualService = one(aks, 'VirtualService');
    for (const route of virtualService.spec.http) expect(route.route).toEqual([{ destination: { host: service.metadata.name, port: { number: service.spec.ports[0].port } } }]);
    const gateway = one(aks, 'Gateway');
    expect(virtualService.spec.gateways).toEqual(['mesh', gateway.metadata.name]);
    for (const server of gateway.spec.servers) for (const host of server.hosts) expect(virtualService.spec.hosts).toContain(host);
    expect(one(aks, 'Namespace').metadata.labels['istio.io/rev']).toMatch(/^asm-/);
    expect(container.image).toBe('contosoregistry.azurecr.io/ontomesh:0.1.0');
  });

  it('retries only what a repeat cannot change: GraphQL and reads on 5xx and resets, writes only when the connection was never made', () => {
    const routes = Object.fromEntries(one(aks, 'VirtualService').spec.http.map((r: { name: string }) => [r.name, r]));
    expect(routes.graphql.match).toEqual([{ uri: { exact: '/graphql' }, method: { regex: '^(GET|POST|HEAD)$' } }]);
    expect(routes.reads.match[0].method.regex).not.toMatch(/PUT|POST|DELETE/);
    for (const name of ['graphql', 'reads']) expect(routes[name].retries.retryOn.split(',')).toEqual(expect.arrayContaining(['5xx', 'reset', 'connect-failure']));
    expect(routes.writes.match).toBeUndefined();
    expect(routes.writes.retries.retryOn.split(',').sort()).toEqual(['connect-failure', 'refused-stream']);
  });

  it('the sidecar checks the tokens the service accepts: the tenant\'s issuers, the configured audiences', () => {
    const auth = authConfigFromEnv(config)!;
    const rules = one(aks, 'RequestAuthentication').spec.jwtRules as { issuer: string; audiences: string[]; jwksUri: string }[];
    expect(rules.map((r) => r.issuer)).toEqual([`https://login.microsoftonline.com/${auth.tenant}/v2.0`, `https://sts.windows.net/${auth.tenant}/`]);
    for (const rule of rules) {
      expect(rule.audiences).toEqual(auth.audiences);
      expect(rule.jwksUri).toBe(`https://login.microsoftonline.com/${auth.tenant}/discovery/v2.0/keys`);
    }
    expect(one(aks, 'PeerAuthentication').spec.mtls.mode).toBe('STRICT');
  });

  it('the Dockerfile builds on Node 24 with the production dependencies only, runs as the non-root user the pod runs as, and starts what npm start starts', () => {
    const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: { start: string } };
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms.every((image) => image!.startsWith(`node:${pkg.engines.node.replace('>=', '')}-`))).toBe(true);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev /m);
    expect(dockerfile).toMatch(/^USER node$/m); // uid 1000 in the official Node images
    expect(pod.securityContext.runAsUser).toBe(1000);
    const entrypoint = JSON.parse(/^ENTRYPOINT (.+)$/m.exec(dockerfile)![1]!) as string[];
    const cmd = JSON.parse(/^CMD (.+)$/m.exec(dockerfile)![1]!) as string[];
    expect([...entrypoint, ...cmd].join(' ')).toBe(pkg.scripts.start);
    expect(container.args).toEqual(cmd);
  });
});
