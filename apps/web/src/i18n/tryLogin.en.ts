import type { tryLoginVi } from './tryLogin.vi'

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

export const tryLoginEn: Strings<typeof tryLoginVi> = {
  card: {
    title: 'Try a login',
    intro:
      'Run a real login (authorization code with PKCE) with your test client and see the result: the decoded ID token, the level (acr), the authentication methods (amr), userinfo and the access token’s lifetime.',
    none: 'You have no test client yet. Register one above.',
    try: 'Try a login with {{name}}',
  },
  page: {
    title: 'Try a login',
    intro:
      'This page plays your application: it makes the code_verifier, state and nonce in the browser, sends you to the platform’s login page, then exchanges the authorization code for tokens at a redirect URI kept for trying.',
    notSandbox: 'Only a sandbox deployment offers try-a-login.',
    client: 'Test client',
    clientNone: 'You have no active test client.',
    redirectUri: 'The try-a-login redirect URI (every test client has it by itself)',
    secret: 'Client secret (client_secret)',
    secretHelp:
      'Paste the secret shown when you registered. It stays in this browser tab only (sessionStorage) and is sent only to the token endpoint, to authenticate the client.',
    forgetSecret: 'Forget the secret in this tab',
    scopes: 'Scopes',
    acr: 'Requested level (acr_values)',
    acrDefault: 'The client’s default',
    acrLevel1: 'Level 1 (urn:dinhdanh:loa:1)',
    acrLevel2: 'Level 2 (urn:dinhdanh:loa:2)',
    promptLogin: 'Always ask to log in again (prompt=login)',
    submit: 'Start the login',
    unsupported:
      'This client authenticates with keys (private_key_jwt) or follows the FAPI 2.0 profile (PAR, DPoP): try-a-login does not support it. Use openid-client as docs/oidc.md shows.',
    suspended: 'This client is suspended.',
    back: 'Back to the developer console',
  },
  hints: {
    title: 'Which account to log in with?',
    own: 'Your own e-ID account (your personal ID number and the password you use).',
    people:
      'Or a demo person of the synthetic registry, once you have registered an account for them in the citizen app (you choose the password; the demo data has no shared password):',
    outbox: 'The SMS code (a login on a new device) is at {{outbox}}.',
    register: 'Register an account for a demo person',
  },
  people: {
    an: 'Nguyễn Văn An, man, born 15/03/1995, Ho Chi Minh City (own mobile number 0395 001 234)',
    binh: 'Trần Thị Bình, woman, born 02/08/1990, Hanoi (0390 012 345)',
    cuong: 'Lê Minh Cường, man, born 20/11/1988, Hanoi, head of household',
    dung: 'Phạm Thị Dung, woman, born in 1955, Nam Định',
    kim: 'Kim Min Jun, Korean, temporary residence card (0700 000 001)',
  },
  callback: {
    title: 'Result of the login',
    working: 'Exchanging the authorization code for tokens…',
    failed: 'The login did not succeed',
    step: {
      authorization: 'The platform answered the authorization request with an error',
      token: 'The token endpoint refused',
      userinfo: 'The userinfo endpoint refused',
      local: 'The try-a-login page stopped',
    },
    local: {
      no_login_in_progress:
        'No login is waiting in this tab (an authorization code is good once; reloading the page cannot replay it).',
      state_mismatch: 'The state does not match: this answer belongs to no login started here.',
      issuer_mismatch: 'The iss parameter is not the platform that started the login.',
    },
    tryAgain: 'Try again',
  },
  result: {
    success: 'Logged in: {{name}}',
    level: 'Level {{level}}',
    idToken: 'ID token',
    header: 'Header',
    claims: 'Claims',
    signatureValid: 'Valid signature (checked with the platform’s public key)',
    signatureInvalid: 'INVALID signature',
    checks: 'The relying party’s checks',
    check: {
      iss: 'iss is the platform',
      aud: 'aud is your client_id',
      nonce: 'nonce matches the request',
      notExpired: 'not expired (exp)',
    },
    passed: 'passed',
    notPassed: 'failed',
    claim: 'Claim',
    value: 'Value',
    meaning: 'Meaning',
    acr: 'The level the account was authenticated at',
    amr: 'The authentication methods used',
    authTime: 'When the citizen authenticated',
    amrNames: {
      pwd: 'password',
      otp: 'one-time code (SMS)',
      mfa: 'multiple factors',
      hwk: 'hardware key (passkey)',
      mca: 'citizen app (QR scan)',
      pin: 'PIN',
      user: 'user presence',
    },
    userinfo: 'Userinfo',
    accessToken: 'Access token',
    tokenType: 'Token type',
    scope: 'Granted scope',
    expiresIn: 'Lifetime',
    seconds: '{{count}} seconds',
    expiresAt: 'Expires at',
  },
}
