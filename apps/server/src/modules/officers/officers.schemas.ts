import { z } from 'zod'
import { PERMISSIONS, ROLES, UNIT_LEVELS } from './officers.permissions.js'

export const UnitView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
  parentCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
})

export const OfficerView = z.object({
  id: z.string(),
  officerNumber: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  status: z.enum(['active', 'suspended']),
  unit: UnitView,
})
