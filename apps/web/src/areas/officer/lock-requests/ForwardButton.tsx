import { Button } from '@mantine/core'
import type { ApiError } from '../../../api'
import { type LockRequest, useForwardLockRequest } from './lockRequestsApi'

type Props = {
  request: Pick<LockRequest, 'id'>
  label: string
  /** Named for its row where several buttons share the label (a table). */
  accessibleName?: string
  onForwarded?: (r: LockRequest) => void
  onError?: (e: ApiError) => void
}

/** The receiving unit forwards a recorded request to the deciding body. */
export const ForwardButton = ({ request, label, accessibleName, onForwarded, onError }: Props) => {
  const forward = useForwardLockRequest()
  return (
    <Button
      size="xs"
      loading={forward.isPending}
      aria-label={accessibleName}
      onClick={() =>
        forward.mutate(request.id, {
          ...(onForwarded ? { onSuccess: onForwarded } : {}),
          ...(onError ? { onError } : {}),
        })
      }
    >
      {label}
    </Button>
  )
}
