import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core'

// A deep red close to the national identity documents; shade 7 keeps white text above 4.5:1 contrast.
const brand: MantineColorsTuple = [
  '#fdecea',
  '#f9d4d0',
  '#f1aaa2',
  '#e97e73',
  '#e1574a',
  '#d93d2f',
  '#c92f21',
  '#b3261e',
  '#9a1f18',
  '#7f1711',
]

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 5 },
  colors: { brand },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji"',
  defaultRadius: 'md',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
})

// Mantine's default "dimmed" grey and the light/outline variant text colours are below 4.5:1 on their
// backgrounds; use darker shades so secondary text, alerts and outline buttons stay readable (WCAG AA).
const readableVariants = (color: string, shade: number) => ({
  [`--mantine-color-${color}-light-color`]: `var(--mantine-color-${color}-${shade})`,
  [`--mantine-color-${color}-outline`]: `var(--mantine-color-${color}-${shade})`,
})

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#545b62',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': '#6b7178',
    ...readableVariants('red', 9),
    ...readableVariants('blue', 9),
    ...readableVariants('green', 9),
    ...readableVariants('brand', 8),
  },
  dark: {},
})
