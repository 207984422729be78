import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import readerWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

// zxing-wasm fetches its .wasm from a public CDN unless told otherwise: ours ships in our own bundle.
const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? readerWasmUrl : prefix + path),
}

/** Loads and compiles the QR reader (the .wasm from this site); a failure rejects here, not at the first frame. */
export const loadQrReader = async () => {
  await prepareZXingModule({ overrides, fireImmediately: true })
  return readQrCodes
}

/**
 * The texts of the QR codes in one frame. The CCCD QR carries UTF-8 without an ECI marker, so UTF-8 is
 * the fallback character set rather than zxing's guess.
 */
export const readQrCodes = async (image: ImageData): Promise<string[]> => {
  const results = await readBarcodes(image, {
    formats: ['QRCode'],
    characterSet: 'UTF8',
    maxNumberOfSymbols: 1,
  })
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text)
}
