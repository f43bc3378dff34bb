import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const DOCKER = join(__dirname, '..', '..', 'docker');

type Service = {
  image?: string;
  build?: { dockerfile: string };
  environment?: Record<string, unknown>;
  depends_on?: Record<string, unknown>;
  deploy?: { replicas?: number };
  ports?: string[];
};

/** The compose file as Compose reads it: `<<` merge keys applied (js-yaml keeps them as keys). */
function services(): Record<string, Service> {
  const doc = load(readFileSync(join(DOCKER, 'compose.yml'), 'utf8')) as { services: Record<string, Service> };
  const merge = (env: Record<string, unknown> = {}) => {
    const { ['<<']: base, ...rest } = env;
    return { ...(base as Record<string, unknown>), ...rest };
  };
  return Object.fromEntries(Object.entries(doc.services).map(([name, s]) => [name, { ...s, environment: merge(s.environment) }]));
}

// No Docker engine here: the files are checked by reading them, and haproxy's configuration by haproxy itself.
describe('docker files', () => {
  it('runs API replicas and workers through PgBouncer, behind haproxy, with every dependency defined', () => {
    const all = services();
    for (const [name, service] of Object.entries(all)) {
      expect({ name, image: Boolean(service.image ?? service.build) }).toEqual({ name, image: true });
      if (service.build) expect(existsSync(join(DOCKER, '..', service.build.dockerfile))).toBe(true);
      for (const dependency of Object.keys(service.depends_on ?? {})) expect(Object.keys(all)).toContain(dependency);
    }
    expect(all['api']!.deploy?.replicas).toBeGreaterThan(1);
    expect(all['worker']!.deploy?.replicas).toBeGreaterThan(1);
    expect(all['api']!.ports).toBeUndefined();
    expect(all['haproxy']!.ports).toEqual(['3000:3000']);
    for (const app of ['api', 'worker']) expect(String(all[app]!.environment!['DATABASE_URL'])).toContain('@pgbouncer:6432/');
    expect(all['pgbouncer']!.environment!['POOL_MODE']).toBe('transaction');
    expect(Number(all['api']!.environment!['SHUTDOWN_DRAIN_MS'])).toBeGreaterThan(0);
    expect(readFileSync(join(DOCKER, 'nginx.conf'), 'utf8')).toMatch(/server haproxy:3000;/);
  });

  const haproxy = '/usr/sbin/haproxy';
  (existsSync(haproxy) ? it : it.skip)('has a haproxy configuration haproxy accepts', () => {
    const check = spawnSync(haproxy, ['-c', '-f', join(DOCKER, 'haproxy.cfg')], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('Configuration file is valid');
    expect(check.status).toBe(0);
  });
});
