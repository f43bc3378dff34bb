import { BRAND_MIN_CONTRAST, brandColorRefusal, checkBrandColor, DEFAULT_BRAND_COLOR } from './brand-colour';

describe('checkBrandColor', () => {
  it('passes the default and dark colours', () => {
    expect(checkBrandColor(DEFAULT_BRAND_COLOR)).toEqual({ ok: true, ratio: expect.any(Number), suggestion: null });
    expect(checkBrandColor('#000000').ratio).toBeGreaterThan(19);
  });

  it('refuses a light colour with its ratio and a darker shade that passes', () => {
    const verdict = checkBrandColor('#66a3e0');
    expect(verdict.ok).toBe(false);
    expect(verdict.ratio).toBeGreaterThan(2);
    expect(verdict.ratio).toBeLessThan(BRAND_MIN_CONTRAST);
    expect(verdict.suggestion).toMatch(/^#[0-9a-f]{6}$/);
    expect(checkBrandColor(verdict.suggestion ?? '').ok).toBe(true);
    expect(brandColorRefusal('#66a3e0', verdict)).toMatch(
      /contrast of \d\.\d\d:1 against the page background; it needs at least 4.5:1\. Try #[0-9a-f]{6}\./,
    );
  });

  it('never rounds a failing colour up to a pass', () => {
    // #767676 is the lightest grey that passes AA on white (4.54:1) but fails on the portal's page (#f6f5f2);
    // #6e6e6e passes both.
    expect(checkBrandColor('#767676').ok).toBe(false);
    expect(checkBrandColor('#6e6e6e').ok).toBe(true);
    expect(checkBrandColor('#777777').ok).toBe(false);
  });

  it('reads white as the worst case and refuses what is not six-digit hex', () => {
    expect(checkBrandColor('#ffffff')).toMatchObject({ ok: false, ratio: 1 });
    expect(checkBrandColor('red').ok).toBe(false);
  });
});
