import { loadWorkerConfig } from './worker-config';

const valid = {
  DATABASE_URL: 'postgres://app@localhost/candor',
  REDIS_URL: 'redis://localhost:6379',
  SMTP_URL: 'smtp://localhost:1025',
  DATA_ENCRYPTION_KEY: 'k'.repeat(32),
};

describe('loadWorkerConfig', () => {
  it('applies defaults', () => {
    expect(loadWorkerConfig(valid)).toMatchObject({
      QUEUE_PREFIX: 'candor',
      RELAY_INTERVAL_MS: 200,
      MAIL_FROM: 'Candor <no-reply@candor.local>',
      EMAIL_CONCURRENCY: 50,
      EMAIL_BATCH_WAIT_MS: 20,
      WORKER_NICE: 10,
    });
    expect(loadWorkerConfig(valid).SMTP_MAX_CONNECTIONS).toBeUndefined();
    // Tenant-settings defaults have one source, libs/domain (DEFAULT_TENANT_SETTINGS): the worker has no second one.
    expect(loadWorkerConfig(valid)).not.toHaveProperty('DEFAULT_DISCLOSURE_DEADLINE_HOURS');
    expect(loadWorkerConfig(valid)).not.toHaveProperty('DEFAULT_TIMER_LIMIT_HOURS');
  });

  it('names the malformed variables', () => {
    const attempt = () => loadWorkerConfig({ ...valid, SMTP_URL: 'http://mail', QUEUE_PREFIX: 'Has Spaces' });
    expect(attempt).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(attempt).toThrow(/QUEUE_PREFIX/);
    expect(() => loadWorkerConfig({ ...valid, RELAY_INTERVAL_MS: '0' })).toThrow(/RELAY_INTERVAL_MS/);
  });

  it('keeps idle database connections 600 s unless told otherwise, and refuses an empty or negative time', () => {
    expect(loadWorkerConfig(valid).DATABASE_POOL_IDLE_SECONDS).toBe(600);
    expect(loadWorkerConfig({ ...valid, DATABASE_POOL_IDLE_SECONDS: '0' }).DATABASE_POOL_IDLE_SECONDS).toBe(0);
    for (const bad of ['', '-5', '1.5', '86401']) {
      expect(() => loadWorkerConfig({ ...valid, DATABASE_POOL_IDLE_SECONDS: bad })).toThrow(/DATABASE_POOL_IDLE_SECONDS/);
    }
  });

  it('defaults to a 24-hour retry window and no metrics endpoint', () => {
    expect(loadWorkerConfig(valid)).toMatchObject({ RETRY_WINDOW_MS: 86_400_000, SEND_LEASE_MS: 300_000, SMTP_TIMEOUT_MS: 60_000 });
    expect(loadWorkerConfig(valid).WORKER_METRICS_PORT).toBeUndefined();
    expect(loadWorkerConfig({ ...valid, WORKER_METRICS_PORT: '9464' }).WORKER_METRICS_PORT).toBe(9464);
  });

  it('refuses a lease shorter than three SMTP timeouts, which would let a live send be claimed again', () => {
    expect(() => loadWorkerConfig({ ...valid, SMTP_TIMEOUT_MS: '60000', SEND_LEASE_MS: '120000' })).toThrow(
      /SEND_LEASE_MS: must be at least 3 x SMTP_TIMEOUT_MS/,
    );
    expect(() => loadWorkerConfig({ ...valid, RETRY_BASE_DELAY_MS: '5000', RETRY_MAX_DELAY_MS: '1000' })).toThrow(/RETRY_MAX_DELAY_MS/);
  });
});
