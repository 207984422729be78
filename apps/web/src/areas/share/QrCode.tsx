import { Box } from '@mantine/core'
import QRCode from 'qrcode'
import { useMemo } from 'react'
import { QUIET_ZONE, qrPath } from './qrPath'

type Props = { text: string; label: string; size?: number }

/**
 * A QR code drawn as SVG (crisp at any zoom, no canvas). Error correction M: the texts are short and a
 * phone's screen is clean; a higher level would mean more, smaller modules for the same text.
 */
export const QrCode = ({ text, label, size = 320 }: Props) => {
  const symbol = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
    return {
      path: qrPath({ size: qr.modules.size, get: (r, c) => qr.modules.get(r, c) }),
      n: qr.modules.size,
    }
  }, [text])
  const box = symbol.n + 2 * QUIET_ZONE
  return (
    <Box maw={size} w="100%" style={{ aspectRatio: '1 / 1' }}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
        width="100%"
        height="100%"
        shapeRendering="crispEdges"
        data-qr-text={text}
      >
        <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#fff" />
        <path d={symbol.path} fill="#000" />
      </svg>
    </Box>
  )
}
