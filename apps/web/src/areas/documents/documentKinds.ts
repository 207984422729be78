// The kinds of integrated documents, as the server's documents module names them (docs/documents.md).
export const DOCUMENT_KINDS = [
  'driving_licence',
  'vehicle_registration',
  'health_insurance',
  'social_insurance',
  'tax_code',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]
