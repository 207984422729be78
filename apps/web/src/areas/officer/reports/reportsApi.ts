import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type ApiError, apiGet, type Page } from '../../../api'

// Mirrors of the server's report JSON (apps/server/src/modules/reports/*.report.ts).

export type UnitLevel = 'central' | 'province' | 'commune' | 'immigration_office'
export type ReportUnit = { code: string; name: string; level: UnitLevel | null; provinceCode: string | null }
export type Scope = {
  unit: ReportUnit
  filter: { kind: 'all' } | { kind: 'province'; provinceCode: string } | { kind: 'unit'; code: string }
}
export type Range = { from: string; to: string; days: number }
type Dated = { asOf: string; range: Range; scope: Scope }

export const DOSSIER_STATES = [
  'draft',
  'awaiting_confirmation',
  'submitted',
  'approved',
  'rejected',
  'cancelled',
] as const
export type DossierState = (typeof DOSSIER_STATES)[number]
export type DossierCounts = {
  total: number
  byState: Record<DossierState, number>
  withCard: number
  withoutCard: number
  decidedOnTime: number
  decidedLate: number
  overdueNow: number
}
export type DossiersReport = Dated & { total: DossierCounts; units: (DossierCounts & { unit: ReportUnit })[] }

export const ACCOUNT_STATUSES = ['approved', 'active', 'locked', 'closed'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]
export type AccountsReport = Dated & {
  total: number
  byLevel: { level: number; total: number; byStatus: Record<AccountStatus, number> }[]
  byOrigin: {
    via: 'app' | 'counter' | 'representative'
    subjectKind: 'citizen' | 'foreigner'
    count: number
  }[]
  byProvince: { provinceCode: string | null; level1: number; level2: number; total: number }[]
}

export const CARD_STATES = ['received', 'approved', 'produced', 'delivered', 'rejected'] as const
export type CardKind = 'issue' | 'renewal' | 'reissue'
export type CardsReport = Dated & {
  total: number
  byKind: { kind: CardKind; total: number; byState: Record<(typeof CARD_STATES)[number], number> }[]
}

export const LOCK_STATES = ['recorded', 'forwarded', 'approved', 'refused', 'carried_out'] as const
export type LockKind = 'lock' | 'unlock'
export type LocksReport = Dated & {
  total: number
  byKind: { kind: LockKind; total: number; byState: Record<(typeof LOCK_STATES)[number], number> }[]
}

export type DueCounts = { overdue: number; dueToday: number }
export type OverdueReport = {
  asOf: string
  scope: Scope
  total: { dossiers: DueCounts; lockRequests: DueCounts }
  units: { unit: ReportUnit; dossiers: DueCounts; lockRequests: DueCounts }[]
}

type Lateness = { dueOn: string; dueToday: boolean; daysOverdue: number; workingDaysOverdue: number }
export type OverdueDossier = Lateness & { id: string; number: string; kind: string; receivedOn: string }
export type OverdueLockRequest = Lateness & {
  id: string
  kind: LockKind
  state: string
  step: 'forward' | 'decide'
  recordedOn: string
}
export type UnitList<T> = Page<T> & { asOf: string; unit: ReportUnit }

export type RangeFilter = { from?: string; to?: string; unit?: string }

const base = '/api/v1/reports'
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const reportPaths = {
  units: `${base}/units`,
  dossiers: (f: RangeFilter) => `${base}/dossiers${query(f)}`,
  accounts: (f: RangeFilter) => `${base}/accounts${query(f)}`,
  cards: (f: RangeFilter) => `${base}/card-applications${query(f)}`,
  locks: (f: RangeFilter) => `${base}/lock-requests${query(f)}`,
  overdue: (unit?: string) => `${base}/overdue${query({ unit })}`,
  overdueDossiers: (code: string, page: number) =>
    `${base}/overdue/${encodeURIComponent(code)}/dossiers${query({ page, pageSize: 20 })}`,
  overdueLocks: (code: string, page: number) =>
    `${base}/overdue/${encodeURIComponent(code)}/lock-requests${query({ page, pageSize: 20 })}`,
}

// Reports are aggregates that change as officers work: fetched fresh, kept while the next one loads.
const useReport = <T>(key: readonly unknown[], path: string, enabled = true) =>
  useQuery<T, ApiError>({
    queryKey: ['reports', ...key],
    queryFn: ({ signal }) => apiGet<T>(path, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
    enabled,
  })

export const useReportUnits = () =>
  useReport<{ items: (ReportUnit & { parentCode: string | null })[] }>(['units'], reportPaths.units)
export const useDossiersReport = (f: RangeFilter) =>
  useReport<DossiersReport>(['dossiers', f], reportPaths.dossiers(f))
export const useAccountsReport = (f: RangeFilter) =>
  useReport<AccountsReport>(['accounts', f], reportPaths.accounts(f))
export const useCardsReport = (f: RangeFilter) => useReport<CardsReport>(['cards', f], reportPaths.cards(f))
export const useLocksReport = (f: RangeFilter) => useReport<LocksReport>(['locks', f], reportPaths.locks(f))
export const useOverdueReport = (unit?: string) =>
  useReport<OverdueReport>(['overdue', unit], reportPaths.overdue(unit))
export const useOverdueDossiers = (code: string, page: number, enabled: boolean) =>
  useReport<UnitList<OverdueDossier>>(
    ['overdue', code, 'dossiers', page],
    reportPaths.overdueDossiers(code, page),
    enabled,
  )
export const useOverdueLocks = (code: string, page: number, enabled: boolean) =>
  useReport<UnitList<OverdueLockRequest>>(
    ['overdue', code, 'locks', page],
    reportPaths.overdueLocks(code, page),
    enabled,
  )
