import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders, type Page } from '../../../api'

export const ROLES = [
  'receiving_officer',
  'approver',
  'immigration_officer',
  'supervisor',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]
export const UNIT_LEVELS = ['central', 'province', 'commune', 'immigration_office'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]
export type OfficerStatus = 'active' | 'suspended'

export type Unit = {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  provinceCode: string | null
}
export type UnitWithCount = Unit & { officers: number }

/** An officer as administrators see them (GET /api/v1/officer/officers): never a secret. */
export type ManagedOfficer = {
  id: string
  officerNumber: string
  fullName: string
  roles: Role[]
  permissions: string[]
  status: OfficerStatus
  unit: Unit
  enrolled: boolean
  passwordChangeRequired: boolean
  createdAt: string
  updatedAt: string
}
export type OfficerDetail = ManagedOfficer & { liveSessions: number }

export type OfficerQuery = {
  q: string
  unitCode: string
  role: Role | ''
  status: OfficerStatus | ''
  page: number
}
export type NewOfficer = { officerNumber: string; fullName: string; unitCode: string; roles: Role[] }
export type NewUnit = {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  provinceCode: string | null
}
export type OfficerAction = 'suspend' | 'reactivate' | 'resetPassword' | 'resetAuthenticator'
/** The answer of a reset: the one-time password is shown once. */
export type OneTime = { officer: ManagedOfficer; oneTimePassword: string }

export const PAGE_SIZE = 20

const base = '/api/v1/officer'
export const adminPaths = {
  officers: (q: OfficerQuery) => {
    const params = new URLSearchParams({ page: String(q.page), pageSize: String(PAGE_SIZE) })
    if (q.q) params.set('q', q.q)
    if (q.unitCode) params.set('unitCode', q.unitCode)
    if (q.role) params.set('role', q.role)
    if (q.status) params.set('status', q.status)
    return `${base}/officers?${params.toString()}`
  },
  create: `${base}/officers`,
  officer: (id: string) => `${base}/officers/${encodeURIComponent(id)}`,
  units: `${base}/units`,
}

const ACTION_PATHS: Readonly<Record<OfficerAction, string>> = {
  suspend: 'suspend',
  reactivate: 'reactivate',
  resetPassword: 'reset-password',
  resetAuthenticator: 'reset-authenticator',
}

const csrf = () => ({ headers: officerCsrfHeaders() })
// Every read is audited on the server: keep what was read rather than asking again on each focus.
const KEY = 'officerAdmin'

export const useOfficers = (q: OfficerQuery) =>
  useQuery<Page<ManagedOfficer>, ApiError>({
    queryKey: [KEY, 'officers', q],
    queryFn: ({ signal }) => apiGet<Page<ManagedOfficer>>(adminPaths.officers(q), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  })

export const useOfficer = (id: string) =>
  useQuery<OfficerDetail, ApiError>({
    queryKey: [KEY, 'officer', id],
    queryFn: ({ signal }) => apiGet<OfficerDetail>(adminPaths.officer(id), { signal }),
    staleTime: 30_000,
    retry: false,
  })

export const useUnits = () =>
  useQuery<{ items: UnitWithCount[] }, ApiError>({
    queryKey: [KEY, 'units'],
    queryFn: ({ signal }) => apiGet<{ items: UnitWithCount[] }>(adminPaths.units, { signal }),
    staleTime: 60_000,
    retry: false,
  })

export const useCreateOfficer = () => {
  const client = useQueryClient()
  return useMutation<{ officer: ManagedOfficer; initialPassword: string }, ApiError, NewOfficer>({
    mutationFn: (body) => apiPost(adminPaths.create, body, csrf()),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  })
}

export const useCreateUnit = () => {
  const client = useQueryClient()
  return useMutation<Unit, ApiError, NewUnit>({
    mutationFn: (body) => apiPost(adminPaths.units, body, csrf()),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'units'] }),
  })
}

/** After a change the officer page shows the answer at once; lists are read again when next shown. */
const useOfficerChanged = (id: string) => {
  const client = useQueryClient()
  return (officer: ManagedOfficer) => {
    client.setQueryData<OfficerDetail>([KEY, 'officer', id], (old) =>
      old ? { ...officer, liveSessions: officer.status === 'suspended' ? 0 : old.liveSessions } : old,
    )
    void client.invalidateQueries({ queryKey: [KEY, 'officers'] })
    void client.invalidateQueries({ queryKey: [KEY, 'units'] })
  }
}

export const useChangeAssignment = (id: string) => {
  const changed = useOfficerChanged(id)
  return useMutation<ManagedOfficer, ApiError, { roles: Role[]; unitCode: string }>({
    mutationFn: (body) => apiPost(`${adminPaths.officer(id)}/assignment`, body, csrf()),
    onSuccess: changed,
  })
}

export const useOfficerAction = (id: string) => {
  const changed = useOfficerChanged(id)
  const client = useQueryClient()
  return useMutation<ManagedOfficer | OneTime, ApiError, OfficerAction>({
    mutationFn: (action) => apiPost(`${adminPaths.officer(id)}/${ACTION_PATHS[action]}`, {}, csrf()),
    onSuccess: (out) => {
      if ('oneTimePassword' in out) {
        // Every session of the officer ended with the reset.
        client.setQueryData<OfficerDetail>([KEY, 'officer', id], { ...out.officer, liveSessions: 0 })
        void client.invalidateQueries({ queryKey: [KEY, 'officers'] })
      } else changed(out)
    },
  })
}
