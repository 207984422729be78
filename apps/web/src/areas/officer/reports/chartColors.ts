// Dark shades of Mantine's palette: each stands out from white by at least 3:1 (WCAG 1.4.11), and
// neighbouring segments are split by a white line, so colour is never the only cue (the table has the figures).
export const CHART_COLORS = {
  blue: '#1864ab',
  teal: '#087f5b',
  orange: '#c2410c',
  red: '#c92a2a',
  grape: '#862e9c',
  gray: '#495057',
  indigo: '#364fc7',
  cyan: '#0b7285',
} as const
