import { type Kysely, sql } from 'kysely'

/** The channel on which every change of oidc_client is announced (clients.cache.ts listens). */
export const CLIENT_CHANNEL = 'oidc_client'

// Whoever writes (a service, the console, the CLI, another process), the cached copies hear it at commit.
const statements = [
  `CREATE FUNCTION oidc_client_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('${CLIENT_CHANNEL}', '');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('${CLIENT_CHANNEL}', OLD.client_id);
  ELSE
    PERFORM pg_notify('${CLIENT_CHANNEL}', NEW.client_id);
    IF TG_OP = 'UPDATE' AND OLD.client_id <> NEW.client_id THEN
      PERFORM pg_notify('${CLIENT_CHANNEL}', OLD.client_id);
    END IF;
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER oidc_client_changed AFTER INSERT OR UPDATE OR DELETE ON oidc_client
  FOR EACH ROW EXECUTE FUNCTION oidc_client_changed()`,
  `CREATE TRIGGER oidc_client_truncated AFTER TRUNCATE ON oidc_client
  FOR EACH STATEMENT EXECUTE FUNCTION oidc_client_changed()`,
]

export const clientNotifyUp = async (db: Kysely<unknown>) => {
  for (const s of statements) await sql.raw(s).execute(db)
}

export const clientNotifyDown = async (db: Kysely<unknown>) => {
  await sql.raw('DROP TRIGGER oidc_client_truncated ON oidc_client').execute(db)
  await sql.raw('DROP TRIGGER oidc_client_changed ON oidc_client').execute(db)
  await sql.raw('DROP FUNCTION oidc_client_changed()').execute(db)
}
