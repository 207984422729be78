// The relying-party applications (oidc_0007_applications, run from oidc.migrations.ts); one statement per `;`.
export const applicationsUp = `
CREATE TABLE oidc_application (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('production', 'sandbox')),
  state text NOT NULL CHECK (state IN ('submitted', 'agreement_recorded', 'approved', 'refused', 'withdrawn')),
  applicant_subject_id text COLLATE "C" NOT NULL,
  applicant_account_id uuid NOT NULL,
  org_name text NOT NULL CHECK (length(org_name) BETWEEN 1 AND 300),
  org_code text NOT NULL CHECK (org_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_email text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
  contact_phone text NOT NULL CHECK (length(contact_phone) BETWEEN 3 AND 30),
  service_name text NOT NULL CHECK (length(service_name) BETWEEN 1 AND 200),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  scopes text[] NOT NULL CHECK ('openid' = ANY (scopes)),
  min_level smallint NOT NULL CHECK (min_level IN (1, 2)),
  security_level smallint CHECK (security_level BETWEEN 1 AND 5),
  redirect_uris text[] NOT NULL CHECK (cardinality(redirect_uris) BETWEEN 1 AND 20),
  auth_method text NOT NULL CHECK (auth_method IN ('client_secret_basic', 'client_secret_post', 'private_key_jwt')),
  jwks jsonb,
  profile text NOT NULL CHECK (profile IN ('baseline', 'fapi2')),
  agreement_number text CHECK (length(agreement_number) BETWEEN 1 AND 100),
  agreement_signed_on date,
  agreement_recorded_by uuid,
  agreement_recorded_by_number text,
  agreement_recorded_at timestamptz,
  submitted_on date NOT NULL,
  due_on date NOT NULL,
  decided_by uuid,
  decided_by_number text,
  decided_at timestamptz,
  refusal_reason text,
  client_id text COLLATE "C" REFERENCES oidc_client (client_id),
  credentials_collected_at timestamptz,
  withdrawn_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A connection needs an information system of security level 3 or more (D69 Art 18).
  CHECK (kind = 'sandbox' OR security_level >= 3),
  CHECK ((auth_method = 'private_key_jwt') = (jwks IS NOT NULL)),
  -- Four eyes: the appraiser who approves is never the one who recorded the agreement.
  CHECK (state <> 'approved' OR kind = 'sandbox' OR decided_by <> agreement_recorded_by),
  CHECK (agreement_recorded_at IS NOT NULL OR state IN ('submitted', 'refused', 'withdrawn') OR kind = 'sandbox'),
  CHECK ((state = 'approved') = (client_id IS NOT NULL)),
  CHECK ((state = 'refused') = (refusal_reason IS NOT NULL)),
  CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
-- The appraisers' queue: open applications, earliest due first.
CREATE INDEX oidc_application_queue ON oidc_application (due_on, created_at) WHERE state IN ('submitted', 'agreement_recorded');
CREATE INDEX oidc_application_applicant ON oidc_application (applicant_account_id, created_at DESC);
CREATE UNIQUE INDEX oidc_application_client ON oidc_application (client_id) WHERE client_id IS NOT NULL
`
export const applicationsDown = 'DROP TABLE oidc_application'
