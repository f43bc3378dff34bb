/** Role values as the API sends them, and how we say them to people. */
const ROLE_LABELS: Record<string, string> = {
  owner: 'Owner',
  manager: 'Manager',
  assistant: 'Assistant',
  client_admin: 'Client admin',
  client_member: 'Client member',
};

/** "client_admin" -> "Client admin"; unknown future roles degrade to a readable form of the raw value. */
export function roleLabel(role: string): string {
  const known = ROLE_LABELS[role];
  if (known) return known;
  const words = role.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Member';
}

/** With an article, for sentences: "an Assistant", "a Client admin". */
export function roleWithArticle(role: string): string {
  const label = roleLabel(role);
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()}`;
}
