import { logoPng, sendMultipart } from '@candor/testing';
import { ALLOW, DENY, EVERYONE, OWNER_ONLY, type Ctx, type Row } from './matrix';

/** A logo the matrix tenant wears, so reading it has something to read whoever asks. */
async function withLogo(ctx: Ctx): Promise<void> {
  const put = await sendMultipart(ctx.api.baseUrl, 'PUT', '/api/v1/brand/logo', ctx.tokens.owner, {}, [logoPng('#1f5fa8')]);
  if (put.status !== 200) throw new Error(`arrange: ${put.status} ${JSON.stringify(put.body)}`);
}

/** The agency's brand: every member reads it (clients too, it is what they see); only the owner changes it. */
export const BRAND_ROWS: Row[] = [
  { name: 'GET /brand', call: () => ({ method: 'GET', path: '/api/v1/brand' }), expect: EVERYONE },
  {
    name: 'PATCH /brand',
    call: () => ({ method: 'PATCH', path: '/api/v1/brand', body: { displayName: 'Matrix Assist', primaryColor: '#1f5fa8' } }),
    expect: OWNER_ONLY,
  },
  {
    name: 'PUT /brand/logo',
    call: () => ({ method: 'PUT', path: '/api/v1/brand/logo', upload: { fields: {}, files: [logoPng('#8a3b12')] } }),
    expect: OWNER_ONLY,
  },
  {
    name: 'GET /brand/logo',
    call: async (ctx) => {
      await withLogo(ctx);
      return { method: 'GET', path: '/api/v1/brand/logo' };
    },
    expect: EVERYONE,
  },
  {
    name: 'DELETE /brand/logo',
    call: async (ctx) => {
      await withLogo(ctx);
      return { method: 'DELETE', path: '/api/v1/brand/logo' };
    },
    expect: { owner: ALLOW, manager: DENY, assistant: DENY, client_admin: DENY, client_member: DENY },
  },
];
