export type Cell = string | number

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
const field = (c: Cell) => {
  const s = String(c)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** A table as CSV text; a byte-order mark first so spreadsheet programs read Vietnamese letters as UTF-8. */
export const toCsv = (header: readonly Cell[], rows: readonly (readonly Cell[])[]) =>
  `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`

/** Hands the CSV to the browser as a download. */
export const downloadCsv = (fileName: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // The click has handed the file over; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
