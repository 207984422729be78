// A minimal promise wrapper over IndexedDB for this device's wallet: its key and its offline credentials.
// CryptoKey objects are structured-cloneable, so a non-extractable key is stored as is and never leaves.

const DB_NAME = 'dinhdanh.wallet'
const VERSION = 1
export const STORES = { keys: 'keys', credentials: 'credentials' } as const
type Store = (typeof STORES)[keyof typeof STORES]

let opening: Promise<IDBDatabase> | null = null

const open = (): Promise<IDBDatabase> => {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION)
    req.onupgradeneeded = () => {
      for (const name of Object.values(STORES))
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name)
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'))
  }).catch((e: unknown) => {
    opening = null
    throw e
  })
  return opening
}

const run = async <T>(store: Store, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>) => {
  const db = await open()
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode)
    const req = op(tx.objectStore(store))
    tx.oncomplete = () => resolve(req.result)
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
}

export const idbGet = <T>(store: Store, key: string): Promise<T | undefined> =>
  run<unknown>(store, 'readonly', (s) => s.get(key)) as Promise<T | undefined>

export const idbPut = async (store: Store, key: string, value: unknown): Promise<void> => {
  await run(store, 'readwrite', (s) => s.put(value, key))
}

/** Writes only when the key is still absent (`add` fails otherwise): two tabs cannot both create a key. */
export const idbAdd = async (store: Store, key: string, value: unknown): Promise<boolean> => {
  try {
    await run(store, 'readwrite', (s) => s.add(value, key))
    return true
  } catch (e) {
    if (e instanceof DOMException && e.name === 'ConstraintError') return false
    throw e
  }
}

export const idbDelete = async (store: Store, key: string): Promise<void> => {
  await run(store, 'readwrite', (s) => s.delete(key))
}
