import { type RefObject, useEffect, useRef } from 'react'

/** Focuses `ref` whenever `key` changes after the first render: a new step's title is where a screen reader should be. */
export const useFocusOnChange = (ref: RefObject<HTMLElement | null>, key: unknown) => {
  const previous = useRef(key)
  useEffect(() => {
    if (previous.current !== key) ref.current?.focus()
    previous.current = key
  }, [ref, key])
}
