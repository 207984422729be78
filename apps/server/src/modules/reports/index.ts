// The reports module's public face: aggregate reports for supervisors and the overdue queue per unit.

export { REPORTS } from './reports.errors.js'
export { reportsMigrations } from './reports.migrations.js'
export { reportRoutes } from './reports.routes.js'
