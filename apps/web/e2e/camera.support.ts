/**
 * Browser script (for page.addInitScript) replacing getUserMedia by a canvas stream that keeps painting
 * one JPEG photo: the device camera pointed at a face.
 */
export const fakeCamera = (jpeg: Buffer) => `
  navigator.mediaDevices.getUserMedia = async () => {
    const img = new Image()
    img.src = ${JSON.stringify(`data:image/jpeg;base64,${jpeg.toString('base64')}`)}
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const context = canvas.getContext('2d')
    const paint = () => {
      context.drawImage(img, 0, 0)
      requestAnimationFrame(paint)
    }
    paint()
    return canvas.captureStream(10)
  }
`

/** Browser script making getUserMedia fail as a browser does: permission refused, or no camera at all. */
export const refusedCamera = (name: 'NotAllowedError' | 'NotFoundError') => `
  navigator.mediaDevices.getUserMedia = async () => {
    throw new DOMException('Refused by the test', ${JSON.stringify(name)})
  }
`
