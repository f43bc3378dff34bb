import type { Api } from '@candor/testing';
import { PASSWORD, addMember, createClientAccount, createEngagement, signUpTenant } from '../../support/factories';
import type { Member } from '../../support/team';

export interface WorkFixture {
  owner: { email: string; token: string };
  assistant: Member;
  clientAdmin: Member;
  clientMember: Member;
  engagementId: string;
}

const TIME_ZONE = 'Europe/Berlin';

/** An agency in Berlin with a client (admin and member), an assistant, and an hourly engagement they work on. */
export async function workFixture(api: Api, engagementName = 'Inbox & calendar management'): Promise<WorkFixture> {
  const tenant = await signUpTenant(api, { tenantName: 'Brightdesk Assistants', displayName: 'Olivia Owner', timeZone: TIME_ZONE });
  const clientId = await createClientAccount(api, tenant.owner.token, 'Acme Bakery');
  const assistant = await addMember(api, tenant.owner.token, 'assistant');
  const clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
  const clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
  const { id } = await createEngagement(api, tenant.owner.token, clientId, {
    name: engagementName,
    assistantIds: [assistant.userId],
    confidentialityTerms: 'Customer details stay inside Acme systems.',
  });
  return { owner: tenant.owner, assistant, clientAdmin, clientMember, engagementId: id };
}

/** The Monday, in the agency's time zone, of the week `weeksBack` weeks before this one. */
export function mondayBefore(weeksBack: number, now = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, weekday: 'short' }).format(now);
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday) - 7 * weeksBack);
  return date.toISOString().slice(0, 10);
}

/** Logs two noted entries on the Tuesday and Wednesday of a past week, submits it, and returns the week's id. */
export async function submittedWeek(api: Api, fixture: WorkFixture, weeksBack: number): Promise<string> {
  const monday = mondayBefore(weeksBack);
  const at = (dayOffset: number, time: string) => {
    const date = new Date(`${monday}T${time}:00Z`);
    date.setUTCDate(date.getUTCDate() + dayOffset);
    return date.toISOString();
  };
  const entries = [
    { startedAt: at(1, '08:00'), endedAt: at(1, '09:30'), notes: 'Cleared the orders inbox; flagged two wholesale enquiries.' },
    { startedAt: at(2, '13:00'), endedAt: at(2, '13:45'), notes: 'Call with the packaging supplier about the late delivery.' },
  ];
  for (const entry of entries) {
    const created = await api.post('/api/v1/work-logs', { engagementId: fixture.engagementId, ...entry }, fixture.assistant.token);
    if (created.status !== 201) throw new Error(`entry failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const week = await api.post(
    '/api/v1/timesheet-weeks',
    { engagementId: fixture.engagementId, weekStart: monday },
    fixture.assistant.token,
  );
  if (week.status !== 201) throw new Error(`submit failed: ${week.status} ${JSON.stringify(week.body)}`);
  return week.body.id as string;
}

export async function tokensFor(api: Api, email: string) {
  const response = await api.post('/api/v1/auth/login', { email, password: PASSWORD });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return response.body as { accessToken: string; refreshToken: string; expiresIn: number };
}
