import { useSyncExternalStore } from 'react'

// Demo officer identity sent as x-officer-id until real officer sign-in exists.
const STORAGE_KEY = 'dinhdanh.officerId'
export const DEFAULT_OFFICER_ID = 'demo-officer'

const listeners = new Set<() => void>()

const read = (): string => {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? DEFAULT_OFFICER_ID
  } catch {
    return DEFAULT_OFFICER_ID
  }
}

let current = read()

export const setOfficerId = (value: string) => {
  current = value
  try {
    window.localStorage.setItem(STORAGE_KEY, value)
  } catch {
    // Storage unavailable: keep the value for this page only.
  }
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The raw field value (may be blank while typing). */
export const useOfficerIdField = () => useSyncExternalStore(subscribe, () => current)

/** The value to send: trimmed, '' when missing (queries stay disabled then). */
export const useOfficerId = () => useOfficerIdField().trim()
