/**
 * deploy/kubernetes.yaml checked offline, with no cluster: every document is a valid object by
 * the Kubernetes API's own schemas (kubernetes-models), its settings are ones the viewer's server
 * starts with, and it says what running several copies needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import {
  PodDisruptionBudget,
  type IPodDisruptionBudget,
} from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import { parseAllDocuments } from 'yaml';
import { readServerEnv, refusalToServe } from '../src/server/server-env.ts';
import { repoRoot } from './support/deploy-env.ts';

const manifestPath = join(repoRoot, 'deploy/kubernetes.yaml');
/** The settings that must come from a Secret, never from the manifest itself. */
const secretNames = ['CHATVOLT_API_KEY', 'VIEWER_OIDC_CLIENT_SECRET', 'VIEWER_SESSION_SECRET'];

type KubernetesObject = { apiVersion: string; kind: string } & Record<string, unknown>;

/** Every document of a multi-document YAML file; a syntax error throws. */
function loadDocuments(text: string): KubernetesObject[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw document.errors[0]!;
    return document.toJS() as KubernetesObject;
  });
}

/** The object as its kind's model, validated against the API's schema: throws when invalid. */
function validated(object: KubernetesObject) {
  const model = (() => {
    switch (`${object.apiVersion} ${object.kind}`) {
      case 'v1 ConfigMap':
        return new ConfigMap(object as unknown as IConfigMap);
      case 'apps/v1 Deployment':
        return new Deployment(object as unknown as IDeployment);
      case 'v1 Service':
        return new Service(object as unknown as IService);
      case 'policy/v1 PodDisruptionBudget':
        return new PodDisruptionBudget(object as unknown as IPodDisruptionBudget);
      default:
        throw new Error(`no model here for ${object.apiVersion} ${object.kind}`);
    }
  })();
  model.validate();
  return model;
}

function loadManifest() {
  const objects = loadDocuments(readFileSync(manifestPath, 'utf8')).map(validated);
  const only = <T>(kind: string) => {
    const found = objects.filter((object) => object.kind === kind);
    expect(found, kind).toHaveLength(1);
    return found[0] as T;
  };
  return {
    kinds: objects.map(({ kind }) => kind),
    configMap: only<ConfigMap>('ConfigMap'),
    deployment: only<Deployment>('Deployment'),
    service: only<Service>('Service'),
    disruptionBudget: only<PodDisruptionBudget>('PodDisruptionBudget'),
  };
}

test('every document of deploy/kubernetes.yaml is a valid Kubernetes object, and a broken one is refused', () => {
  const { kinds, deployment } = loadManifest();
  expect(kinds).toEqual(['ConfigMap', 'Deployment', 'Service', 'PodDisruptionBudget']);

  // The check has teeth: the same Deployment, broken three ways, each refused.
  const broken = (change: (copy: KubernetesObject & IDeployment) => void) => {
    const copy = structuredClone(deployment.toJSON()) as KubernetesObject & IDeployment;
    change(copy);
    return () => validated(copy);
  };
  expect(broken((copy) => Object.assign(copy.spec!, { replicas: 'three' }))).toThrow(
    /replicas must be integer/,
  );
  expect(
    broken((copy) => delete (copy.spec!.template.spec!.containers[0] as { name?: string }).name),
  ).toThrow(/must have required property name/);
  expect(
    broken((copy) =>
      Object.assign(copy.spec!.template.spec!.containers[0]!.readinessProbe!.httpGet!, {
        port: undefined,
      }),
    ),
  ).toThrow(/must have required property port/);
  expect(() => loadDocuments('kind: Service\n  spec: [')).toThrow();
});

test('three copies, each ready and alive by /healthz, bounded, stopped within their grace, their secrets from a Secret', () => {
  const { configMap, deployment, service, disruptionBudget } = loadManifest();
  const spec = deployment.spec!;
  const pod = spec.template.spec!;
  expect(spec.replicas).toBe(3);
  expect(pod.containers).toHaveLength(1);
  const [container] = pod.containers;

  // The image's one port, and /healthz on it for both probes; liveness slower to give up.
  expect(container!.ports).toEqual([{ name: 'http', containerPort: 8080 }]);
  const readiness = container!.readinessProbe!;
  const liveness = container!.livenessProbe!;
  for (const probe of [readiness, liveness]) {
    expect(probe.httpGet).toEqual({ path: '/healthz', port: 8080 });
  }
  expect(liveness.periodSeconds).toBeGreaterThan(readiness.periodSeconds!);
  expect(liveness.failureThreshold).toBeGreaterThan(readiness.failureThreshold!);

  expect(container!.resources).toEqual({
    requests: { cpu: expect.any(String), memory: expect.any(String) },
    limits: { cpu: expect.any(String), memory: expect.any(String) },
  });
  expect(container!.securityContext).toMatchObject({
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
  });

  // The settings are ones the viewer's server starts with, the secrets given as the Secret would.
  const secrets = Object.fromEntries(secretNames.map((name) => [name, 'x'.repeat(48)]));
  const settings = readServerEnv({ ...configMap.data, ...secrets });
  expect(refusalToServe(settings)).toBeNull();
  expect(settings.oidc).toBeDefined();

  // A stop: preStop's sleep, then the server's grace, both within Kubernetes' grace period.
  const preStop = container!.lifecycle!.preStop!.exec!.command!;
  expect(preStop).toEqual(['sleep', expect.stringMatching(/^\d+$/)]);
  const preStopMs = Number(preStop[1]) * 1000;
  expect(preStopMs).toBeGreaterThanOrEqual(2_000);
  expect(pod.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(
    preStopMs + settings.shutdownGraceMs,
  );

  // Each secret from the Secret, and nowhere a literal one: not in env, not in the ConfigMap.
  const env = container!.env ?? [];
  for (const name of secretNames) {
    expect(env.find((variable) => variable.name === name)).toEqual({
      name,
      valueFrom: { secretKeyRef: { name: 'conversation-viewer', key: name } },
    });
  }
  expect(env.filter((variable) => variable.value !== undefined)).toEqual([]);
  expect(container!.envFrom).toEqual([{ configMapRef: { name: configMap.metadata!.name } }]);
  expect(
    Object.keys(configMap.data ?? {}).filter((key) => /KEY|SECRET|TOKEN|PASSWORD/.test(key)),
  ).toEqual([]);

  // The Service and the disruption budget pick this Deployment's pods, and only by its labels.
  const podLabels = spec.template.metadata!.labels!;
  expect(spec.selector.matchLabels).toEqual(podLabels);
  expect(service.spec).toMatchObject({
    type: 'ClusterIP',
    selector: podLabels,
    ports: [{ port: 80, targetPort: 8080 }],
  });
  expect(disruptionBudget.spec!.selector!.matchLabels).toEqual(podLabels);
});
