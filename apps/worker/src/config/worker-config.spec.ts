import { loadWorkerConfig } from './worker-config';

const valid = {
  DATABASE_URL: 'postgres://app@localhost/candor',
  REDIS_URL: 'redis://localhost:6379',
  SMTP_URL: 'smtp://localhost:1025',
  DATA_ENCRYPTION_KEY: 'k'.repeat(32),
};

describe('loadWorkerConfig', () => {
  it('applies defaults', () => {
    expect(loadWorkerConfig(valid)).toMatchObject({ QUEUE_PREFIX: 'candor', RELAY_INTERVAL_MS: 200, MAIL_FROM: 'Candor <no-reply@candor.local>' });
    expect(loadWorkerConfig(valid).DEFAULT_DISCLOSURE_DEADLINE_HOURS).toBe(24);
  });

  it('names the malformed variables', () => {
    const attempt = () => loadWorkerConfig({ ...valid, SMTP_URL: 'http://mail', QUEUE_PREFIX: 'Has Spaces' });
    expect(attempt).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(attempt).toThrow(/QUEUE_PREFIX/);
    expect(() => loadWorkerConfig({ ...valid, DEFAULT_DISCLOSURE_DEADLINE_HOURS: '0' })).toThrow(/DEFAULT_DISCLOSURE_DEADLINE_HOURS/);
  });
});
