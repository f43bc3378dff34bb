import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { DataSource, type EntityManager } from "typeorm";
import {
  ClientAccount,
  Membership,
  Tenant,
  User,
  dataSourceOptions,
  withTenant,
} from "@candor/db";
import type { Role } from "@candor/domain";
import { hashPassword } from "./modules/auth/auth.service";

export const DEMO_PASSWORD = "candor-demo-2026";
const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "owner@demo.candor.test", name: "Olivia Owner", role: "owner" },
  { email: "manager@demo.candor.test", name: "Max Manager", role: "manager" },
  {
    email: "assistant@demo.candor.test",
    name: "Ada Assistant",
    role: "assistant",
  },
  {
    email: "client.admin@demo.candor.test",
    name: "Clara Client",
    role: "client_admin",
  },
  {
    email: "client.member@demo.candor.test",
    name: "Colin Colleague",
    role: "client_member",
  },
];

async function seedWorkspace(dataSource: DataSource): Promise<void> {
  const tenantId = randomUUID();
  const clientAccountId = randomUUID();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withTenant(dataSource, tenantId, async (manager) => {
    await manager.insert(Tenant, {
      id: tenantId,
      name: "Northwind Assistants",
      slug: "northwind",
      defaultLocale: "en",
      timeZone: "Europe/Berlin",
      settings: {},
    });
    await manager.insert(ClientAccount, {
      tenantId,
      id: clientAccountId,
      name: "Acme Bakery",
      billingEmail: "accounts@acme-bakery.test",
      notes: null,
    });
    for (const demo of DEMO_USERS) {
      const userId = randomUUID();
      await manager.insert(User, {
        id: userId,
        email: demo.email,
        displayName: demo.name,
        passwordHash,
        locale: "en",
      });
      const isClient =
        demo.role === "client_admin" || demo.role === "client_member";
      await manager.insert(Membership, {
        tenantId,
        id: randomUUID(),
        userId,
        role: demo.role,
        clientAccountId: isClient ? clientAccountId : null,
      });
    }
  });
}

// ---------- Work logging demo: engagements, rates, weeks of entries ----------

type EngagementKey = "inbox" | "social" | "onboarding";
type WeekState = "approved" | "submitted" | "draft";

/** One entry: weeks before the current one (0 = this week), weekday (0 = Monday), local start, minutes, notes. */
interface DemoEntry {
  engagement: EngagementKey;
  week: number;
  day: number;
  at: string;
  minutes: number;
  notes: string;
  billable?: boolean;
}

const WEEK_STATES: Record<EngagementKey, Record<number, WeekState>> = {
  inbox: { 3: "approved", 2: "approved", 1: "submitted", 0: "draft" },
  social: { 2: "approved", 1: "submitted", 0: "draft" },
  onboarding: { 0: "draft" },
};

const ENTRIES: DemoEntry[] = [
  {
    engagement: "inbox",
    week: 3,
    day: 0,
    at: "08:30",
    minutes: 90,
    notes:
      "Cleared the weekend backlog in the orders inbox (64 emails); flagged 3 wholesale enquiries for Clara.",
  },
  {
    engagement: "inbox",
    week: 3,
    day: 2,
    at: "09:00",
    minutes: 60,
    notes:
      "Rescheduled the flour supplier call and sent the new invite to both sides.",
  },
  {
    engagement: "inbox",
    week: 3,
    day: 4,
    at: "14:00",
    minutes: 75,
    notes:
      "Answered catering requests for December and drafted two quotes from the price list.",
  },
  {
    engagement: "inbox",
    week: 2,
    day: 0,
    at: "08:30",
    minutes: 80,
    notes:
      "Inbox triage; filed invoices from Müller Mühle and Dairy Co. into the shared drive.",
  },
  {
    engagement: "inbox",
    week: 2,
    day: 3,
    at: "10:15",
    minutes: 45,
    notes:
      "Booked the kitchen inspection and added the reminder to the team calendar.",
  },
  {
    engagement: "inbox",
    week: 1,
    day: 0,
    at: "08:30",
    minutes: 95,
    notes:
      "Inbox triage after the market weekend; 12 customer questions answered from the FAQ.",
  },
  {
    engagement: "inbox",
    week: 1,
    day: 1,
    at: "13:00",
    minutes: 30,
    notes:
      "Call with the packaging supplier about the late box delivery; new date is Friday.",
  },
  {
    engagement: "inbox",
    week: 1,
    day: 3,
    at: "09:00",
    minutes: 70,
    notes:
      "Prepared the Christmas order form and sent it to the 40 regular customers.",
  },
  {
    engagement: "inbox",
    week: 1,
    day: 4,
    at: "15:30",
    minutes: 20,
    notes: "Internal: tidied the inbox rules.",
    billable: false,
  },
  {
    engagement: "inbox",
    week: 0,
    day: 0,
    at: "08:30",
    minutes: 85,
    notes: "Monday inbox triage; forwarded two job applications to Clara.",
  },
  {
    engagement: "inbox",
    week: 0,
    day: 0,
    at: "11:00",
    minutes: 40,
    notes:
      "Confirmed the Saturday market stall and paid the fee from the business card.",
  },
  {
    engagement: "social",
    week: 2,
    day: 1,
    at: "10:00",
    minutes: 120,
    notes:
      "Planned the November content calendar: 12 posts around the stollen launch.",
  },
  {
    engagement: "social",
    week: 2,
    day: 3,
    at: "09:30",
    minutes: 90,
    notes:
      "Edited the bakery photos from the shoot and scheduled 5 Instagram posts.",
  },
  {
    engagement: "social",
    week: 1,
    day: 1,
    at: "10:00",
    minutes: 105,
    notes:
      "Wrote captions in English and German for the stollen week; scheduled them.",
  },
  {
    engagement: "social",
    week: 1,
    day: 2,
    at: "16:00",
    minutes: 45,
    notes:
      "Replied to comments and direct messages; passed a complaint about a late order to Clara.",
  },
  {
    engagement: "social",
    week: 1,
    day: 4,
    at: "11:00",
    minutes: 60,
    notes: "Monthly report: reach up 18 %, top post was the sourdough video.",
  },
  {
    engagement: "social",
    week: 0,
    day: 0,
    at: "13:30",
    minutes: 50,
    notes: "Drafted the Advent calendar giveaway post and the rules page.",
  },
  {
    engagement: "onboarding",
    week: 0,
    day: 0,
    at: "15:00",
    minutes: 60,
    notes:
      "Wrote the welcome email sequence outline (4 emails) for new studio clients.",
  },
];

/** A demo user's id by email; the users are seeded first, so a missing one is a broken seed. */
function userId(users: Map<string, string>, email: string): string {
  const id = users.get(email);
  if (!id) throw new Error(`seed: no user ${email}`);
  return id;
}

/** The demo's engagements, their rates and assistants, and several weeks of time: approved, waiting for the client, and this week's drafts. */
async function seedWorkLogging(
  manager: EntityManager,
  tenantId: string,
  users: Map<string, string>,
): Promise<void> {
  const owner = userId(users, "owner@demo.candor.test");
  const assistant = userId(users, "assistant@demo.candor.test");
  const clientAdmin = userId(users, "client.admin@demo.candor.test");
  const [{ acme }]: { acme: string }[] = await manager.query(
    `SELECT id AS acme FROM client_accounts WHERE tenant_id = $1 AND name = 'Acme Bakery'`,
    [tenantId],
  );
  const fjord = randomUUID();
  await manager.query(
    `INSERT INTO client_accounts (tenant_id, id, name, billing_email, notes) VALUES ($1, $2, 'Fjord Design Studio', 'post@fjord-studio.test', $3)`,
    [
      tenantId,
      fjord,
      "Prefers Norwegian for anything customer-facing. Invoices in NOK.",
    ],
  );
  // Mondays in the tenant's time zone: weeks and rates are cut there, as the API does.
  const [{ monday }]: { monday: string }[] = await manager.query(
    `SELECT to_char(date_trunc('week', now() AT TIME ZONE time_zone), 'YYYY-MM-DD') AS monday FROM tenants WHERE id = $1`,
    [tenantId],
  );
  const mondayOf = (weeksBack: number) => {
    const date = new Date(`${monday}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - 7 * weeksBack);
    return date.toISOString().slice(0, 10);
  };

  const engagements: Record<EngagementKey, string> = {
    inbox: randomUUID(),
    social: randomUUID(),
    onboarding: randomUUID(),
  };
  const insertEngagement = async (
    key: EngagementKey,
    client: string,
    fields: Record<string, unknown>,
    rates: [string, string][],
  ) => {
    await manager.query(
      `INSERT INTO engagements (tenant_id, id, client_account_id, name, description, currency, retainer_hours_per_month, working_agreement,
         confidentiality_terms, confidentiality_accepted_by, confidentiality_accepted_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date)`,
      [
        tenantId,
        engagements[key],
        client,
        fields["name"],
        fields["description"],
        fields["currency"],
        fields["retainer"] ?? null,
        fields["agreement"],
        fields["terms"] ?? null,
        fields["acceptedBy"] ?? null,
        fields["acceptedAt"] ?? null,
        mondayOf(8),
      ],
    );
    await manager.query(
      `INSERT INTO engagement_assistants (tenant_id, engagement_id, user_id) VALUES ($1, $2, $3)`,
      [tenantId, engagements[key], assistant],
    );
    for (const [from, rate] of rates) {
      await manager.query(
        `INSERT INTO engagement_rates (tenant_id, id, engagement_id, effective_from, hourly_rate, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [tenantId, randomUUID(), engagements[key], from, rate, owner],
      );
    }
  };
  await insertEngagement(
    "inbox",
    acme,
    {
      name: "Inbox & calendar management",
      description:
        "The orders inbox, supplier calls and the team calendar, every weekday morning.",
      currency: "EUR",
      agreement: {
        expectations: "Orders inbox at zero by 11:00 every weekday",
        communication:
          "WhatsApp for urgent questions, email for everything else",
        responseTimes: "Within 2 working hours",
        informationNeeded:
          "Access to the orders inbox, the team calendar and the price list",
      },
      terms:
        "Customer names, addresses and order details stay inside Acme Bakery systems and are never copied elsewhere.",
    },
    [
      [mondayOf(8), "42.00"],
      [mondayOf(1), "45.00"],
    ],
  );
  await insertEngagement(
    "social",
    acme,
    {
      name: "Social media retainer",
      description:
        "Instagram and Facebook: planning, captions, scheduling and replies.",
      currency: "EUR",
      retainer: "20",
      agreement: {
        expectations: "Three posts a week and replies within the day",
        communication: "Weekly content review on Tuesdays",
        responseTimes: "Same working day",
      },
      terms:
        "Unpublished recipes and launch dates are confidential until posted.",
      acceptedBy: clientAdmin,
      acceptedAt: `${mondayOf(8)}T09:30:00Z`,
    },
    [[mondayOf(8), "38.00"]],
  );
  await insertEngagement(
    "onboarding",
    fjord,
    {
      name: "Client onboarding emails",
      description:
        "A welcome sequence for new studio clients, in Norwegian and English.",
      currency: "NOK",
      agreement: {
        expectations: "First draft of the sequence within two weeks",
        communication: "Email",
      },
    },
    [[mondayOf(8), "650.00"]],
  );

  const weekIds = new Map<string, string>();
  for (const [key, states] of Object.entries(WEEK_STATES) as [
    EngagementKey,
    Record<number, WeekState>,
  ][]) {
    for (const [weeksBack, state] of Object.entries(states)) {
      if (state === "draft") continue;
      const id = randomUUID();
      weekIds.set(`${key}:${weeksBack}`, id);
      const submitted = `${mondayOf(Number(weeksBack) - 1)} 09:15`;
      await manager.query(
        `INSERT INTO timesheet_weeks (tenant_id, id, engagement_id, assistant_id, week_start, status, submitted_by, submitted_at, decided_by, decided_at)
         SELECT $1, $2, $3, $4, $5::date, $6, $4, $7::timestamp AT TIME ZONE t.time_zone, $8,
           CASE WHEN $8::uuid IS NOT NULL THEN ($7::timestamp + interval '1 day 2 hours') AT TIME ZONE t.time_zone END
         FROM tenants t WHERE t.id = $1`,
        [
          tenantId,
          id,
          engagements[key],
          assistant,
          mondayOf(Number(weeksBack)),
          state,
          submitted,
          state === "approved" ? clientAdmin : null,
        ],
      );
    }
  }

  const logIds: string[] = [];
  for (const entry of ENTRIES) {
    const state = WEEK_STATES[entry.engagement][entry.week];
    const id = randomUUID();
    const rows: unknown[] = await manager.query(
      `WITH span AS (SELECT ($5::date + $6::int + $7::time) AT TIME ZONE t.time_zone AS s FROM tenants t WHERE t.id = $1)
       INSERT INTO work_logs (tenant_id, id, engagement_id, assistant_id, source, status, started_at, ended_at, duration_seconds, notes, billable, hourly_rate, week_id)
       SELECT $1, $2, $3, $4, 'manual', $8, span.s, span.s + make_interval(mins => $9), $9 * 60, $10, $11,
         (SELECT r.hourly_rate FROM engagement_rates r WHERE r.tenant_id = $1 AND r.engagement_id = $3 AND r.effective_from <= $5::date + $6::int
          ORDER BY r.effective_from DESC LIMIT 1), $12
       FROM span WHERE span.s + make_interval(mins => $9) < now() RETURNING id`,
      [
        tenantId,
        id,
        engagements[entry.engagement],
        assistant,
        mondayOf(entry.week),
        entry.day,
        entry.at,
        { approved: "locked", submitted: "submitted", draft: "draft" }[state],
        entry.minutes,
        entry.notes,
        entry.billable ?? true,
        weekIds.get(`${entry.engagement}:${entry.week}`) ?? null,
      ],
    );
    if (rows.length) logIds.push(id);
  }

  // The edit trail and a settled dispute, so the client's week pages show both.
  const [edited] = await manager.query<{ id: string; notes: string }[]>(
    `SELECT id, notes FROM work_logs WHERE tenant_id = $1 AND engagement_id = $2 AND status = 'submitted' ORDER BY started_at LIMIT 1`,
    [tenantId, engagements.social],
  );
  if (edited) {
    const before = edited.notes.replace("in English and German", "in English");
    await manager.query(
      `INSERT INTO work_log_revisions (tenant_id, id, work_log_id, changed_by, reason, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tenantId,
        randomUUID(),
        edited.id,
        assistant,
        "The German captions were part of this session too; the notes said only English.",
        { notes: before },
        { notes: edited.notes },
      ],
    );
  }
  const [disputed] = await manager.query<{ id: string }[]>(
    `SELECT id FROM work_logs WHERE tenant_id = $1 AND engagement_id = $2 AND status = 'locked' ORDER BY started_at DESC LIMIT 1`,
    [tenantId, engagements.social],
  );
  if (disputed) {
    // Between the week's submission (Monday 09:15) and its approval (Tuesday 11:15).
    const comment = (
      author: string,
      kind: string,
      body: string,
      hoursAfter: number,
    ) =>
      manager.query(
        `INSERT INTO comments (tenant_id, id, subject_type, subject_id, author_id, visibility, kind, body, created_at)
         SELECT $1, $2, 'work_log', $3, $4, 'client', $5, $6, ($7::timestamp + make_interval(hours => $8)) AT TIME ZONE t.time_zone
         FROM tenants t WHERE t.id = $1`,
        [
          tenantId,
          randomUUID(),
          disputed.id,
          author,
          kind,
          body,
          `${mondayOf(1)} 09:15`,
          hoursAfter,
        ],
      );
    await comment(
      clientAdmin,
      "dispute",
      "An hour and a half for five posts seems long. What took the time?",
      4,
    );
    await comment(
      assistant,
      "dispute_reply",
      "Most of it was retouching the 14 photos from the shoot before choosing five; the edited set is in the shared folder.",
      23,
    );
  }
  console.log(
    `demo data: ${Object.keys(engagements).length} engagements and ${logIds.length} time entries`,
  );
}

// ---------- Disclosures demo: errors told to Acme Bakery at every stage ----------

type DemoEvent = [
  daysAgo: number,
  actor: string | null,
  action: string,
  from: string | null,
  to: string | null,
  visibility: "client" | "internal",
];

/**
 * Four disclosures for Acme Bakery, written the way the API writes them (same columns, CHECKs and
 * timeline rows): one waiting for Clara's remedy sign-off with an open credit offer, one resolved with
 * a pending check-in, one closed (for the service record and analytics), and Ada's draft in review.
 */
async function seedDisclosures(
  manager: EntityManager,
  tenantId: string,
  users: Map<string, string>,
): Promise<void> {
  const owner = userId(users, "owner@demo.candor.test");
  const lead = userId(users, "manager@demo.candor.test");
  const ada = userId(users, "assistant@demo.candor.test");
  const clara = userId(users, "client.admin@demo.candor.test");
  const colin = userId(users, "client.member@demo.candor.test");
  const rows: { id: string; name: string; client: string }[] =
    await manager.query(
      `SELECT e.id, e.name, e.client_account_id AS client FROM engagements e JOIN client_accounts c ON c.tenant_id = e.tenant_id AND c.id = e.client_account_id
      WHERE e.tenant_id = $1 AND c.name = 'Acme Bakery'`,
      [tenantId],
    );
  const inbox = rows.find((row) => row.name === "Inbox & calendar management");
  const social =
    rows.find((row) => row.name === "Social media retainer") ?? inbox;
  if (!inbox || !social) {
    console.log("demo data: no Acme Bakery engagements, so no disclosures");
    return;
  }
  const ago = (days: number) =>
    new Date(Date.now() - days * 86_400_000).toISOString();

  const insert = async (d: {
    id: string;
    engagement: { id: string; client: string };
    category: string;
    severity: string;
    detectedBy: string;
    status: string;
    occurred: number;
    discovered: number;
    disclosed?: number;
    acknowledged?: number;
    remedyProposed?: number;
    remedyAccepted?: number;
    resolved?: number;
    closed?: number;
    remedyDue: number;
    text: Record<string, string>;
    events: DemoEvent[];
  }) => {
    const seconds = (from: number, to: number | undefined) =>
      to === undefined ? null : Math.round((from - to) * 86_400);
    await manager.query(
      `INSERT INTO disclosures (tenant_id, id, engagement_id, client_account_id, author_id, category, severity, detected_by, status,
         what_happened, impact, apology, remedy_plan, remedy_due_at, resolution_summary, prevention_summary, root_cause, contributing_factors,
         lessons_learned, preventive_actions, occurred_at, discovered_at, disclosed_at, disclosed_by, time_to_disclose_seconds, acknowledged_at,
         remedy_proposed_at, remedy_rounds, remedy_accepted_at, remedy_accepted_by, resolved_at, time_to_resolve_seconds, closed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,
         $27, $28, $29, $30, $31, $32, $33, $22, now())`,
      [
        tenantId,
        d.id,
        d.engagement.id,
        d.engagement.client,
        ada,
        d.category,
        d.severity,
        d.detectedBy,
        d.status,
        d.text["whatHappened"],
        d.text["impact"] ?? "",
        d.text["apology"] ?? "",
        d.text["remedyPlan"] ?? "",
        ago(d.remedyDue),
        d.text["resolution"] ?? "",
        d.text["prevention"] ?? "",
        d.text["rootCause"] ?? "",
        d.text["factors"] ?? "",
        d.text["lessons"] ?? "",
        d.text["preventive"] ?? "",
        ago(d.occurred),
        ago(d.discovered),
        d.disclosed === undefined ? null : ago(d.disclosed),
        d.disclosed === undefined ? null : ada,
        seconds(d.discovered, d.disclosed),
        d.acknowledged === undefined ? null : ago(d.acknowledged),
        d.remedyProposed === undefined ? null : ago(d.remedyProposed),
        d.remedyProposed === undefined ? 0 : 1,
        d.remedyAccepted === undefined ? null : ago(d.remedyAccepted),
        d.remedyAccepted === undefined ? null : clara,
        d.resolved === undefined ? null : ago(d.resolved),
        d.disclosed === undefined ? null : seconds(d.disclosed, d.resolved),
        d.closed === undefined ? null : ago(d.closed),
      ],
    );
    await manager.query(
      `INSERT INTO disclosure_people (tenant_id, disclosure_id, user_id) VALUES ($1, $2, $3)`,
      [tenantId, d.id, ada],
    );
    for (const [daysAgo, actor, action, from, to, visibility] of d.events) {
      await manager.query(
        `INSERT INTO disclosure_events (tenant_id, id, disclosure_id, actor_id, action, from_status, to_status, visibility, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          tenantId,
          randomUUID(),
          d.id,
          actor,
          action,
          from,
          to,
          visibility,
          ago(daysAgo),
        ],
      );
    }
  };
  const offer = async (
    disclosureId: string,
    o: {
      kind: string;
      value: string | null;
      currency: string | null;
      note: string;
      status: string;
      made: number;
      expires: number;
      decided?: number;
      applied?: number;
    },
  ) => {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO compensation_offers (tenant_id, id, disclosure_id, kind, value, currency, note, status, expires_at, created_by, created_at, decided_by, decided_at, applied_by, applied_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        tenantId,
        id,
        disclosureId,
        o.kind,
        o.value,
        o.currency,
        o.note,
        o.status,
        ago(o.expires),
        ada,
        ago(o.made),
        o.decided === undefined ? null : clara,
        o.decided === undefined ? null : ago(o.decided),
        o.applied === undefined ? null : owner,
        o.applied === undefined ? null : ago(o.applied),
      ],
    );
    if (o.decided !== undefined && o.status !== "declined") {
      await manager.query(
        `INSERT INTO credit_ledger_entries (tenant_id, id, client_account_id, offer_id, kind, value, currency, description, created_at, applied_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          tenantId,
          randomUUID(),
          inbox.client,
          id,
          o.kind,
          o.value,
          o.currency,
          o.note,
          ago(o.decided),
          o.applied === undefined ? null : ago(o.applied),
        ],
      );
    }
  };
  const comment = async (
    disclosureId: string,
    author: string,
    visibility: "client" | "internal",
    body: string,
    daysAgo: number,
  ) => {
    await manager.query(
      `INSERT INTO comments (tenant_id, id, subject_type, subject_id, author_id, visibility, kind, body, created_at)
       VALUES ($1, $2, 'disclosure', $3, $4, $5, 'comment', $6, $7)`,
      [
        tenantId,
        randomUUID(),
        disclosureId,
        author,
        visibility,
        body,
        ago(daysAgo),
      ],
    );
  };
  const followUp = async (
    disclosureId: string,
    f: {
      kind: string;
      due: number;
      status: string;
      outcome?: string;
      resolved?: boolean;
      rating?: number;
      by?: string;
      done?: number;
    },
  ) => {
    await manager.query(
      `INSERT INTO follow_ups (tenant_id, id, disclosure_id, kind, due_at, status, outcome, client_resolved, rating, completed_by, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        tenantId,
        randomUUID(),
        disclosureId,
        f.kind,
        ago(f.due),
        f.status,
        f.outcome ?? null,
        f.resolved ?? null,
        f.rating ?? null,
        f.by ?? null,
        f.done === undefined ? null : ago(f.done),
      ],
    );
  };

  // 1. Waiting for Clara's sign-off on the remedy, with an open credit offer.
  const waiting = randomUUID();
  await insert({
    id: waiting,
    engagement: inbox,
    category: "missed_deadline",
    severity: "medium",
    detectedBy: "self",
    status: "remedy_proposed",
    occurred: 3.2,
    discovered: 2.4,
    disclosed: 2.3,
    acknowledged: 2.1,
    remedyProposed: 1.1,
    remedyDue: -2,
    text: {
      whatHappened:
        "We confirmed Thursday's flour order with the mill a day after their cut-off, so the delivery moved from Thursday to Friday morning.",
      impact:
        "Friday's first bake runs on the reserve flour: the sourdough range is smaller until about 10:00, and the wholesale café order leaves an hour later.",
      apology:
        "We are sorry. Sending the order on time was our job, and we let it slip.",
      remedyPlan:
        "We have called the café to agree the later drop-off, and we are setting up a standing weekly order with the mill so the cut-off no longer depends on a reminder.",
      rootCause:
        "The mill moved its cut-off from 14:00 to 12:00 and our checklist still said 14:00.",
      factors:
        "Two supplier changes in one week; the checklist is updated by hand.",
      lessons:
        "Supplier deadlines belong in the shared calendar, not in a checklist someone has to remember to edit.",
      preventive:
        "Standing order with the mill; supplier cut-offs as calendar events with an alert two hours before.",
    },
    events: [
      [2.4, ada, "created", null, "draft", "internal"],
      [2.35, ada, "offer_made", null, null, "internal"],
      [2.3, ada, "disclosed", "draft", "disclosed", "client"],
      [2.1, colin, "acknowledged", "disclosed", "acknowledged", "client"],
      [
        1.1,
        ada,
        "remedy_proposed",
        "acknowledged",
        "remedy_proposed",
        "client",
      ],
    ],
  });
  await offer(waiting, {
    kind: "credit",
    value: "25.00",
    currency: "EUR",
    note: "Off your next invoice, for the smaller Friday range.",
    status: "offered",
    made: 2.35,
    expires: -12,
  });
  await comment(
    waiting,
    colin,
    "client",
    "Thanks for telling us straight away. The café was fine with 8:30.",
    2.0,
  );
  await comment(
    waiting,
    lead,
    "internal",
    "Good catch, Ada. Let's review all supplier cut-offs on Monday.",
    1.9,
  );

  // 2. Resolved, with what changed, and the client's check-in still open.
  const resolved = randomUUID();
  await insert({
    id: resolved,
    engagement: social,
    category: "copy_error",
    severity: "high",
    detectedBy: "client",
    status: "resolved",
    occurred: 12,
    discovered: 11.6,
    disclosed: 11.5,
    acknowledged: 11.3,
    remedyProposed: 11.2,
    remedyAccepted: 11.1,
    resolved: 1,
    remedyDue: 10,
    text: {
      whatHappened:
        "We posted the Christmas opening hours from last year on Instagram and Facebook: 24 December showed as open until 18:00 instead of 13:00.",
      impact:
        "The post reached about 3,400 followers; some may come by in the afternoon of the 24th and find the shop closed.",
      apology:
        "We are sorry. Holiday hours are exactly the kind of detail we are here to get right.",
      remedyPlan:
        "We corrected both posts within the hour, pinned a short correction story and answer every comment that asks about the 24th.",
      resolution:
        "Both posts were corrected, the pinned story ran for 48 hours and we answered 17 comments and messages about the hours.",
      prevention:
        "Every post with dates or opening hours is now checked against the shop calendar by a second person before it goes out.",
      rootCause:
        "The post was duplicated from last year's campaign and the hours block was not re-checked.",
      lessons:
        "Duplicating last year's posts saves time but carries old facts; dates need a fresh check every time.",
      preventive:
        "Second-person check for any post with dates; a 'facts to verify' field in the post template.",
    },
    events: [
      [11.6, ada, "created", null, "draft", "internal"],
      [11.5, ada, "disclosed", "draft", "disclosed", "client"],
      [11.3, clara, "acknowledged", "disclosed", "acknowledged", "client"],
      [
        11.2,
        ada,
        "remedy_proposed",
        "acknowledged",
        "remedy_proposed",
        "client",
      ],
      [
        11.1,
        clara,
        "remedy_accepted",
        "remedy_proposed",
        "remedy_accepted",
        "client",
      ],
      [11.0, ada, "offer_made", null, null, "client"],
      [10.8, clara, "offer_accepted", null, null, "client"],
      [
        11.0,
        ada,
        "remediation_started",
        "remedy_accepted",
        "in_remediation",
        "client",
      ],
      [1, ada, "resolved", "in_remediation", "resolved", "client"],
    ],
  });
  await offer(resolved, {
    kind: "discount_next_project",
    value: "10",
    currency: null,
    note: "10% off the spring campaign.",
    status: "accepted",
    made: 11.0,
    expires: -3,
    decided: 10.8,
  });
  await comment(
    resolved,
    clara,
    "client",
    "Thanks for fixing it so quickly. Please double-check the Easter hours too.",
    10.9,
  );
  await followUp(resolved, {
    kind: "client_check_in",
    due: -2,
    status: "pending",
  });
  await followUp(resolved, {
    kind: "team_retrospective",
    due: -6,
    status: "pending",
  });

  // 3. Closed some weeks ago: the service record and the analytics have history.
  const closed = randomUUID();
  await insert({
    id: closed,
    engagement: inbox,
    category: "double_booking",
    severity: "low",
    detectedBy: "teammate",
    status: "closed",
    occurred: 40,
    discovered: 39.8,
    disclosed: 39.7,
    acknowledged: 39.5,
    remedyProposed: 39.5,
    remedyAccepted: 39.4,
    resolved: 38,
    closed: 30,
    remedyDue: 38.5,
    text: {
      whatHappened:
        "We booked the flour mill's sales call and the health inspector's visit for the same Tuesday at 10:00.",
      impact:
        "The sales call had to move, and the mill's spring prices were confirmed two days later than planned.",
      apology: "We are sorry for the scramble that morning.",
      remedyPlan:
        "We moved the sales call to Thursday and confirmed the inspector's visit in writing.",
      resolution:
        "The call took place on Thursday; the spring prices were confirmed the same day.",
      prevention:
        "We now book appointments only in your shared calendar, never from email alone.",
      rootCause:
        "The inspector's visit was agreed by email and never entered in the shared calendar.",
      lessons:
        "Anything agreed by email goes into the calendar before the email is archived.",
      preventive:
        "Calendar-first booking; a weekly look at the next two weeks every Friday.",
    },
    events: [
      [39.8, ada, "created", null, "draft", "internal"],
      [39.7, ada, "disclosed", "draft", "disclosed", "client"],
      [39.5, clara, "acknowledged", "disclosed", "acknowledged", "client"],
      [
        39.5,
        ada,
        "remedy_proposed",
        "acknowledged",
        "remedy_proposed",
        "client",
      ],
      [
        39.4,
        clara,
        "remedy_accepted",
        "remedy_proposed",
        "remedy_accepted",
        "client",
      ],
      [
        39.3,
        ada,
        "remediation_started",
        "remedy_accepted",
        "in_remediation",
        "client",
      ],
      [38, ada, "resolved", "in_remediation", "resolved", "client"],
      [35, clara, "check_in_answered", null, null, "client"],
      [33, lead, "follow_up_done", null, null, "internal"],
      [30, lead, "closed", "resolved", "closed", "client"],
    ],
  });
  await followUp(closed, {
    kind: "client_check_in",
    due: 35,
    status: "done",
    resolved: true,
    rating: 5,
    by: clara,
    done: 35,
    outcome: "All good, thank you.",
  });
  await followUp(closed, {
    kind: "team_retrospective",
    due: 31,
    status: "done",
    by: lead,
    done: 33,
    outcome: "Calendar-first booking agreed with the whole team.",
  });

  // 4. Ada's draft, in review by a manager and past the 24-hour deadline.
  const draft = randomUUID();
  await insert({
    id: draft,
    engagement: inbox,
    category: "data_handling",
    severity: "high",
    detectedBy: "self",
    status: "in_review",
    occurred: 1.6,
    discovered: 1.3,
    remedyDue: -1,
    text: {
      whatHappened:
        "We shared the wholesale price list in the events channel, where a freelance photographer outside Acme Bakery could read it for about two hours.",
      impact:
        "Your wholesale prices were visible to one person outside the company. We have no sign that they were copied or passed on.",
      apology:
        "We are sorry. Your prices are confidential and we should have checked who was in the channel.",
      remedyPlan:
        "We removed the file, asked the photographer to confirm they kept no copy, and moved price lists to a folder only your staff can open.",
      rootCause:
        "The events channel had a guest added for the summer fair; the channel list looked the same as the staff channel.",
      factors:
        "Guest accounts are not marked in the channel list; the file was shared from a phone.",
      lessons:
        "Check the member list before posting anything with prices or personal data.",
      preventive:
        "Guests get a separate channel with a 'guest' prefix; price lists are shared as links to the restricted folder.",
    },
    events: [
      [1.3, ada, "created", null, "draft", "internal"],
      [1.25, ada, "updated", null, null, "internal"],
      [1.2, ada, "submitted_for_review", "draft", "in_review", "internal"],
    ],
  });
  await comment(
    draft,
    ada,
    "internal",
    "Photographer confirmed by message that the file is deleted. Could someone review today?",
    1.1,
  );

  await manager.query(
    `INSERT INTO remedy_policies (tenant_id, engagement_id, category, remedy_plan, remedy_due_hours, offer_kind, offer_value, offer_currency, offer_note, offer_valid_days, updated_by)
     VALUES ($1, $2, 'copy_error', $3, 24, 'free_revision', NULL, NULL, $4, 14, $5)
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      social.id,
      "We correct the copy within 24 hours at no charge and tell everyone who saw the wrong version.",
      "An extra round of changes on the next piece, free.",
      owner,
    ],
  );
  console.log(
    "demo data: 4 disclosures for Acme Bakery (sign-off, resolved, closed, in review) and a remedy policy",
  );
}

/** Seeds the demo tenant once (skips what exists) and prints the demo logins. */
async function main() {
  const url = process.env["DATABASE_URL"];
  if (!url) throw new Error("DATABASE_URL is required to seed");
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const exists = await dataSource
      .getRepository(User)
      .existsBy({ email: DEMO_USERS[0].email });
    if (!exists) {
      await seedWorkspace(dataSource);
      console.log("demo data: seeded the Northwind Assistants workspace");
    } else {
      console.log("demo data: workspace already present");
    }
    const users = new Map(
      (
        await dataSource
          .getRepository(User)
          .findBy(DEMO_USERS.map((demo) => ({ email: demo.email })))
      ).map((user) => [user.email, user.id]),
    );
    const [membership]: { tenant_id: string }[] = await dataSource.query(
      `SELECT tenant_id FROM auth_user_memberships($1)`,
      [users.get(DEMO_USERS[0].email)],
    );
    await withTenant(dataSource, membership.tenant_id, async (manager) => {
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM engagements`,
      );
      if (count === 0)
        await seedWorkLogging(manager, membership.tenant_id, users);
      else console.log("demo data: engagements already present");
      const [{ disclosures }]: { disclosures: number }[] = await manager.query(
        `SELECT count(*)::int AS disclosures FROM disclosures`,
      );
      if (disclosures === 0)
        await seedDisclosures(manager, membership.tenant_id, users);
      else console.log("demo data: disclosures already present");
    });
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const demo of DEMO_USERS)
      console.log(`  ${demo.role.padEnd(14)} ${demo.email}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
