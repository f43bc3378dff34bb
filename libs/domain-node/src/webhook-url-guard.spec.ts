import { Webhook } from 'standardwebhooks';
import {
  checkWebhookUrl,
  hostMapResolver,
  parseHostMap,
  WebhookUrlRefused,
  type HostResolver,
  type WebhookUrlPolicy,
} from './webhook-url-guard';
import { newWebhookSecret, signWebhook } from './webhook-signing';

const pointing =
  (...addresses: string[]): HostResolver =>
  () =>
    Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
const open: WebhookUrlPolicy = { httpsOnly: false, allowedNetworks: [], resolve: pointing('93.184.215.14') };

describe('checkWebhookUrl', () => {
  it.each([
    ['http://127.0.0.1/hook', 'loopback'],
    ['http://10.1.2.3/hook', 'private 10/8'],
    ['http://172.16.0.1/hook', 'private 172.16/12'],
    ['http://192.168.1.1/hook', 'private 192.168/16'],
    ['http://169.254.169.254/latest/meta-data', 'link-local (cloud metadata)'],
    ['http://100.64.0.1/hook', 'CGNAT'],
    ['http://0.0.0.0/hook', 'unspecified'],
    ['http://224.0.0.1/hook', 'multicast'],
    ['http://[::1]/hook', 'IPv6 loopback'],
    ['http://[fd00::1]/hook', 'IPv6 unique-local'],
    ['http://[fe80::1]/hook', 'IPv6 link-local'],
    ['http://[::ffff:127.0.0.1]/hook', 'IPv4-mapped loopback'],
  ])('refuses %s (%s)', async (url) => {
    await expect(checkWebhookUrl(url, open)).rejects.toThrow(/private, loopback or link-local/);
  });

  it('refuses a host name when any of its addresses is private, after resolving it', async () => {
    await expect(
      checkWebhookUrl('https://hooks.example.com/x', { ...open, resolve: pointing('93.184.215.14', '127.0.0.1') }),
    ).rejects.toThrow(WebhookUrlRefused);
  });

  it('accepts a public host and returns the addresses to pin the connection to', async () => {
    const checked = await checkWebhookUrl('https://hooks.example.com/x', open);
    expect(checked.addresses).toEqual([{ address: '93.184.215.14', family: 4 }]);
  });

  it('lets the allow-list through (tests, self-hosting), and only it', async () => {
    const policy = { ...open, allowedNetworks: ['127.0.0.0/8', '::1'] };
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', policy)).resolves.toBeTruthy();
    await expect(checkWebhookUrl('http://[::1]:9/x', policy)).resolves.toBeTruthy();
    await expect(checkWebhookUrl('http://10.0.0.1/x', policy)).rejects.toThrow(WebhookUrlRefused);
  });

  it('asks for https in production and refuses other schemes and credentials', async () => {
    await expect(checkWebhookUrl('http://hooks.example.com/x', { ...open, httpsOnly: true })).rejects.toThrow('must start with https://.');
    await expect(checkWebhookUrl('ftp://hooks.example.com/x', open)).rejects.toThrow(WebhookUrlRefused);
    await expect(checkWebhookUrl('https://user:pw@hooks.example.com/x', open)).rejects.toThrow(/user name or password/);
    await expect(checkWebhookUrl('not a url', open)).rejects.toThrow(/not a valid address/);
  });

  it('says so when a name does not resolve', async () => {
    const resolve: HostResolver = () => Promise.reject(new Error('ENOTFOUND'));
    await expect(checkWebhookUrl('https://nowhere.invalid/x', { ...open, resolve })).rejects.toThrow(/could not be resolved/);
  });
});

describe('WEBHOOK_HOSTS', () => {
  it('resolves only the listed names, case-insensitively, and never asks DNS for another', async () => {
    const resolve = hostMapResolver(parseHostMap('Hooks.Test=127.0.0.1, v6.test=::1'));
    expect(await resolve('hooks.test')).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect(await resolve('V6.TEST')).toEqual([{ address: '::1', family: 6 }]);
    await expect(resolve('example.com')).rejects.toThrow('not in WEBHOOK_HOSTS');
    const policy = { httpsOnly: false, allowedNetworks: [], resolve };
    await expect(checkWebhookUrl('https://example.com/hook', policy)).rejects.toThrow('could not be resolved');
  });

  it('refuses an entry that is not name=address, and means the system resolver when empty', () => {
    expect(() => parseHostMap('hooks.test=not-an-address')).toThrow();
    expect(() => parseHostMap('hooks.test')).toThrow();
    expect(parseHostMap(' ')).toBeNull();
  });
});

describe('signWebhook', () => {
  it('signs with every secret, so a receiver holding either one verifies during a rotation', () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const body = JSON.stringify({ type: 'webhook.test' });
    const headers = signWebhook('4f1c2d4e-0000-4000-8000-000000000001', new Date(), body, [newSecret, oldSecret]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret]) expect(new Webhook(secret).verify(body, { ...headers })).toEqual({ type: 'webhook.test' });
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });
});
