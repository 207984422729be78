/** An ISO day (2026-12-02) as Vietnam writes it (02/12/2026). */
export const day = (d: string) => d.split('-').reverse().join('/')
