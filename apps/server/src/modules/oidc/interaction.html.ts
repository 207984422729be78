// A minimal HTML template tag: interpolated values are escaped unless they are already Html.

export type Html = { readonly html: string }

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

type Value = Html | string | number | null | undefined | false | readonly Value[]

const render = (v: Value): string => {
  if (v === null || v === undefined || v === false) return ''
  if (Array.isArray(v)) return v.map(render).join('')
  if (typeof v === 'object' && 'html' in v) return v.html
  return escapeHtml(String(v))
}

export const html = (strings: TemplateStringsArray, ...values: Value[]): Html => ({
  html: strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''),
})
