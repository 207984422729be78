import type { shareVi } from './share.vi'

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

export const shareEn: Shape<typeof shareVi> = {
  homeLink: {
    title: 'Share by QR code',
    description:
      'Let someone scan a QR code to receive your name and date of birth, card data or a document.',
  },
  title: 'Share by QR code',
  intro:
    'Choose what to share and how. The QR code is valid for 60 seconds and works once; every share is recorded in your data-access log.',
  notLevel2: 'Sharing by QR code needs a level-2 electronic identity account.',
  what: {
    legend: 'What to share?',
    basic: 'Name and date of birth',
    basicHint: 'Only your names and date of birth — for example to prove your age.',
    card: 'Full card data',
    cardHint:
      'Personal ID number, name, date of birth, sex, nationality, place of origin, permanent address and card details.',
    document: '{{kind}} no. {{number}}',
    documentHint: 'An integrated document — {{status}}.',
    appCheck: 'Prove the app to an officer',
    appCheckHint:
      'Official Dispatch 1101: an officer scans the code with their own level-2 account to confirm this is the genuine app and see your details.',
    noDocuments: 'No integrated documents to share yet.',
    basicForeigner: 'Name, date of birth and nationality',
    basicForeignerHint:
      'Your name, date of birth and nationality as on your passport. An offline code carries only the name and date of birth.',
    foreignerScopes:
      "ID cards are issued to Vietnamese citizens and documents are integrated by a citizen's personal ID number: with a foreign resident's account you can share your name, date of birth and nationality, and prove the app to an officer.",
  },
  how: {
    legend: 'How to share?',
    online: 'Online',
    onlineHint:
      'A registered verifier scans the code and receives the data from the platform. You see who scanned it.',
    offline: 'Offline',
    offlineHint:
      'The signed data is in the QR code itself: the verifier can check it with no network. You do not learn who scanned it.',
    offlineNotForAppCheck: 'Proving the app to an officer works online only.',
  },
  create: 'Create QR code',
  qrLabel: 'Sharing QR code: {{what}}',
  showing: 'Show this code to the person scanning it',
  sharing: 'Sharing: {{what}}',
  modeOnline: 'Online',
  modeOffline: 'Offline',
  secondsLeft: '{{count}} s left',
  announce: '{{count}} seconds left on the QR code.',
  expired: 'The QR code has expired. Create a new one if it was not scanned in time.',
  waiting: 'Waiting for the code to be scanned…',
  offlineNote:
    'Offline code: the app does not learn who scanned it. The verifier checks the digital signature.',
  scanned: 'Scanned by {{name}}',
  scannedAt: 'at {{at}}',
  scannedKinds: {
    verifier: 'Registered verifier',
    app_check: 'Officer checking the app (Dispatch 1101)',
  },
  cancelled: 'The QR code was cancelled.',
  regenerate: 'New code',
  cancel: 'Cancel sharing',
  again: 'Share something else',
  asText: 'QR as text',
  asTextHint: 'The same content as the QR code, for screen readers or copying.',
  preparing: 'Preparing the offline code…',
  errors: {
    offlineUnavailable:
      'The offline code could not be made: the offline credential service is not available yet. Share online instead.',
    noStorage:
      'This browser does not let the app keep its device key (IndexedDB is off, e.g. in private mode). Share online instead.',
    offlineFailed: 'The offline code could not be made: {{message}}',
  },
  checkApp: {
    homeLink: {
      title: "Check a citizen's app",
      description: 'For officers: scan the "Prove the app" code on a citizen\'s phone.',
    },
    title: "Check a citizen's VNeID app",
    intro:
      'Official Dispatch 1101: an officer scans, with their own level-2 e-ID account, the "Prove the app" QR code the citizen shows (valid for 1 minute). The check is recorded in the citizen\'s log.',
    notLevel2: "Checking a citizen's app needs your own level-2 electronic identity account.",
    useCamera: 'Scan with the camera',
    cameraHint: "Hold the QR code on the citizen's phone in front of the camera.",
    paste: 'Or paste the code',
    pasteHint: 'Starts with VNS1:',
    check: 'Check',
    wrongKind: 'This is not an app-check code (it must start with VNS1:).',
    genuine: 'Genuine app',
    genuineDetail:
      'The code was issued by the e-ID platform to the account below and was scanned for the first time at',
    notGenuine: 'The app could not be confirmed',
    holder: 'Account holder',
    portraitAlt: 'Portrait of {{name}} on record',
    portraitHint: 'Compare the face in the portrait with the person in front of you.',
    noPortrait: 'No portrait of this person is on record: compare with a photo ID.',
    name: 'Full name',
    personalId: 'Personal ID number',
    subjectKind: 'Category',
    citizen: 'Vietnamese citizen',
    foreigner: 'Foreign resident in Viet Nam',
    foreignerId: 'Foreigner ID number',
    nationality: 'Nationality',
    birthDate: 'Date of birth',
    level: 'Account level',
    levelValue: 'Level {{level}}',
    documents: 'Integrated documents',
    noDocuments: 'No integrated documents.',
    kind: 'Document',
    number: 'Number',
    status: 'Status',
    validity: 'Validity',
    validUntil: 'until {{date}}',
    noExpiry: 'No expiry',
    again: 'Check another code',
    scan: {
      scanning: 'Looking for a QR code…',
      rejected: 'A QR code was read, but it is not an app-check code.',
      close: 'Close camera',
      noCode: 'No app-check code found in 60 seconds.',
      denied: 'Camera permission was not given. Allow it in the browser settings or paste the code.',
      notFound: 'No camera found on this device. Paste the code.',
      unsupported: 'This browser does not allow the camera (HTTPS needed). Paste the code.',
      failed: 'The camera could not be opened. Try again or paste the code.',
      reader: 'The QR reader could not be loaded. Reload the page or paste the code.',
    },
  },
  errorCodes: {
    LEVEL2_REQUIRED: 'Sharing by QR code needs a level-2 electronic identity account.',
    CARD_FOR_CITIZENS_ONLY:
      'ID cards are issued to Vietnamese citizens; a foreign resident can share name, date of birth and nationality.',
    DOCUMENTS_FOR_CITIZENS_ONLY:
      "Documents are integrated by a citizen's personal ID number, so a foreign resident's account has none to share.",
    TOO_MANY_PENDING: 'Too many QR codes are waiting to be scanned: cancel one or let it expire.',
    NO_VALID_CARD: 'The registry holds no valid ID card of yours.',
    RECORD_MISSING: 'The registry holds no record for this account.',
    DOCUMENT_NOT_FOUND: 'No such integrated document in your app.',
    DOCUMENT_NOT_VALID: 'Only a valid document can be shared.',
    NOT_FOUND: 'No such share.',
    NOT_PENDING: 'This QR code was already scanned, cancelled or has expired.',
    QR_INVALID: 'This is not an online sharing code (VNS1:…).',
    TOKEN_UNKNOWN: 'This QR code is unknown: it was never issued or was altered.',
    TOKEN_EXPIRED: 'The QR code has expired (valid for 60 seconds). Ask the citizen for a new one.',
    TOKEN_USED: 'This QR code was already scanned: each code works once.',
    SHARE_CANCELLED: 'The citizen cancelled this QR code.',
    WRONG_CHANNEL:
      'This QR code is not for this kind of scan: an app check is scanned in the VNeID app, a data share by a registered verifier.',
    SELF_REDEEM: 'You cannot scan your own QR code.',
    RATE_LIMITED: 'This verifier scanned too many refused codes in a minute: wait a moment, then scan again.',
    VERIFIER_TOKEN_REQUIRED: "A verifier's token (share_redeem) is required.",
    VERIFIER_TOKEN_INVALID: "The verifier's token is invalid or expired.",
    VERIFIER_TOKEN_SENDER_CONSTRAINED: 'This function accepts plain Bearer tokens only.',
    VERIFIER_SCOPE_REQUIRED: 'The verifier application has not been granted share_redeem.',
    VERIFIER_SUSPENDED: 'This verifier is suspended from the e-ID system.',
  },
}
