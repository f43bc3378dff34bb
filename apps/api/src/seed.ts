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

/** The demo's engagements, their rates and assistants, and several weeks of time: approved, waiting for the client, and this week's drafts. */
async function seedWorkLogging(
  manager: EntityManager,
  tenantId: string,
  users: Map<string, string>,
): Promise<void> {
  const owner = users.get("owner@demo.candor.test")!;
  const assistant = users.get("assistant@demo.candor.test")!;
  const clientAdmin = users.get("client.admin@demo.candor.test")!;
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
    const state = WEEK_STATES[entry.engagement][entry.week]!;
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
  const [edited] = (await manager.query(
    `SELECT id, notes FROM work_logs WHERE tenant_id = $1 AND engagement_id = $2 AND status = 'submitted' ORDER BY started_at LIMIT 1`,
    [tenantId, engagements.social],
  )) as { id: string; notes: string }[];
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
  const [disputed] = (await manager.query(
    `SELECT id FROM work_logs WHERE tenant_id = $1 AND engagement_id = $2 AND status = 'locked' ORDER BY started_at DESC LIMIT 1`,
    [tenantId, engagements.social],
  )) as { id: string }[];
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

/** Seeds the demo tenant once (skips what exists) and prints the demo logins. */
async function main() {
  const url = process.env["DATABASE_URL"];
  if (!url) throw new Error("DATABASE_URL is required to seed");
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const exists = await dataSource
      .getRepository(User)
      .existsBy({ email: DEMO_USERS[0]!.email });
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
      [users.get(DEMO_USERS[0]!.email)],
    );
    await withTenant(dataSource, membership!.tenant_id, async (manager) => {
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM engagements`,
      );
      if (count === 0)
        await seedWorkLogging(manager, membership!.tenant_id, users);
      else console.log("demo data: engagements already present");
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
