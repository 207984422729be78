import type { webLoginVi } from './webLogin.vi'

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

export const webLoginEn: Strings<typeof webLoginVi> = {
  homeLink: {
    title: 'Scan to log in',
    description: "Log in to a service's website by scanning the QR code on the computer's screen.",
  },
  setting: {
    title: 'Web login by QR code',
    label: 'Allow web login by QR code',
    description:
      "When on, you can log in to a service's website by scanning the QR code on its login page with this app. Off by default.",
    level2Only: 'Only level 2 electronic identity accounts can use this.',
    enabled: 'Web login by QR code is on.',
    disabled: 'Web login by QR code is off.',
  },
  scan: {
    title: 'Scan to log in',
    intro:
      'On the service\'s login page, choose "Scan a QR code with the app", then scan the code shown or type its 10 characters.',
    notLevel2: 'Only level 2 accounts can log in on the web by QR code.',
    turnOnFirst: 'You have not turned on "Allow web login by QR code". Turn it on under Security.',
    openSecurity: 'Open Security',
    useCamera: 'Scan with the camera',
    code: 'Login code',
    codeDescription: '10 letters and digits, e.g. ABCDE-FGH23.',
    next: 'Continue',
    cameraHint: 'Point the camera at the QR code on the login page.',
    scanning: 'Looking for a QR code…',
    rejected: 'This is not an electronic identification login code.',
    close: 'Turn off the camera',
    noCode: 'No login code found in 60 seconds. Type the code instead.',
    denied: 'Camera access was not allowed. Type the code instead.',
    notFound: 'No camera on this device. Type the code instead.',
    unsupported: 'This browser cannot open the camera. Type the code instead.',
    failed: 'The camera could not be opened. Type the code instead.',
    reader: 'The QR reader could not be loaded. Type the code instead.',
  },
  review: {
    title: 'Confirm the login',
    asks: '{{client}} asks to log you in with your account',
    purpose: 'Purpose',
    purposeMissing: 'Not stated',
    browser: 'Browser',
    address: 'Network address (approximate)',
    requestedAt: 'Requested at',
    warning:
      'Agree only if you yourself are logging in on that browser. Refuse if someone sent you this code.',
    approve: 'Agree and log in',
    refuse: 'Refuse',
  },
  done: {
    approved: 'Agreed. In the browser, press "I have confirmed in the app" to go on.',
    refused: 'Refused. That browser is not logged in.',
    again: 'Scan another code',
  },
  errors: {
    invalid: 'The code is wrong, has expired, was already used, or was scanned by another account.',
    notAllowed: 'Only level 2 accounts with "Allow web login by QR code" on can log in by QR code.',
    level2Required: 'Only level 2 accounts can turn this on.',
    codeFormat: 'A login code is 10 letters and digits.',
  },
}
