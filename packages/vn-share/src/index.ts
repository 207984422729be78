// @dinhdanh/vn-share: offline QR sharing (`VNO1:`). Browser and Node; node:crypto speed-up in '@dinhdanh/vn-share/node'.

export { base45Decode, base45Encode } from './base45.js'
export { base64urlDecode, base64urlEncode } from './bytes.js'
export { type Cbor, CborError, type CborMap, cborDecode, cborEncode } from './cbor.js'
export {
  CLAIMS,
  type ClaimName,
  type Claims,
  DOCUMENT_KINDS,
  PROFILE_CLAIMS,
  PROFILES,
  type Profile,
  type ShareDocumentKind,
} from './claims.js'
export {
  type CompactCredential,
  type IssueInput,
  inspectCredential,
  issueCompactCredential,
  type StatusRef,
} from './credential.js'
export { type ShareCrypto, type WebCryptoKey, webShareCrypto } from './crypto.js'
export {
  VN_SHARE_MESSAGES_EN,
  VN_SHARE_MESSAGES_VI,
  type VnShareErrorCode,
  type VnShareFailure,
} from './errors.js'
export { type ShareKeyJwk, type TrustedKeys, trustKeys } from './keys.js'
export { compressJwk, decompressPoint, type EcPublicJwk } from './p256.js'
export { presentForQr, QR_MAX_AGE_SECONDS, QR_PREFIX } from './presentation.js'
export {
  memorySeenStore,
  type SeenStore,
  type SharedSeenAnswer,
  seenKeyDigest,
  sharedSeenStore,
} from './seen.js'
export { readStatusList, type StatusList, type StatusListResult, statusListChecker } from './status-list.js'
export {
  type StatusCheck,
  type VerifiedShare,
  type VerifyOptions,
  type VerifyResult,
  verifyQr,
} from './verify.js'
