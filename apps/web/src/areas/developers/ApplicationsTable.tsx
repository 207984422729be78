import { Badge } from '@mantine/core'
import type { ReactNode } from 'react'
import { CaptionedTable } from '../../layout/CaptionedTable'
import { day } from './day'

type Props = { caption: string; columns: readonly string[]; children: ReactNode }

/** Relying-party applications as a table: the applicant's own, or the officers' appraisal queue. */
export const ApplicationsTable = ({ caption, columns, children }: Props) => (
  <CaptionedTable caption={caption} columns={columns} minWidth={760}>
    {children}
  </CaptionedTable>
)

/** An application's appraisal due day (when there is one), flagged when it has passed. */
export const DueOn = ({
  dueOn,
  overdue,
  label,
}: {
  dueOn: string | null
  overdue: boolean
  label: string
}) => (
  <>
    {dueOn !== null && day(dueOn)}{' '}
    {overdue && (
      <Badge color="red" variant="light">
        {label}
      </Badge>
    )}
  </>
)
