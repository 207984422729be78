/** A YYYY-MM-DD (or partial YYYY-MM, YYYY) date as Vietnamese write it: dd/mm/yyyy. */
export const vnDate = (iso: string) => {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso)
  if (!m) return iso
  return [m[3], m[2], m[1]].filter((p) => p !== undefined).join('/')
}
