// The holder's account settings (settings.table.ts): no row means every setting at its default (off).
export const settingsSql = `
CREATE TABLE accounts_setting (
  account_id uuid PRIMARY KEY REFERENCES accounts_account ON DELETE CASCADE,
  web_qr_login boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL
)
`

export const dropSettingsSql = 'DROP TABLE accounts_setting'
