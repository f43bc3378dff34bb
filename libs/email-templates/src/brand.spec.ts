import { EmailRenderer } from './render';

let renderer: EmailRenderer;
beforeAll(async () => {
  renderer = await EmailRenderer.create();
});

const vars = { name: 'Ada', tenantName: 'Northwind VAs', url: 'https://app.example/x' };
const brand = {
  name: 'Acme <Assist>',
  primaryColor: '#1f5fa8',
  logoUrl: 'https://app.example/api/v1/brand/logo/t/abc',
  footerText: 'Acme Assist, 1 Main St',
};

describe('branded emails', () => {
  it('wear the agency logo, colour, name and footer, with "Powered by Candor" once', () => {
    const email = renderer.render('week_approved', 'en', vars, { brand });
    expect(email.html).toContain(`<img src="${brand.logoUrl}" alt="Acme &lt;Assist&gt;"`);
    expect(email.html).toContain('#1f5fa8');
    expect(email.html).not.toContain('#2f5d50');
    expect(email.html).not.toContain('#0b0c0d');
    expect(email.html).toContain('Acme Assist, 1 Main St');
    expect(email.html.match(/Powered by Candor/g)).toHaveLength(1);
    expect(email.html).not.toContain('on Candor');
    expect(email.text).toContain('Acme Assist, 1 Main St');
    expect(email.text).toContain('Powered by Candor');
  });

  it('show the name when there is no logo, and translate the footer', () => {
    const email = renderer.render('week_approved', 'ar', vars, { brand: { ...brand, logoUrl: null, footerText: null } });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('Acme &lt;Assist&gt;');
    expect(email.html).toContain('بدعم من Candor');
  });

  it("keep Candor's own look without a brand", () => {
    const email = renderer.render('week_approved', 'en', vars);
    expect(email.html).toContain('#2f5d50');
    expect(email.html).not.toContain('#0b0c0d');
    expect(email.html).not.toContain('Powered by Candor');
    expect(email.html).toContain('>Candor<');
  });
});
