import { portalTarget } from './portal-slug';

describe('portalTarget', () => {
  it("opens the agency's sign-in page for the bare address and /login", () => {
    expect(portalTarget(undefined, '')).toEqual({ login: true });
    expect(portalTarget('', '')).toEqual({ login: true });
    expect(portalTarget('login', '')).toEqual({ login: true });
    expect(portalTarget('login/', '')).toEqual({ login: true });
  });

  it('leads any other page to the same page inside the app, query kept', () => {
    expect(portalTarget('disclosures/42', '')).toEqual({ login: false, to: '/disclosures/42' });
    expect(portalTarget('accept-invite', '?tenant=t&token=x')).toEqual({ login: false, to: '/accept-invite?tenant=t&token=x' });
    expect(portalTarget('//evil.example', '')).toEqual({ login: false, to: '/evil.example' });
  });
});
