import { roleLabel, roleWithArticle } from './roles';

describe('roleLabel', () => {
  it.each([
    ['owner', 'Owner'],
    ['manager', 'Manager'],
    ['assistant', 'Assistant'],
    ['client_admin', 'Client admin'],
    ['client_member', 'Client member'],
  ])('says %s as "%s"', (role, label) => {
    expect(roleLabel(role)).toBe(label);
  });

  it('keeps unknown roles readable', () => {
    expect(roleLabel('billing_viewer')).toBe('Billing viewer');
    expect(roleLabel('')).toBe('Member');
  });

  it('picks the right article', () => {
    expect(roleWithArticle('assistant')).toBe('an assistant');
    expect(roleWithArticle('client_member')).toBe('a client member');
    expect(roleWithArticle('owner')).toBe('an owner');
  });
});
