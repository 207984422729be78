import type { documentsVi } from './documents.vi'

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

export const documentsEn: Shape<typeof documentsVi> = {
  title: 'Integrated documents',
  intro:
    'Documents integrated into a level-2 e-ID account are worth the originals when shown. They are matched against, and kept current from, the issuing agency.',
  listLabel: 'Your documents',
  empty: 'You have not integrated any document yet.',
  kinds: {
    driving_licence: 'Driving licence',
    vehicle_registration: 'Vehicle registration',
    health_insurance: 'Health-insurance card',
    social_insurance: 'Social-insurance number',
    tax_code: 'Tax code',
  },
  statuses: {
    active: 'Valid',
    suspended: 'Suspended',
    revoked: 'Revoked',
    expired: 'Expired',
  },
  number: 'Number',
  validFrom: 'Valid from',
  validTo: 'Valid until',
  noExpiry: 'No expiry',
  syncedAt: 'Updated from the issuing agency at',
  viaCounter: 'Integrated at a police office',
  fields: {
    licenceClass: 'Class',
    points: 'Points left',
    issuingAuthority: 'Issued by',
    plate: 'Plate',
    brand: 'Brand',
    model: 'Model',
    colour: 'Colour',
    chassisNumber: 'Chassis number',
    engineNumber: 'Engine number',
    beneficiaryCode: 'Beneficiary code',
    benefitLevel: 'Benefit level',
    registeredHospital: 'Registered primary-care facility',
    agency: 'Social-insurance office',
    legacyTaxCode: 'Former tax code',
    taxAuthority: 'Tax office',
  },
  add: {
    title: 'Integrate a document',
    intro:
      'Choose the kind of document and type the number printed on the original. It must match the issuing agency’s record for your personal ID number.',
    kind: 'Kind of document',
    number: 'Document number',
    submit: 'Integrate',
    done: '{{kind}} integrated.',
  },
  remove: 'Remove from the app',
  removeNamed: 'Remove from the app: {{kind}} number {{number}}',
  confirmTitle: 'Remove the {{kind}}?',
  confirmBody:
    'The document will no longer show in the app. The removal is recorded in your usage history; you can integrate it again later.',
  confirm: 'Remove document',
  cancel: 'Cancel',
  errors: {
    LEVEL2_REQUIRED: 'A level-2 e-ID account is needed to integrate documents.',
    NOT_FOUND_AT_SOURCE: 'The issuing agency holds no document of this kind for your personal ID number.',
    NUMBER_MISMATCH:
      'The number does not match the issuing agency’s record. Check the number on the original.',
    SOURCE_SUSPENDED: 'The document is suspended at the issuing agency.',
    SOURCE_REVOKED: 'The document has been revoked.',
    SOURCE_EXPIRED: 'The document has expired.',
    SOURCE_UNAVAILABLE: 'The issuing agency’s system did not answer. Please try again later.',
    ALREADY_INTEGRATED: 'This document is already integrated.',
  },
}
