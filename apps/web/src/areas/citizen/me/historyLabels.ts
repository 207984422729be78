import type { TFunction } from 'i18next'
import type { HistoryEvent } from './meApi'

// Audit actions the holder's history knows how to word; any other is shown as recorded.
export const KNOWN_ACTIONS = [
  'accounts.session.started',
  'accounts.session.ended',
  'accounts.session.signed_in_elsewhere',
  'accounts.account.activated',
  'accounts.account.locked',
  'accounts.account.unlocked',
  'accounts.account.closed',
  'accounts.lock.holder',
  'accounts.lock.lifted',
  'accounts.password.reset',
  'accounts.dossier.submitted',
  'accounts.dossier.approved',
  'accounts.dossier.rejected',
  'accounts.phone.ownership_checked',
  'biometrics.face.enrolled',
  'biometrics.face.verified',
  'biometrics.verification.reviewed',
  'registry.person.read',
  'registry.person.update',
  'registry.foreigner.read',
  'accounts.dependent.registered',
  'accounts.dependent.history.read',
  'accounts.dependent.card.read',
  'accounts.dependent.account.locked',
  'accounts.dependent.account.unlocked',
  'accounts.dependent.takeover',
  'accounts.dependent.oidc.login',
  'accounts.dependent.oidc.consent.granted',
  'accounts.dependent.oidc.consent.revoked',
  'accounts.dependent.connections.read',
  'accounts.dependent.data_access.read',
  'accounts.web_qr_login.enabled',
  'accounts.web_qr_login.disabled',
  'oidc.qr_login.approved',
  'oidc.qr_login.refused',
] as const
type KnownAction = (typeof KNOWN_ACTIONS)[number]
const isKnown = (action: string): action is KnownAction =>
  (KNOWN_ACTIONS as readonly string[]).includes(action)

const KNOWN_PURPOSES = [
  'authentication',
  'officer-lookup',
  'account-lock',
  'login_new_device',
  'representation',
] as const
type KnownPurpose = (typeof KNOWN_PURPOSES)[number]
const isKnownPurpose = (p: string): p is KnownPurpose => (KNOWN_PURPOSES as readonly string[]).includes(p)

// i18next keys cannot hold dots: the action's dots become underscores.
const actionKey = (action: KnownAction) => action.replaceAll('.', '_') as 'accounts_session_started'
const purposeKey = (purpose: KnownPurpose) => purpose.replaceAll('-', '_') as 'authentication'

export const actionLabel = (action: string, t: TFunction) =>
  isKnown(action) ? t(`citizen.history.actions.${actionKey(action)}`) : action

export const purposeLabel = (purpose: string | null, t: TFunction) =>
  purpose === null
    ? null
    : isKnownPurpose(purpose)
      ? t(`citizen.history.purposes.${purposeKey(purpose)}`)
      : purpose

/** Who acted, from the point of view of `holder` (the reader: acts they did for a dependent are theirs too). */
export const actorLabel = (
  event: Pick<HistoryEvent, 'actor' | 'actorKind'>,
  holder: string,
  t: TFunction,
) => {
  if (event.actor === holder && (event.actorKind === 'citizen' || event.actorKind === 'representative'))
    return t('citizen.history.actors.you')
  switch (event.actorKind) {
    case 'officer':
      return t('citizen.history.actors.officer', { id: event.actor })
    case 'system':
      return t('citizen.history.actors.system')
    case 'relying_party':
      return t('citizen.history.actors.relyingParty', { id: event.actor })
    case 'representative':
      return t('citizen.history.actors.representative', { id: event.actor })
    default:
      return event.actor
  }
}
