// The day the registry tests run "as of", matching the harness's frozen clock (2026-11-23T03:00Z).
export const AS_OF = '2026-11-23'
export const NOW = new Date('2026-11-23T03:00:00Z')
