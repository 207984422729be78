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

export const ManagedOfficerView = OfficerView.extend({
  enrolled: z.boolean().describe('The authenticator app is enrolled'),
  passwordChangeRequired: z.boolean().describe('The password is a one-time password from an administrator'),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const AuthenticatorOfferView = z.object({
  otpauthUri: z.string().describe('otpauth://totp/dinhdanh:CB-…, for the authenticator app'),
  qrDataUrl: z.string().describe('The same URI as a QR code (SVG data URL)'),
  secret: z.string().describe('The base32 secret, for typing into the app by hand'),
})

export const SessionStageView = z
  .enum(['password_change', 'totp_enrolment', 'full'])
  .describe('password_change and totp_enrolment: a first-login session that can do only that step')

/** A new password: at most 200 characters reach the server (the rules then say 8 to 20). */
export const NewPassword = z.string().min(1).max(200)
