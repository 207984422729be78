// Photos travel to the server as base64 in JSON; the server refuses more than 10 MiB of image.
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024

export const readAsDataUrl = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(file)
  })

/** The base64 payload of a data URL (what the API takes), without the `data:…;base64,` prefix. */
export const base64Of = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1)

/** The current frame of a playing video as a JPEG data URL (drawn unmirrored, as the camera sees it). */
export const captureFrame = (video: HTMLVideoElement): string | null => {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null
  const canvas = document.createElement('canvas')
  canvas.width = video.videoWidth
  canvas.height = video.videoHeight
  const context = canvas.getContext('2d')
  if (!context) return null
  context.drawImage(video, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', 0.92)
}

/** The current frame's pixels (for a barcode reader), drawn into `canvas`, which is reused frame after frame. */
export const frameImageData = (video: HTMLVideoElement, canvas: HTMLCanvasElement): ImageData | null => {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null
  if (canvas.width !== video.videoWidth) canvas.width = video.videoWidth
  if (canvas.height !== video.videoHeight) canvas.height = video.videoHeight
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return null
  context.drawImage(video, 0, 0, canvas.width, canvas.height)
  return context.getImageData(0, 0, canvas.width, canvas.height)
}
