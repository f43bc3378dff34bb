import { checkCustomHostname, normalizeHostname } from './hostname.util';

const OURS = ['candor.test', 'app.candor.example'];

describe('checkCustomHostname', () => {
  it.each([
    ['portal.agency.com', 'portal.agency.com'],
    ['  Portal.Agency.COM. ', 'portal.agency.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['client-portal.my-agency.co.uk', 'client-portal.my-agency.co.uk'],
  ])('accepts %s as %s', (input, hostname) => {
    expect(checkCustomHostname(input, OURS)).toEqual({ hostname });
  });

  it.each([
    ['127.0.0.1', 'ip_address'],
    ['[::1]', 'ip_address'],
    ['2001:db8::1', 'ip_address'],
    ['localhost', 'local'],
    ['admin.localhost', 'local'],
    ['printer.local', 'local'],
    ['candor.test', 'ours'],
    ['acme.candor.test', 'ours'],
    ['APP.candor.example', 'ours'],
    ['agency', 'malformed'],
    ['-bad.example.com', 'malformed'],
    ['a..b.com', 'malformed'],
    ['https://portal.agency.com', 'malformed'],
    ['portal.agency.com/login', 'malformed'],
    ['portal.agency.123', 'malformed'],
    ['under_score.example.com', 'malformed'],
    ['', 'malformed'],
    [`${'a'.repeat(64)}.example.com`, 'malformed'],
  ])('refuses %s (%s)', (input, refusal) => {
    expect(checkCustomHostname(input, OURS)).toEqual({ refusal });
  });
});

describe('normalizeHostname', () => {
  it('drops the port and the trailing dot, lower-cases and encodes international names', () => {
    expect(normalizeHostname('Portal.Agency.com:8443')).toBe('portal.agency.com');
    expect(normalizeHostname('acme.candor.test.')).toBe('acme.candor.test');
    expect(normalizeHostname('BÜCHER.example')).toBe('xn--bcher-kva.example');
    expect(normalizeHostname('')).toBe('');
  });
});
