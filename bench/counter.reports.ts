import { sql } from 'kysely'
import type { TestContext } from '../apps/server/src/test/harness.js'

/**
 * What the supervisors' reports count, next to the counter dossiers of counter.bench.ts: a level-2
 * account for every approved dossier, `appAccounts` accounts registered in the app over the same 90 days,
 * card applications and authority lock requests in the demo units (some waiting past their due day).
 */
export const seedReportData = async (
  t: TestContext,
  opts: { dossiers: number; appAccounts: number; cards: number; locks: number },
) => {
  await sql`
    INSERT INTO accounts_account (id, subject_id, subject_kind, level, status, phone, email, password_hash,
      passcode_hash, security_qa, created_via, dossier_id, created_at, approved_at, activated_at, updated_at)
    SELECT gen_random_uuid(), d.subject_id, 'citizen', 2, 'approved', d.phone, NULL, NULL, NULL, NULL, 'counter',
      d.id, d.decided_at, d.decided_at, NULL, d.decided_at
    FROM enrolment_counter_dossier d WHERE d.state = 'approved'
    ON CONFLICT (subject_id) DO NOTHING
  `.execute(t.db)
  // Mostly active level 1, some upgraded, waiting for activation, locked or closed; a few filed by a parent.
  await sql`
    WITH people AS (
      SELECT personal_id, row_number() OVER () AS n FROM registry_person OFFSET ${opts.dossiers} LIMIT ${opts.appAccounts}
    )
    INSERT INTO accounts_account (id, subject_id, subject_kind, level, status, phone, email, password_hash,
      passcode_hash, security_qa, created_via, dossier_id, created_at, approved_at, activated_at, updated_at)
    SELECT gen_random_uuid(), p.personal_id, 'citizen', CASE WHEN p.n % 7 = 0 THEN 2 ELSE 1 END,
      CASE WHEN p.n % 10 < 7 THEN 'active' WHEN p.n % 10 < 9 THEN 'approved' WHEN p.n % 50 = 9 THEN 'closed' ELSE 'locked' END,
      '+8438' || lpad((p.n % 10000000)::text, 7, '0'), NULL, NULL, NULL, NULL,
      CASE WHEN p.n % 40 = 0 THEN 'representative' ELSE 'app' END, NULL, c.at, c.at,
      CASE WHEN p.n % 10 < 7 OR p.n % 10 = 9 THEN c.at END, c.at
    FROM people p
    CROSS JOIN LATERAL (SELECT (DATE '2026-11-23' - (p.n % 90)::int) + time '02:00' + (p.n % 3600) * interval '1 second' AS at) c
    ON CONFLICT (subject_id) DO NOTHING
  `.execute(t.db)
  await sql`
    WITH people AS (
      SELECT personal_id, row_number() OVER () AS n FROM registry_person OFFSET ${opts.dossiers + opts.appAccounts}
      LIMIT ${opts.cards}
    ), u AS (SELECT code, level, province_code, row_number() OVER (ORDER BY code) - 1 AS i FROM officers_unit
             WHERE level IN ('commune', 'province'))
    INSERT INTO enrolment_card_application (id, personal_id, kind, reason, state, dossier_id, unit_code, unit_level,
      unit_province, received_by, received_on, due_on, decided_by, decided_at, rejection_reason, produced_at,
      card_issued_on, delivered_at, created_at, updated_at)
    SELECT gen_random_uuid(), p.personal_id, k.kind, k.reason, s.state, NULL, u.code, u.level, u.province_code,
      gen_random_uuid(), r.day, r.day + 9, NULL, NULL, CASE WHEN s.state = 'rejected' THEN 'DATA_MISMATCH' END,
      NULL, CASE WHEN s.state IN ('produced', 'delivered') THEN r.day + 5 END, NULL, now(), now()
    FROM people p
    JOIN u ON u.i = p.n % (SELECT count(*) FROM u)
    CROSS JOIN LATERAL (SELECT DATE '2026-11-23' - (p.n % 90)::int AS day) r
    CROSS JOIN LATERAL (SELECT (ARRAY['issue', 'renewal', 'renewal', 'reissue'])[1 + p.n % 4] AS kind,
      (ARRAY['first_card', 'expired', 'age_milestone', 'lost'])[1 + p.n % 4] AS reason) k
    CROSS JOIN LATERAL (SELECT (ARRAY['received', 'approved', 'produced', 'delivered', 'delivered', 'rejected'])[1 + p.n % 6] AS state) s
  `.execute(t.db)
  // Lock requests recorded over the last 30 days; those still recorded or forwarded are mostly past due.
  await sql`
    WITH a AS (
      SELECT id, subject_id, row_number() OVER () AS n FROM accounts_account WHERE created_via = 'app' LIMIT ${opts.locks}
    ), u AS (SELECT code, level, province_code, row_number() OVER (ORDER BY code) - 1 AS i FROM officers_unit
             WHERE level = 'commune')
    INSERT INTO lock_requests_request (id, kind, ground, subject_id, account_id, authority_name, document_number,
      document_date, note, state, unit_code, unit_level, unit_province, recorded_by, recorded_by_number, recorded_on,
      forward_by, forwarded_by, forwarded_on, decide_by, decided_by, decided_by_number, decided_at, refusal_reasons,
      lock_id, carried_out_at, created_at, updated_at)
    SELECT gen_random_uuid(), 'lock', 'lid_34_1_e', a.subject_id, a.id, 'Cơ quan Cảnh sát điều tra', 'BENCH-' || a.n,
      r.day, NULL, s.state, u.code, u.level, u.province_code, gen_random_uuid(), 'CB-0001', r.day, r.day + 1,
      CASE WHEN s.state <> 'recorded' THEN gen_random_uuid() END, CASE WHEN s.state <> 'recorded' THEN r.day + 1 END,
      r.day + 3, CASE WHEN s.state IN ('refused', 'carried_out') THEN gen_random_uuid() END,
      CASE WHEN s.state IN ('refused', 'carried_out') THEN 'CB-0100' END,
      CASE WHEN s.state IN ('refused', 'carried_out') THEN r.day + time '09:00' END,
      CASE WHEN s.state = 'refused' THEN 'Công văn không nêu căn cứ' END, NULL,
      CASE WHEN s.state = 'carried_out' THEN r.day + time '09:00' END, now(), now()
    FROM a
    JOIN u ON u.i = a.n % (SELECT count(*) FROM u)
    CROSS JOIN LATERAL (SELECT DATE '2026-11-23' - (a.n % 30)::int AS day) r
    CROSS JOIN LATERAL (SELECT (ARRAY['recorded', 'forwarded', 'refused', 'carried_out', 'carried_out'])[1 + a.n % 5] AS state) s
  `.execute(t.db)
  // A steady system has been vacuumed by autovacuum: the reports' covering indexes are then read alone.
  for (const table of [
    'enrolment_counter_dossier',
    'accounts_account',
    'enrolment_card_application',
    'lock_requests_request',
  ])
    await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(t.db)
}

type Page = { name: string; describe: string; url: () => string; headers: Record<string, string> }

/** The supervisors' pages: the reports of the last 30 days and the overdue queue, central and provincial. */
export const reportPages = (central: Record<string, string>, province: Record<string, string>): Page[] => [
  ...(
    [
      ['central', central],
      ['province', province],
    ] as const
  ).flatMap(([who, headers]) => [
    {
      name: `reports.dossiers.${who}`,
      describe: `counter dossiers report, last 30 days, ${who} supervisor`,
      url: () => '/api/v1/reports/dossiers',
      headers,
    },
    {
      name: `reports.accounts.${who}`,
      describe: `accounts report, last 30 days, ${who} supervisor`,
      url: () => '/api/v1/reports/accounts',
      headers,
    },
    {
      name: `reports.overdue.${who}`,
      describe: `overdue queue per unit, ${who} supervisor`,
      url: () => '/api/v1/reports/overdue',
      headers,
    },
  ]),
  {
    name: 'reports.overdue_list.province',
    describe: "one unit's overdue dossiers, first page, provincial supervisor",
    url: () => '/api/v1/reports/overdue/CAX-079-SAI-GON/dossiers?page=1&pageSize=20',
    headers: province,
  },
]
