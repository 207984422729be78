import type { TFunction } from 'i18next'
import { vi } from '../../i18n/vi'

// Card statuses and relations are open strings from the server: translate the known ones, show others as-is.
type CardStatusKey = keyof typeof vi.officer.cardStatus
type RelationKey = keyof typeof vi.officer.relation

export const isKeyOf = <T extends object>(obj: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(obj, key)

export const cardStatusLabel = (status: string, t: TFunction): string =>
  isKeyOf(vi.officer.cardStatus, status) ? t(`officer.cardStatus.${status as CardStatusKey}`) : status

export const relationLabel = (relation: string, t: TFunction): string =>
  isKeyOf(vi.officer.relation, relation) ? t(`officer.relation.${relation as RelationKey}`) : relation
