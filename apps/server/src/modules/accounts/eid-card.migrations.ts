// Electronic ID cards, kept permanently (D69 Art 28): one active card per account.
export const eidCardSql = `
CREATE TABLE accounts_eid_card (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts_account ON DELETE CASCADE,
  number text NOT NULL UNIQUE,
  issued_on date NOT NULL,
  valid_until date CHECK (valid_until IS NULL OR valid_until > issued_on),
  status text NOT NULL CHECK (status IN ('active', 'locked', 'expired')),
  dossier_id uuid,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX accounts_eid_card_active ON accounts_eid_card (account_id) WHERE status <> 'expired'
`
export const dropEidCardSql = 'DROP TABLE accounts_eid_card'
