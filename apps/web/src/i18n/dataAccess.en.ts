import type { dataAccessVi } from './dataAccess.vi'

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

export const dataAccessEn: Strings<typeof dataAccessVi> = {
  homeLinks: {
    connections: {
      title: 'Connected services',
      description:
        'The services you agreed to share your information with; disconnect those you no longer use.',
    },
    log: {
      title: 'Data-access log',
      description: 'Which service received which of your information, when and why.',
    },
  },
  connections: {
    title: 'Connected services',
    intro:
      'When you agree to share information with a service, your consent is remembered for 180 days so you are not asked again. You can withdraw it at any time.',
    listLabel: 'Connected services',
    empty: 'You are not connected to any service.',
    purpose: 'Purpose',
    noPurpose: 'The service states no purpose',
    shared: 'Information shared',
    grantedAt: 'Agreed on',
    expiresAt: 'Expires',
    lastUsedAt: 'Last received your data',
    never: 'No personal data received yet',
    revoke: 'Disconnect',
    revokeNamed: 'Disconnect {{name}}',
    confirmTitle: 'Disconnect {{name}}?',
    confirmIntro: 'When you disconnect:',
    consequences: {
      tokens: 'The service loses access at once: it cannot get any more of your information.',
      again: 'Next time you log in, the service must ask for your consent again.',
      log: 'Earlier releases stay in your data-access log.',
    },
    confirmRevoke: 'Disconnect',
    cancel: 'Keep',
    close: 'Close',
    revoked: '{{name}} is disconnected.',
    alreadyGone: 'This connection was already withdrawn or has expired.',
  },
  log: {
    title: 'Data-access log',
    intro:
      'Every time your information is sent to a service it is recorded: which service, what information, why and when (Vietnam time). The log is kept for 5 years.',
    listLabel: 'Releases of your data',
    empty: 'None of your information has been shared yet.',
    more: 'Show more',
    claims: 'Information',
    purpose: 'Purpose',
    noPurpose: 'Not stated',
    via: 'Through',
    recipientKinds: {
      relying_party: 'Online service',
      verifier: 'Verifier',
      agency: 'Agency',
    },
    channels: {
      oidc_userinfo: 'Login with the e-ID account (user information)',
      oidc_id_token: 'Login with the e-ID account (ID token)',
    },
  },
  claims: {
    name: 'Full name',
    birthdate: 'Date of birth',
    gender: 'Gender',
    vn_id: 'Personal ID number',
    address: 'Permanent residence address',
    phone_number: 'Phone number',
    phone_number_verified: 'Phone number verified',
    email: 'E-mail',
    email_verified: 'E-mail verified',
    verified_claims: 'Verified identity information',
  },
  scopes: {
    openid: 'An identifier of you for this service only',
    profile: 'Full name, date of birth, gender',
    vn_id: 'Personal ID number',
    address: 'Permanent residence address',
    phone: 'Phone number',
    email: 'E-mail',
    vn_verified: 'Verified identity information',
    offline_access: 'Stay connected while you are offline',
  },
}
