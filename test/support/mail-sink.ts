import { readTestEnv } from '../setup/test-env';

export interface SinkEmail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  headers: Record<string, string>;
}

const base = () => `http://127.0.0.1:${readTestEnv().mailWebPort}`;

/**
 * The emails this test process has read from the sink, in the sink's order. The sink only appends
 * (no test deletes), so each read asks for the new ones alone: reading the whole inbox on every poll
 * grew with the run (thousands of emails, each with its HTML) and cost more than the tests.
 */
const read: SinkEmail[] = [];
let reading: Promise<SinkEmail[]> = Promise.resolve(read);

function allEmails(): Promise<SinkEmail[]> {
  // One read at a time, so two concurrent polls never both append the same new emails.
  reading = reading
    .catch(() => read)
    .then(async () => {
      const response = await fetchFromSink(`${base()}/email?skip=${read.length}`);
      read.push(...((await response.json()) as SinkEmail[]));
      return read;
    });
  return reading;
}

/**
 * A GET of the sink's web API, tried again on a network error: the sink may close a kept-alive socket just as
 * fetch reuses it ("other side closed", seen in CI on two busy cores); a second try opens a new one.
 */
async function fetchFromSink(url: string, tries = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url);
    } catch (error) {
      if (attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** Every email the SMTP sink has received for `address`. */
export async function emailsTo(address: string): Promise<SinkEmail[]> {
  return (await allEmails()).filter((email) => email.to.some((to) => to.address.toLowerCase() === address.toLowerCase()));
}

/** Waits until `count` emails reached `address` (default one), failing after `timeoutMs`. */
export async function waitForEmails(address: string, count = 1, timeoutMs = 30_000): Promise<SinkEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = await emailsTo(address);
    if (emails.length >= count) return emails;
    if (Date.now() > deadline) throw new Error(`expected ${count} email(s) to ${address}, got ${emails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The accept link of an invitation email, as tenant id and token. */
export function invitationLink(email: SinkEmail): { tenantId: string; token: string; url: URL } {
  const match = /(http\S+\/accept-invite\?\S+)/.exec(email.text);
  if (!match) throw new Error(`no invitation link in: ${email.text}`);
  const url = new URL(match[1]!);
  return { tenantId: url.searchParams.get('tenant')!, token: url.searchParams.get('token')!, url };
}

/** Waits for an email to `address` that `matches`, and returns it; `what` describes it in the failure. */
export async function waitForEmailWhere(
  address: string,
  what: string,
  matches: (email: SinkEmail) => boolean,
  timeoutMs = 15_000,
): Promise<SinkEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = (await emailsTo(address)).find(matches);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no email to ${address} ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for an email to `address` whose subject contains `subjectPart`, and returns it. */
export function waitForEmailAbout(address: string, subjectPart: string, timeoutMs = 15_000): Promise<SinkEmail> {
  return waitForEmailWhere(address, `about "${subjectPart}"`, (email) => email.subject.includes(subjectPart), timeoutMs);
}

/** The link to `path` (e.g. /confirm-email) in an email's text, as a URL. */
export function linkTo(email: SinkEmail, path: string): URL {
  const match = new RegExp(`(http\\S+${path.replace(/[/-]/g, (c) => `\\${c}`)}\\?\\S+)`).exec(email.text);
  if (!match) throw new Error(`no ${path} link in: ${email.text}`);
  return new URL(match[1]!);
}
