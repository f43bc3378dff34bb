import { loadApiConfig } from './api-config';

const valid = {
  DATABASE_URL: 'postgres://app@localhost/candor',
  REDIS_URL: 'redis://localhost:6379',
  WEB_URL: 'http://localhost:5173',
  JWT_SECRET: 'x'.repeat(32),
  DATA_ENCRYPTION_KEY: 'y'.repeat(32),
};

describe('loadApiConfig', () => {
  it('applies defaults to a valid environment', () => {
    const config = loadApiConfig(valid);
    expect(config.API_PORT).toBe(3000);
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('names every missing or malformed variable', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    const attempt = () => loadApiConfig({ ...rest, JWT_SECRET: 'short', API_PORT: 'eighty' });
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(attempt).toThrow(/API_PORT/);
  });

  it('keeps idle database connections 600 s unless told otherwise (0: never closed), and refuses an empty or negative time', () => {
    expect(loadApiConfig(valid).DATABASE_POOL_IDLE_SECONDS).toBe(600);
    expect(loadApiConfig({ ...valid, DATABASE_POOL_IDLE_SECONDS: '0' }).DATABASE_POOL_IDLE_SECONDS).toBe(0);
    // An empty value (`${X:-}` in a compose file) would otherwise read as 0, "never".
    for (const bad of ['', '-5', '1.5', '86401']) {
      expect(() => loadApiConfig({ ...valid, DATABASE_POOL_IDLE_SECONDS: bad })).toThrow(/DATABASE_POOL_IDLE_SECONDS: must be/);
    }
  });

  it('lowers the password hashing cost for test stacks only', () => {
    expect(loadApiConfig({ ...valid, NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '4096' }).PASSWORD_HASH_MEMORY_KIB).toBe(4096);
    expect(loadApiConfig(valid).PASSWORD_HASH_MEMORY_KIB).toBeUndefined();
    for (const NODE_ENV of ['production', 'development']) {
      expect(() => loadApiConfig({ ...valid, NODE_ENV, PASSWORD_HASH_MEMORY_KIB: '4096' })).toThrow(
        /PASSWORD_HASH_MEMORY_KIB: only for NODE_ENV=test/,
      );
    }
  });

  it('reads the portal base domain and the DNS servers of the custom-domain check, naming a bad one', () => {
    const config = loadApiConfig({ ...valid, PORTAL_BASE_DOMAIN: 'candor.example', DNS_SERVERS: '1.1.1.1, 127.0.0.1:5353,[::1]:53' });
    expect(config.PORTAL_BASE_DOMAIN).toBe('candor.example');
    expect(config.DNS_SERVERS).toEqual(['1.1.1.1', '127.0.0.1:5353', '[::1]:53']);
    expect(loadApiConfig(valid).DNS_SERVERS).toEqual([]);
    expect(() => loadApiConfig({ ...valid, DNS_SERVERS: 'dns.google' })).toThrow(
      /DNS_SERVERS: must be a comma-separated list of IP addresses/,
    );
    expect(() => loadApiConfig({ ...valid, PORTAL_BASE_DOMAIN: 'Candor.Example' })).toThrow(
      /PORTAL_BASE_DOMAIN: must be a lower-case domain name/,
    );
    expect(() => loadApiConfig({ ...valid, PORTAL_BASE_DOMAIN: 'https://candor.example' })).toThrow(/PORTAL_BASE_DOMAIN/);
  });
});
