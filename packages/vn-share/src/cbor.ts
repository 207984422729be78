// The CBOR subset (RFC 8949) the share format needs: integers, byte and text strings, arrays, maps with integer
// or text keys, false/true/null. Definite lengths only, shortest-form heads on encoding (deterministic
// encoding, RFC 8949 §4.2.1 except map key order, which the writer fixes), no tags, floats or indefinite
// lengths on decoding: what a verifier accepts is exactly what an issuer can write.

export type Cbor = number | string | boolean | null | Uint8Array | Cbor[] | CborMap
export type CborMap = Map<number | string, Cbor>

const utf8 = new TextEncoder()
const utf8Strict = new TextDecoder('utf-8', { fatal: true })

class Writer {
  buf = new Uint8Array(256)
  len = 0
  ensure(n: number) {
    if (this.len + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n))
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
  }
  head(major: number, n: number) {
    this.ensure(9)
    const m = major << 5
    if (n < 24) this.buf[this.len++] = m | n
    else if (n < 0x100) {
      this.buf[this.len++] = m | 24
      this.buf[this.len++] = n
    } else if (n < 0x10000) {
      this.buf[this.len++] = m | 25
      this.buf[this.len++] = n >> 8
      this.buf[this.len++] = n & 0xff
    } else if (n < 0x100000000) {
      this.buf[this.len++] = m | 26
      new DataView(this.buf.buffer).setUint32(this.len, n)
      this.len += 4
    } else {
      this.buf[this.len++] = m | 27
      const view = new DataView(this.buf.buffer)
      view.setUint32(this.len, Math.floor(n / 0x100000000))
      view.setUint32(this.len + 4, n >>> 0)
      this.len += 8
    }
  }
  bytes(b: Uint8Array) {
    this.ensure(b.length)
    this.buf.set(b, this.len)
    this.len += b.length
  }
}

const write = (w: Writer, v: Cbor): void => {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new RangeError(`CBOR: not a safe integer: ${v}`)
    if (v >= 0) w.head(0, v)
    else w.head(1, -1 - v)
  } else if (typeof v === 'string') {
    const b = utf8.encode(v)
    w.head(3, b.length)
    w.bytes(b)
  } else if (v instanceof Uint8Array) {
    w.head(2, v.length)
    w.bytes(v)
  } else if (Array.isArray(v)) {
    w.head(4, v.length)
    for (const item of v) write(w, item)
  } else if (v instanceof Map) {
    w.head(5, v.size)
    for (const [k, item] of v) {
      write(w, k)
      write(w, item)
    }
  } else if (v === false) w.head(7, 20)
  else if (v === true) w.head(7, 21)
  else w.head(7, 22)
}

export const cborEncode = (v: Cbor): Uint8Array<ArrayBuffer> => {
  const w = new Writer()
  write(w, v)
  return w.buf.slice(0, w.len)
}

export class CborError extends Error {}
const MAX_DEPTH = 8

class Reader {
  pos = 0
  constructor(readonly buf: Uint8Array) {}
  byte() {
    if (this.pos >= this.buf.length) throw new CborError('truncated')
    return this.buf[this.pos++] as number
  }
  // The argument of a head; non-shortest forms are refused so one value has one encoding.
  arg(info: number): number {
    if (info < 24) return info
    if (info === 24) {
      const n = this.byte()
      if (n < 24) throw new CborError('non-shortest integer')
      return n
    }
    if (info === 25) {
      const n = (this.byte() << 8) | this.byte()
      if (n < 0x100) throw new CborError('non-shortest integer')
      return n
    }
    if (info === 26) {
      const n = ((this.byte() << 24) >>> 0) + ((this.byte() << 16) | (this.byte() << 8) | this.byte())
      if (n < 0x10000) throw new CborError('non-shortest integer')
      return n
    }
    if (info === 27) {
      let hi = 0
      for (let i = 0; i < 4; i++) hi = hi * 256 + this.byte()
      let lo = 0
      for (let i = 0; i < 4; i++) lo = lo * 256 + this.byte()
      const n = hi * 0x100000000 + lo
      if (!Number.isSafeInteger(n) || n < 0x100000000) throw new CborError('integer out of range')
      return n
    }
    throw new CborError('indefinite length or reserved head')
  }
  take(n: number) {
    if (n > this.buf.length - this.pos) throw new CborError('truncated')
    const out = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }
  item(depth: number): Cbor {
    if (depth > MAX_DEPTH) throw new CborError('nested too deep')
    const first = this.byte()
    const major = first >> 5
    const info = first & 0x1f
    if (major === 7) {
      if (info === 20) return false
      if (info === 21) return true
      if (info === 22) return null
      throw new CborError('unsupported simple value or float')
    }
    if (major === 6) throw new CborError('tags are not used')
    const n = this.arg(info)
    switch (major) {
      case 0:
        return n
      case 1:
        return -1 - n
      case 2:
        return this.take(n)
      case 3:
        try {
          return utf8Strict.decode(this.take(n))
        } catch {
          throw new CborError('invalid UTF-8')
        }
      case 4: {
        if (n > this.buf.length - this.pos) throw new CborError('truncated')
        const out: Cbor[] = []
        for (let i = 0; i < n; i++) out.push(this.item(depth + 1))
        return out
      }
      default: {
        if (n * 2 > this.buf.length - this.pos) throw new CborError('truncated')
        const out: CborMap = new Map()
        for (let i = 0; i < n; i++) {
          const k = this.item(depth + 1)
          if (typeof k !== 'number' && typeof k !== 'string')
            throw new CborError('map key not an int or text')
          if (out.has(k)) throw new CborError('duplicate map key')
          out.set(k, this.item(depth + 1))
        }
        return out
      }
    }
  }
}

/** Decodes exactly one item filling the whole buffer; throws CborError on anything else. */
export const cborDecode = (buf: Uint8Array): Cbor => {
  const r = new Reader(buf)
  const v = r.item(0)
  if (r.pos !== buf.length) throw new CborError('trailing bytes')
  return v
}
