/** The demo relying parties' settings, parsed once: a bad value stops the start with its name. */
export type DemoRpConfig = {
  issuer: URL
  host: string
  portalUrl: URL
  bankUrl: URL
  portalSecret: string
}

// The portal's published demo secret: the provider registers its hash with DEMO_SEED (clients.demo.ts).
const PORTAL_SECRET = 'demo-portal-published-secret-not-for-production'

const origin = (env: NodeJS.ProcessEnv, name: string, fallback: string) => {
  const value = env[name] ?? fallback
  if (!URL.canParse(value) || new URL(value).origin !== value.replace(/\/$/, ''))
    throw new Error(`${name} must be an origin such as ${fallback}, not "${value}"`)
  return new URL(value)
}

export const loadDemoRpConfig = (env: NodeJS.ProcessEnv = process.env): DemoRpConfig => ({
  issuer: origin(env, 'DEMO_RP_ISSUER', 'http://localhost:3000'),
  host: env.DEMO_RP_HOST ?? '127.0.0.1',
  portalUrl: origin(env, 'DEMO_PORTAL_URL', 'http://localhost:4000'),
  bankUrl: origin(env, 'DEMO_BANK_URL', 'http://localhost:4001'),
  portalSecret: env.DEMO_PORTAL_SECRET ?? PORTAL_SECRET,
})
