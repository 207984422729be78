/** Why a camera could not be used, in the words the pages explain to the officer or the citizen. */
export type CameraProblem = 'unsupported' | 'denied' | 'notFound' | 'failed'

export const cameraProblemOf = (error: unknown): CameraProblem => {
  const name = error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound'
  return 'failed'
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export const stopAll = (stream: MediaStream | null) => {
  for (const track of stream?.getTracks() ?? []) track.stop()
}

/** Whether this browser can open a camera at all (getUserMedia needs a secure context). */
export const cameraSupported = () => Boolean(navigator.mediaDevices?.getUserMedia)
