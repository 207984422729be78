import type { Deps } from '../../deps.js'
import { AppError } from '../../platform/errors.js'
import { findAccountBySubject } from '../accounts/index.js'
import type { Connectors } from './connector.port.js'
import type { DocumentKind } from './documents.kinds.js'
import { integrateDocument } from './integration.service.js'

/** What Nguyễn Văn An has integrated once he is level 2 in the demo: something for the app to show. */
export const demoIntegrations: ReadonlyArray<{ subjectId: string; kind: DocumentKind; number: string }> = [
  { subjectId: '079095001234', kind: 'driving_licence', number: '790113456789' },
  { subjectId: '079095001234', kind: 'driving_licence', number: '790219012345' },
  { subjectId: '079095001234', kind: 'vehicle_registration', number: '59-X1 234.56' },
  { subjectId: '079095001234', kind: 'health_insurance', number: '7912345678' },
  { subjectId: '079095001234', kind: 'social_insurance', number: '7912345678' },
  { subjectId: '079095001234', kind: 'tax_code', number: '079095001234' },
]

const notYetSeeded = async (deps: Pick<Deps, 'db'>, subjectId: string) =>
  !(await deps.db
    .selectFrom('documents_demo_seeded')
    .select('subject_id')
    .where('subject_id', '=', subjectId)
    .executeTakeFirst())

/**
 * Integrates the demo documents of each demo person once they hold a level-2 account (demo accounts are
 * made as people register, so the sync job calls this on every run with DEMO_SEED). Once per person:
 * documents the person removes later stay removed.
 */
export const seedDemoDocuments = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  connectors: Connectors,
): Promise<number> => {
  let n = 0
  for (const subjectId of new Set(demoIntegrations.map((d) => d.subjectId))) {
    if (!(await notYetSeeded(deps, subjectId))) continue
    const account = await findAccountBySubject(deps.db, subjectId)
    // No level-2 account yet: try again next run.
    if (account?.level !== 2) continue
    for (const d of demoIntegrations.filter((x) => x.subjectId === subjectId)) {
      try {
        await integrateDocument(deps, connectors, { kind: 'citizen' }, d)
        n++
      } catch (err) {
        // Integrated by hand already, or no longer usable at its source: the others still go in.
        if (!(err instanceof AppError && err.code.startsWith('documents.'))) throw err
      }
    }
    await deps.db
      .insertInto('documents_demo_seeded')
      .values({ subject_id: subjectId, at: deps.clock.now() })
      .execute()
  }
  return n
}
