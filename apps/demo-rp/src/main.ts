import { loadDemoRpConfig } from './config.js'
import { BANK, PORTAL } from './relying-parties.js'
import { startRelyingParty } from './server.js'

// `npm run demo-rp`: the portal and the bank, each on its own port, logging in with the provider at DEMO_RP_ISSUER.
const start = async () => {
  const config = loadDemoRpConfig()
  const settings = { issuer: config.issuer, portalSecret: config.portalSecret, host: config.host }
  const portal = await startRelyingParty(PORTAL, { ...settings, origin: config.portalUrl })
  const bank = await startRelyingParty(BANK, { ...settings, origin: config.bankUrl })
  console.log(`Demo relying parties, logging in with ${config.issuer.origin}:
  ${PORTAL.name.vi.padEnd(26)} ${portal.url.origin}  (level 1 and above; baseline profile)
  ${BANK.name.vi.padEnd(26)} ${bank.url.origin}  (level 2; FAPI 2.0 when the provider offers it)`)
  const stop = async () => {
    await Promise.all([portal.close(), bank.close()])
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

start().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
