export { generateKek, loadKek } from './kek.js'
export { createKeyStore, type Jwks, type KeyStore, type KeyStoreOptions, type Signer } from './key-store.js'
export { KEYS } from './keys.errors.js'
export type { KeyStatus, PublicJwk } from './keys.table.js'
