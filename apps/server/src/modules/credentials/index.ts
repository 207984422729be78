// The credentials module's public face: verifiable credentials (SD-JWT VC, ISO 18013-5 mdoc) and their status.

export { compactCredentialsRoutesWith } from './compact.routes.js'
export { type CompactBatch, issueCompactCredentials, shareKeys } from './compact.service.js'
export {
  CredentialDocument,
  DOCUMENT_VCT,
  type DocumentType,
  DrivingLicence,
  HolderJwk,
  PID_VCT,
} from './credential.inputs.js'
export { CREDENTIALS } from './credentials.errors.js'
export type { IssuedCredential, StatusRef } from './credentials.issuance.js'
export { credentialsMigrations } from './credentials.migrations.js'
export { credentialsRoutes } from './credentials.routes.js'
export { issueDocumentSdJwt, issuePidSdJwt, revokeCredential } from './credentials.service.js'
export type { CredentialsTables } from './credentials.table.js'
export { holderCredentialsRoutesWith } from './holder.routes.js'
export {
  type HolderDocumentLookup,
  type HolderDocuments,
  revokeCredentialsFromSource,
} from './holder.service.js'
export { issueHolderNonce, verifyHolderProof } from './holder-proof.js'
export { iacaCertificates, issuerJwks, rotateIssuerKey } from './issuer-keys.js'
export { issueDrivingLicenceMdoc, MDL_DOCTYPE, MDL_NAMESPACE } from './mdoc.issuer.js'
export {
  fetchStatusListCwt,
  type MdocStatus,
  type MdocStatusListFetcher,
  mdocStatusChecker,
  mdocStatusReference,
  type VerifiedMdocDocument,
} from './mdoc.status-check.js'
export { type PublishedJwks, sdJwtVcVerifier } from './sd-jwt.verifier.js'
export { STATUS_LIST_CWT_TYPE } from './status-list.cwt.js'
export { publishStatusList, publishStatusListCwt, statusListUri } from './status-list.service.js'
export { verifierSeenRoutes } from './verifier-seen.routes.js'
export {
  cleanupVerifierSeen,
  markPresentationSeen,
  startVerifierSeenCleanup,
} from './verifier-seen.service.js'
