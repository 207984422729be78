import { z } from 'zod'
import { PersonView } from '../registry/index.js'
import { VERDICTS } from './card-check.verdict.js'

// The API's shapes: one zod schema gives the type, the serializer and the OpenAPI document.
export const CardQrRequest = z.object({
  qr: z
    .string()
    .min(1)
    .max(2000)
    .describe('The QR text exactly as read from the card (fields separated by |)'),
})

const Parsed = z.object({
  personalId: z.string(),
  oldCmnd: z.string().nullable().describe('The old 9-digit CMND number printed in the QR, or null'),
  fullName: z.string(),
  dateOfBirth: z.string(),
  gender: z.enum(['male', 'female']),
  address: z.string(),
  issueDate: z.string(),
  extra: z.array(z.string()).describe('Fields after the 7th (2024 căn cước card), raw'),
})

const Matches = z.object({
  fullName: z.boolean(),
  dateOfBirth: z.boolean(),
  gender: z.boolean(),
  oldCmnd: z.boolean().nullable().describe('null when the QR carries no old CMND number'),
  issueDate: z.boolean().describe("A card of this person was issued on the QR's issue date"),
})

const Card = z.object({
  kind: z.enum(['CCCD_CHIP', 'CAN_CUOC_2024']),
  status: z.enum(['valid', 'expired', 'revoked', 'lost', 'replaced']),
  current: z.boolean().describe("It is the person's newest card"),
  expiresOn: z.string().nullable().describe('As printed on the card; null = valid for life'),
  expired: z.boolean(),
})

const Registry = z.object({
  found: z.boolean().describe('A person holds this personal ID number'),
  idCancelled: z.boolean().describe('The number was cancelled and replaced by another'),
  deceased: z.boolean().nullable(),
  matches: Matches.nullable(),
  card: Card.nullable(),
})

export const CardCheckView = z.object({
  verdict: z.enum(VERDICTS),
  checkedOn: z.string().describe('The day (Vietnam time) the card was checked for'),
  parsed: Parsed,
  registry: Registry,
})
export type CardCheckView = z.infer<typeof CardCheckView>

export const OfficerCardCheckView = CardCheckView.extend({
  person: PersonView.pick({
    personalId: true,
    fullName: true,
    dateOfBirth: true,
    gender: true,
    permanentAddress: true,
    status: true,
    diedOn: true,
    cards: true,
    oldIdNumbers: true,
  })
    .nullable()
    .describe("The registry's record (for a cancelled number: its holder's current one)"),
})
export type OfficerCardCheckView = z.infer<typeof OfficerCardCheckView>
