import { useQuery } from '@tanstack/react-query'
import { type ApiError, apiGet, type Gender, type LifeStatus } from '../../../api'

/** A foreign resident as the registry answers (apps/server/src/modules/registry/registry.view.ts). */
export type Foreigner = {
  foreignerId: string
  fullName: string
  dateOfBirth: string
  gender: Gender
  nationality: string
  passport: { number: string; type: string; issuedOn: string; expiresOn: string; place: string }
  residenceCard: { kind: 'PERMANENT' | 'TEMPORARY'; number: string; expiresOn: string | null }
  status: LifeStatus
}

const foreignerPath = (id: string) => `/api/v1/registry/foreigners/${encodeURIComponent(id)}`

// Every read is audited on the server (registry.foreigner.read): no background refetching.
export const useForeigner = (foreignerId: string) =>
  useQuery<Foreigner, ApiError>({
    queryKey: ['registry', 'foreigner', foreignerId],
    queryFn: ({ signal }) =>
      apiGet<Foreigner>(foreignerPath(foreignerId), {
        signal,
        headers: { 'x-purpose': 'eid-registration' },
      }),
    enabled: foreignerId !== '',
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
