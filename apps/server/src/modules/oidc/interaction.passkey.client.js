// The login page's passkey button (interaction.passkey-offer.ts), served as a file of ours under the page's
// security policy (script-src 'self'): no inline script, no library. Without WebAuthn the button stays hidden
// and the password form is the way in.
;(() => {
  const box = document.getElementById('passkey-login')
  if (!box || !window.PublicKeyCredential || !navigator.credentials) return
  const form = box.querySelector('form')
  const button = box.querySelector('button')
  const alert = box.querySelector('[role="alert"]')

  const fromB64u = (s) =>
    Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
  const toB64u = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')

  // PublicKeyCredentialRequestOptionsJSON (as @simplewebauthn/server makes it) to what credentials.get() takes.
  const requestOptions = (o) => ({
    ...o,
    challenge: fromB64u(o.challenge),
    allowCredentials: (o.allowCredentials ?? []).map((c) => ({ ...c, id: fromB64u(c.id) })),
  })

  // The assertion as startAuthentication() returns it (WebAuthn Level 3 toJSON()), which the server checks.
  const assertionJson = (credential) => {
    const r = credential.response
    return {
      id: credential.id,
      rawId: toB64u(credential.rawId),
      type: credential.type,
      ...(credential.authenticatorAttachment
        ? { authenticatorAttachment: credential.authenticatorAttachment }
        : {}),
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toB64u(r.clientDataJSON),
        authenticatorData: toB64u(r.authenticatorData),
        signature: toB64u(r.signature),
        ...(r.userHandle ? { userHandle: toB64u(r.userHandle) } : {}),
      },
    }
  }

  const show = (text) => {
    alert.textContent = text
    alert.hidden = false
    button.disabled = false
  }

  button.addEventListener('click', async () => {
    button.disabled = true
    alert.hidden = true
    try {
      const res = await fetch(box.dataset.options, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      })
      if (!res.ok) throw new Error(`options ${res.status}`)
      const { challengeId, options } = await res.json()
      const credential = await navigator.credentials.get({ publicKey: requestOptions(options) })
      if (!credential) throw new Error('no credential')
      form.elements.challengeId.value = challengeId
      form.elements.response.value = JSON.stringify(assertionJson(credential))
      // A form post, as the password's: the server answers with the next page or the way back to the service.
      form.submit()
    } catch (e) {
      const cancelled = e && (e.name === 'NotAllowedError' || e.name === 'AbortError')
      show(cancelled ? box.dataset.cancelled : box.dataset.failed)
    }
  })
  box.hidden = false
})()
