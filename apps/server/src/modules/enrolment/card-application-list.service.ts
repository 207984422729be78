import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import type { Officer } from '../officers/index.js'
import { type CardListFilter, cardApplicationsWithin } from './card-application.repository.js'
import { assertCardUnit } from './card-application.service.js'
import { toCardApplicationView } from './card-application.view.js'

/**
 * The card applications of the officer's jurisdiction, earliest due first, overdue flagged: the list the
 * counter and the approvers work from (a card application also opens from its dossier).
 */
export const listCardApplications = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  filter: CardListFilter,
  officer: Officer,
) => {
  assertCardUnit(officer)
  const today = vietnamDateOf(deps.clock.now())
  const { items, total } = await cardApplicationsWithin(deps.db, officer.unit, filter)
  return {
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    items: items.map((a) => toCardApplicationView(a, today)),
  }
}
