/** OpenID's birthdate: the full date, or the year alone when the registry does not know the day. */
export const birthdate = (year: number, month: number | null, day: number | null) =>
  month !== null && day !== null
    ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : String(year).padStart(4, '0')
