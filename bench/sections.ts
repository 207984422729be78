import { runAccountsBench } from './accounts.bench.js'
import { runAuthnBench } from './authn.bench.js'
import { runCounterBench } from './counter.bench.js'
import { runCredentialsBench } from './credentials.bench.js'
import { compactCredentialsSection } from './credentials-compact.bench.js'
import { runFaceBench } from './face.bench.js'
import { runFingerprintBench } from './fingerprint.bench.js'
import { runGalleryBench } from './gallery.bench.js'
import { runOidcBench } from './oidc.bench.js'
import { runOidcWorkersBench } from './oidc-workers.bench.js'
import { runPasskeyBench } from './passkey.bench.js'
import { runRegistryBench } from './registry.bench.js'
import { runSharingBench } from './sharing.bench.js'
import type { BenchResult, BenchSection } from './types.js'

const fmt = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en') : String(n))
const extra = (r: BenchResult | undefined, key: string) => r?.extra?.[key]

const registry: BenchSection = {
  id: 'registry',
  title: 'Population registry',
  describe: {
    'registry.import': 'initial load of synthetic people (people/s)',
    'registry.lookup': 'lookup by personal ID through the data layer (ops/s)',
  },
  run: ({ quick, databaseUrl, log }) =>
    runRegistryBench({
      databaseUrl,
      pgliteSize: quick ? 10_000 : 100_000,
      postgresSize: quick ? 50_000 : 1_000_000,
      log,
    }),
  notes: (results, quick) => {
    const pg = results.find((r) => r.name === 'registry.import' && r.engine === 'postgres')
    return `- Lookups on PostgreSQL run 8 at a time over a pool of 8 connections against a registry of
  ${quick ? '50,000' : '1,000,000'} people; PGlite is single-connection, so its lookups run one at a time. A lookup
  reads the person with cards, old numbers and relatives through the plan-cached plpgsql function
  \`registry_person_record\`.
- The import is the first load of an empty registry (\`registry seed\`, and the demo data on first start):
  people are generated in a worker thread as COPY text while the database writes the previous batch, in
  one transaction whose keys, indexes and foreign keys are dropped first and rebuilt at the end (one sort
  per index instead of millions of index inserts). Every person is about ${fmt(
    pg ? Math.round(Number(extra(pg, 'tableRows')) / pg.count) : 4.7,
  )} rows across five tables (person, card, old numbers,
  family links both ways, household)${
    pg
      ? `: ${fmt(extra(pg, 'tableRows'))} rows, ${fmt(extra(pg, 'tableRowsPerSecond'))} table rows/s on PostgreSQL`
      : ''
  }.
  The target (50,000/s) is counted in people, the stricter reading. Generation (names, numbers, families,
  the row hash) costs about 15 µs a person on one core and PostgreSQL about 9 µs a person to COPY plus the
  index builds at the end: on two cores the two overlap, which bounds the rate near the figure above.
- A registry that is not empty is never bulk loaded: \`registry seed\` then upserts through the staged
  import path (COPY into a temporary table, upsert by content hash), several times slower.`
  },
}

const fingerprints: BenchSection = {
  id: 'fingerprint',
  title: 'Fingerprint matcher',
  describe: {
    'fingerprint.prepare': 'template preparation (local structures), per second',
    'fingerprint.match': '1:1 minutiae matches per second (one thread)',
    'fingerprint.accuracy': 'genuine and impostor comparisons on synthetic fingers',
  },
  run: async ({ quick, log }) =>
    runFingerprintBench({
      fingers: quick ? 300 : 1000,
      impostorsPerFinger: 10,
      speedMatches: 20_000,
      log,
    }).map(({ threshold, fmr, fnmr, genuinePairs, impostorPairs, genuineScores, impostorScores, ...r }) => ({
      ...r,
      extra: { threshold, fmr, fnmr, genuinePairs, impostorPairs, genuineScores, impostorScores },
    })),
  notes: (results) => {
    const a = results.find((r) => r.name === 'fingerprint.accuracy')?.extra ?? {}
    return `- At the threshold ${fmt(a.threshold)}: false-match rate ${fmt(a.fmr)} over ${fmt(a.impostorPairs)} impostor pairs,
  false-non-match rate ${fmt(a.fnmr)} over ${fmt(a.genuinePairs)} genuine pairs (synthetic fingers, recaptured turned up
  to ±20°, shifted up to ±40 px, 10–25 % of minutiae lost, spurious ones added).
- Genuine scores ${JSON.stringify(a.genuineScores)}; impostor scores ${JSON.stringify(a.impostorScores)}.
- Synthetic fingers only: real fingerprints need a certified matcher behind the \`BiometricMatcher\` port
  (docs/fingerprints.md).`
  },
}

const faces: BenchSection = {
  id: 'face',
  title: 'Face verification and 1:N search',
  describe: {
    'face.verify': 'face verification: extract probe + compare (verifications/s, 2 worker threads)',
    'face.search': '1:N search of one probe over the whole gallery',
  },
  run: async ({ quick, log }) => {
    const verify = (await runFaceBench({ threads: 2, verifications: quick ? 40 : 120, log })).map(
      ({ eventLoopLagMaxMs, eventLoopLagP99Ms, accuracy, ...r }) => ({
        ...r,
        extra: {
          eventLoopLagMaxMs,
          eventLoopLagP99Ms,
          ...(accuracy
            ? {
                threshold: accuracy.threshold,
                fmr: accuracy.fmr,
                fnmr: accuracy.fnmr,
                genuinePairs: accuracy.genuine.length,
                impostorPairs: accuracy.impostor.length,
                genuineRange: [accuracy.genuine[0], accuracy.genuine.at(-1)],
                impostorMax: accuracy.impostor.at(-1),
                crossPhotoGenuine: accuracy.crossPhotoGenuine,
              }
            : {}),
        },
      }),
    )
    const search = await runGalleryBench({ sizes: quick ? [10_000, 100_000] : [100_000, 1_000_000], log })
    return [...verify, ...search]
  },
  notes: (results) => {
    const v = results.find((r) => r.name === 'face.verify')?.extra ?? {}
    const searches = results.filter((r) => r.name === 'face.search')
    return `- Verification = decode (sharp, main thread) + detector, mesh, embedding, anti-spoofing and liveness
  models (@vladmandic/human on the tfjs WebAssembly backend, one worker thread each) + cosine comparison. Event-loop
  lag in the main thread under that load: p99 ${fmt(v.eventLoopLagP99Ms)} ms, max ${fmt(v.eventLoopLagMaxMs)} ms (target ≤ 50 ms).
- Scores on every face image in installed packages (27 faces of the @vladmandic/face-api demo photos and
  @vladmandic/human's screenshots, with re-encoded, resized, brightened, mirrored and tilted copies as
  genuine pairs): at the threshold ${fmt(v.threshold)}, false-match rate ${fmt(v.fmr)} over ${fmt(v.impostorPairs)} impostor pairs,
  false-non-match rate ${fmt(v.fnmr)} over ${fmt(v.genuinePairs)} genuine pairs; genuine scores ${JSON.stringify(v.genuineRange)},
  highest impostor ${fmt(v.impostorMax)}. The only genuine pairs across different photos (one man, years apart) score
  ${JSON.stringify(v.crossPhotoGenuine)}: the model is weak across ageing and pose. **A certified face engine is needed
  for production**; it plugs in behind the \`BiometricMatcher\` port (docs/biometrics.md).
- 1:N search is exhaustive over int8 codes in shared memory, split across two worker threads: ${searches
      .map(
        (r) =>
          `${fmt(extra(r, 'gallerySize'))} faces (${fmt(extra(r, 'memoryMb'))} MB) p50 ${fmt(r.p50ms)} ms`,
      )
      .join(
        ', ',
      )}. It grows linearly with the gallery; docs/biometrics.md has the path to an index for 100 million.`
  },
}

const authn: BenchSection = {
  id: 'authn',
  title: 'Authentication primitives',
  describe: {
    'authn.password.max': 'Argon2id (m=19456 KiB, t=2, p=1) verifications per second, thread pool saturated',
    'authn.password.paced': 'Argon2id verification latency at 70 % of that rate',
    'authn.otp': 'one-time code issue + verify per second',
  },
  run: ({ quick, databaseUrl, log }) =>
    runAuthnBench({
      databaseUrl,
      verifications: quick ? 200 : 600,
      pacedSeconds: quick ? 5 : 10,
      otps: quick ? 1000 : 5000,
      log,
    }),
  notes:
    () => `- Password logins are bounded by Argon2id: the target (60/s on this 2-core machine) is for the hash alone;
  a login adds a few database statements. Keycloak publishes about 15 per vCPU.
- A one-time code is six statements (rate counters, replace, insert with the outbox message, verify). On
  PGlite every statement runs on the one process thread, which bounds it near 450/s; a PostgreSQL
  server, the production engine, takes them from a pool of connections. Details: docs/authn.md.`,
}

const accounts: BenchSection = {
  id: 'accounts',
  title: 'Citizen accounts',
  describe: {
    'accounts.login': 'HTTP logins (password, trusted device, new session) per second, 4 in flight',
    'accounts.login.paced': 'HTTP login latency at 70 % of that rate',
    'accounts.registration':
      'level-1 registrations with the face check (submit + automatic check) per second',
    'accounts.passkey_login':
      'HTTP passkey logins (options + ES256 assertion + session) per second, one at a time',
  },
  run: async ({ quick, log }) => [
    ...(await runAccountsBench({ logins: quick ? 200 : 600, registrations: quick ? 16 : 40, log })),
    ...(await runPasskeyBench({ logins: quick ? 100 : 400, log })),
  ],
  notes: (results) => {
    const paced = results.find((r) => r.name === 'accounts.login.paced')
    const reg = results.find((r) => r.name === 'accounts.registration')
    return `- A login is the Argon2id verification plus the lockout bookkeeping, the device lookup, the one-device rule
  (ending the other sessions) and a new session row with its audit event, in-process through \`app.inject\`
  on PGlite. At 70 % of the maximum rate the p99 is ${paced?.p99ms ?? '—'} ms (target under 300 ms).
- A registration is the form, the sealed selfie, the dossier, then the automatic check: registry match,
  eligibility, the own-name phone check at the sandbox carrier, face extraction with the liveness models on two worker threads and the comparison with the
  stored template, the decision and its SMS. Decisions in the run: ${JSON.stringify(reg?.extra?.decisions ?? {})} (the
  synthetic people's stored faces are random directions, so a real selfie never matches them; the cost of
  the check is the same).
- A passkey login is two requests (options, then the assertion): a single-use challenge row, the ES256
  signature check, the counter's compare-and-set and a new session; no Argon2 work, so it costs a
  fraction of a password login. The assertions come one after another because one authenticator's
  counter must move forward.`
  },
}

const counter: BenchSection = {
  id: 'counter',
  title: 'Police counter: the officer pages',
  describe: {
    'counter.queue.central': 'approval queue, first page, central approver (every unit), 4 in flight',
    'counter.queue.province': 'approval queue, pages 1-50, provincial approver, 4 in flight',
    'counter.registry.by_id': 'registry lookup by personal ID through HTTP, 4 in flight',
    'counter.registry.by_name': 'registry search by full name and year of birth through HTTP, 4 in flight',
    'reports.dossiers.central': 'report: counter dossiers of the last 30 days per unit, central',
    'reports.dossiers.province': 'report: counter dossiers of the last 30 days per unit, provincial',
    'reports.accounts.central':
      'report: accounts of the last 30 days (level, state, origin, province), central',
    'reports.accounts.province': 'report: accounts of the last 30 days, provincial',
    'reports.overdue.central': 'overdue queue per unit (dossiers and lock requests), central supervisor',
    'reports.overdue.province': 'overdue queue per unit (dossiers and lock requests), provincial supervisor',
    'reports.overdue_list.province': "one unit's overdue dossiers, first page, provincial supervisor",
  },
  run: ({ quick, databaseUrl, log }) =>
    runCounterBench({
      databaseUrl,
      people: quick ? 100_000 : 1_000_000,
      dossiers: quick ? 10_000 : 100_000,
      requests: quick ? 200 : 1000,
      log,
    }),
  notes: (results) => {
    const r = results[0]
    return `- PostgreSQL, a registry of ${Number(r?.extra?.people ?? 0).toLocaleString('en')} synthetic people and ${Number(r?.extra?.dossiers ?? 0).toLocaleString('en')} counter dossiers
  (a third waiting in the queue, received over 90 days in five units). Every request is a full HTTP
  request through \`app.inject\` with an officer session (session lookup, permission, jurisdiction, the
  read audited where the page reads a person's data). The queue counts its total on every page.
- The supervisors' reports (docs/reports.md) run on the same data plus a level-2 account per approved
  dossier, 1.5 app accounts per dossier over the same 90 days, card applications (a fifth of the dossiers)
  and lock requests (a fiftieth), vacuumed as autovacuum would; every request counts the default 30 days
  again in SQL (no cache).`
  },
}

const oidc: BenchSection = {
  id: 'oidc',
  title: 'OpenID provider',
  describe: {
    'oidc.code_flow':
      'whole authorization-code flows over HTTP (authorization request with PKCE, code, token exchange), logged-in citizen who consented',
    'oidc.refresh': 'refresh-token grants (rotation, new access and ID token)',
    'oidc.client_credentials': 'client-credentials grants (machine token, scope share_redeem)',
    'oidc.introspection': 'introspection of access tokens by their relying party',
  },
  run: ({ quick, databaseUrl, log }) =>
    runOidcBench({
      databaseUrl,
      flows: quick ? 200 : 1000,
      refreshes: quick ? 400 : 2000,
      grants: quick ? 400 : 2000,
      introspections: quick ? 800 : 4000,
      log,
    }),
  notes: (results) => {
    const c = results[0]?.extra?.concurrency ?? 16
    const loads = results.map((r) => r.extra?.loadAverage).filter((l) => typeof l === 'number')
    return `- The whole server (Fastify, oidc-provider, the storage adapter) listens on a local port, as in the tests;
  the load comes from the same process over HTTP (node:http with keep-alive for the token and introspection
  requests, fetch with a cookie jar for the authorization request), ${fmt(c)} requests in flight, each flow
  and refresh chain a different citizen (a registry person with a level-2 account, logged in with the password
  and the SMS code, consent given once to a relying party registered for \`openid profile offline_access\`).
  The load generator's own work runs on the same two cores.
- A flow is two requests: the authorization request with the session cookie (the provider answers with the
  code at once, no page) and the token exchange (\`client_secret_basic\`, PKCE verifier, ES256 ID token).
  Introspection sends \`token_type_hint=access_token\`. PostgreSQL runs through the test harness's pool of
  4 connections; PGlite is one connection in the server's own thread.
- What each costs in SQL (docs/oidc.md, "Performance"): clients are cached in each process until the
  database announces a change (LISTEN/NOTIFY), and a token's grant and session are read in the token's own
  statement. A client-credentials grant is 1 statement (was 2), an introspection 1 (was 4), a refresh and
  a token exchange each two fewer than before. The storage adapter's statements are compiled once per
  process rather than built by Kysely for every request.${
    loads.length
      ? `
- Machine context: the one-minute load average after each measurement was ${loads.map(fmt).join(', ')}, this
  benchmark's own process and the PostgreSQL server included (they alone keep about two runnable). A run at a
  load average of 10 to 18 gives between a fifth and a third of these figures.
- Before the client cache and the read-ahead (same machine, quiet, PostgreSQL): flows 90/s, refreshes 192/s,
  client-credentials grants 489/s, introspections 327/s.
- Where a request's time goes now (\`node --cpu-prof\`, introspection on PostgreSQL): socket writes
  (\`writev\`, one per statement sent and one per HTTP response) about 18 % of this process's CPU, a system
  call that costs tens of microseconds in this sandbox; oidc-provider about 13 % (5 % of it jose trying to
  decode the opaque token as a JWT and throwing), the pg driver about 12 %, the load generator about 10 %,
  Fastify, Koa and helmet about 8 %, garbage collection about 6 %.
- The targets for the token endpoint and introspection are still missed on these two cores, which also run
  PostgreSQL and the load generator. The provider keeps no state a second process could contradict, so it
  scales with processes and cores (\`WORKERS\`, docs/oidc.md, "Performance").`
      : ''
  }`
  },
}

const oidcWorkers: BenchSection = {
  id: 'oidc-workers',
  title: 'OpenID provider: several server processes (WORKERS)',
  describe: {
    'oidc.workers.client_credentials': "client-credentials grants against `npm start`'s server on PostgreSQL",
    'oidc.workers.introspection': 'introspection of those machine tokens by their client',
  },
  run: ({ quick, databaseUrl, log }) =>
    runOidcWorkersBench({
      databaseUrl,
      grants: quick ? 400 : 4000,
      introspections: quick ? 800 : 8000,
      log,
    }),
  notes: (results) => {
    const loads = results.map((r) => r.extra?.loadAverage).filter((l) => typeof l === 'number')
    return `- The server runs as \`npm start\` runs it (\`main.ts\` in its own process, \`DEMO_SEED=false\`), on a fresh
  PostgreSQL database, first with \`WORKERS=1\`, then with \`WORKERS=2\` (node:cluster: the primary forks the
  processes, which share the port). The client is registered with the CLI (\`clients add --client-credentials\`).
  The load generator (this process, 16 requests in flight over keep-alive connections) and PostgreSQL share the
  machine's two cores with the server processes, so two processes cannot double the figures here; on a
  machine with more cores, or with the load coming from elsewhere, they scale with the processes
  (docs/oidc.md, "Performance").
- One-minute load average after each measurement: ${loads.map(fmt).join(', ')}.
- Two processes against one, here: ${['client_credentials', 'introspection']
      .map((k) => {
        const [one, two] = [1, 2].map(
          (w) => results.find((r) => r.name === `oidc.workers.${k}` && r.extra?.workers === w)?.ops,
        )
        return `${k.replace('_', ' ')} ${fmt(one)} → ${fmt(two)}/s`
      })
      .join(', ')}. On two cores already kept busy by one server process, PostgreSQL and the load
  generator, a second process mostly adds switching between them: \`WORKERS\` is for machines with more
  cores than one process uses (set it to the cores left after PostgreSQL), not for this one.`
  },
}

const credentials: BenchSection = {
  id: 'credentials',
  title: 'Verifiable credentials: offline QR verification',
  describe: {
    'credentials.offline_verify':
      'SD-JWT VC presentations verified offline (name + birth date, KB-JWT, cached status list) per second, one thread',
  },
  run: ({ quick, log }) =>
    runCredentialsBench({ verifications: quick ? 1000 : 5000, libraryVerifications: quick ? 30 : 100, log }),
  notes: (results) => {
    const sizes = (results[0]?.extra?.sizes ?? {}) as Record<
      string,
      { bytes: number; qrVersionM: number | null }
    >
    const row = (k: string, what: string) =>
      `| ${what} | ${fmt(sizes[k]?.bytes)} | ${sizes[k]?.qrVersionM ?? 'does not fit (over 2,331 bytes)'} |`
    const r = results[0]
    const ab = r?.extra?.libraryOps
      ? `
- Same run, same machine state: the @sd-jwt library's verifier (0.19.0, the platform's verifier before)
  ${fmt(r.extra.libraryOps)}/s (${fmt(r.extra.libraryCpuUsPerOp)} µs of CPU each), ours ${fmt(r.ops)}/s (${fmt(r.extra.cpuUsPerOp)} µs of CPU each):
  ${fmt(r.extra.speedup)} times the rate, ${fmt(r.extra.cpuSpeedup)} times less CPU. One-minute load average ${(r.extra.loadAverage as number[] | undefined)?.join(' → ') ?? '?'}
  during the run (other development work on the same two cores): the CPU time per verification is the steadier figure.
- Counted in instructions (valgrind callgrind, the same presentation verified in one process, unaffected by
  the load): ours 3.74 million per verification, of which 1.71 million are the two ES256 checks and 0.85
  million the import of the holder's key (OpenSSL's public-key check on a JWK import); the library's
  verifier 178 million (48 times as many), most of it decoding the status list again (docs/credentials.md,
  "Performance of offline verification").
- The target is missed on these cores: one ES256 check costs about 140 µs of CPU here (\`openssl speed
  ecdsap256\`: 8,551 a second under load), so two checks and one key import bound one core near 2,300
  presentations a second whatever the code around them.`
      : ''
    return `- One verification = the platform's own verifier (\`sdJwtVcVerifier\`, docs/credentials.md "Verifying"): the
  issuer's ES256 signature (key imported once), the three disclosures' digests, the holder's key-binding JWT
  (ES256 against \`cnf.jwk\`, nonce, \`iat\`, \`sd_hash\`) and the status bit from a status list the verifier
  fetched earlier (verified and inflated once, kept for its \`ttl\`): two signature checks and one key import
  per presentation. Each verification is of another of ${fmt(r?.extra?.holders ?? 32)} holders' presentations (a credential and
  device key each), so nothing kept per credential or holder helps. One thread, so the figure is per core.${ab}
- Compact size of each sharing choice (SD-JWT VC presentation with its key-binding JWT), and the QR version
  that holds it in byte mode at error-correction level M (ISO/IEC 18004 capacity table, checked against the
  \`qrcode\` package):

| shared | bytes | QR version (M) |
|---|---|---|
${row('name_birth_date', 'only name and date of birth (PID)')}
${row('full_card', 'the full card data (PID, every claim)')}
${row('driving_licence', 'a driving licence (every claim)')}

- A phone camera at arm's length reads versions up to about 10–15 comfortably; larger payloads are
  what the online mode (a one-time token in the QR) is for.`
  },
}

const sharing: BenchSection = {
  id: 'sharing',
  title: 'Online QR sharing: redemption by verifiers',
  describe: {
    'sharing.redeem':
      "a verifier redeems a citizen's one-time QR (machine-token check, atomic consume, registry read, data-access log, one transaction)",
    'sharing.create_redeem':
      "a citizen's app makes a QR (session, level 2) and a verifier redeems it: the round trip",
  },
  run: ({ quick, databaseUrl, log }) =>
    runSharingBench({
      databaseUrl,
      redemptions: quick ? 600 : 4000,
      roundTrips: quick ? 300 : 2000,
      log,
    }),
  notes: (results) => {
    const c = results[0]?.extra?.concurrency ?? 8
    const loads = results.map((r) => r.extra?.loadAverage).filter((l) => typeof l === 'number')
    return `- The whole server in-process, called through Fastify's \`inject\` (no sockets), ${fmt(c)} requests in flight. A
  redemption is one HTTP request with \`Authorization: Bearer\` (a client-credentials token of a registered verifier,
  checked by the oidc module's \`requireMachineToken\`: the stored token row and the client row) and a \`basic\` share made
  beforehand by the service; each runs in one transaction: the single-use UPDATE, the registry read, the
  data-access log insert. The round trip adds the citizen's \`POST /api/v1/shares\` (session lookup, the holder's
  advisory lock, the pending count, the clean-up sweep, the insert); each worker is its own logged-in citizen.
- PostgreSQL runs through the test harness's pool of 4 connections; PGlite is one connection in the
  server's own thread, so its transactions run one at a time.
- Round trips to the database: a redemption 7 (the machine token, BEGIN, the single-use UPDATE, the holder's
  account, the registry record, the data-access log insert, COMMIT; the token's client comes from the
  process's client cache, docs/oidc.md, "Performance"; it was 8 before it); a creation 10 (the session and its
  account, the holder's account and registry record for the pre-check, BEGIN, the advisory lock, the pending
  count, the clean-up sweep, the insert, COMMIT). A refused redemption adds one statement, the verifier's
  failure count (rate limit, docs/sharing.md).
- Machine context: one-minute load average after each measurement: ${loads.map(fmt).join(', ')}, against 2
  cores. On PGlite every statement runs on the server's own thread, so the transactions run one at a time;
  on PostgreSQL the figures are bounded by the 7 round trips and the two cores shared with PostgreSQL and the
  load generator. The target of 1,000 redemptions/s is **missed** here; the endpoint holds no process state,
  so it scales with processes (\`WORKERS\`) and cores; a single-statement redemption (consume, read and log
  in one CTE) would cut the round trips further, at the cost of the service owning another module's insert.`
  },
}

export const SECTIONS: BenchSection[] = [
  registry,
  fingerprints,
  faces,
  authn,
  accounts,
  counter,
  oidc,
  oidcWorkers,
  credentials,
  compactCredentialsSection,
  sharing,
]
