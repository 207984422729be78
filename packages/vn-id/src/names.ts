// Letters after which a new capital starts: word start, ethnic-minority apostrophes (H'Hen), hyphens.
const WORD_START = /(^|['’-])(\p{L})/gu

// Upper-case only when it stays one character, so "ß" does not become "SS" and the result is stable.
const capital = (ch: string): string => {
  const upper = ch.toUpperCase()
  return [...upper].length === 1 ? upper : ch
}

const titleCase = (word: string): string =>
  word.toLowerCase().replace(WORD_START, (_, before: string, letter: string) => before + capital(letter))

// Display form of a personal name: NFC, single spaces, each word capitalised ("nguyễn  VĂN an" → "Nguyễn Văn An").
export const normalizeName = (s: string): string =>
  s
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map(titleCase)
    .join(' ')
    .normalize('NFC')

// Accent-insensitive key: "Nguyễn Văn Đức" and "nguyen van duc" match; not for display.
export const nameKey = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .split(/\s+/u)
    .filter((w) => w !== '')
    .join(' ')
