import { Agent, request } from 'node:http'

// Keep-alive sockets for the load generator: node:http costs a fraction of fetch's CPU per request (fetch
// went through web streams and took about a quarter of the benchmark process), and that CPU is taken from
// the server measured on the same two cores.
const agent = new Agent({ keepAlive: true, maxSockets: 256 })

/**
 * POSTs a form with HTTP Basic client authentication and returns the JSON answer; anything but 200 throws
 * with the answer, so a benchmark never counts a refusal as an operation.
 */
export const postForm = (url: string, basic: string, fields: Record<string, string>) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const body = new URLSearchParams(fields).toString()
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: basic,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}: ${text}`))
          else resolve(JSON.parse(text) as Record<string, unknown>)
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
