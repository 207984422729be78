import { createServer, type Server } from 'node:http'

/**
 * A relying party's back-channel logout endpoint on this machine, keeping the logout tokens it receives.
 * `port` pins it to a port, so a test can start it again where a relying party was registered while down;
 * `answer: 'hang'` never answers (a relying party that times out).
 */
export const backchannelEndpoint = async ({
  port = 0,
  answer = 'ok',
}: {
  port?: number
  answer?: 'ok' | 'hang'
} = {}) => {
  const received: string[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    req.on('end', () => {
      received.push(new URLSearchParams(body).get('logout_token') ?? '')
      if (answer === 'ok') res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : 0
  return {
    port: bound,
    uri: `http://127.0.0.1:${bound}/backchannel-logout`,
    received,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A relying party whose back-channel endpoint is down: the URI of a port nothing listens on (yet). */
export const downEndpoint = async () => {
  const probe = await backchannelEndpoint()
  await probe.close()
  return { uri: probe.uri, port: probe.port }
}
