import Provider from 'oidc-provider'

/**
 * oidc-provider binds refresh tokens to the DPoP key for public clients only (RFC 9449 §5: a confidential
 * client's refresh token is bound to its client authentication). Here a refresh token issued with a
 * DPoP-bound access token is bound to the same key too, so refreshing needs the client's key and the DPoP
 * key; rotation carries the binding to every successor.
 */
export const bindRefreshTokensToDpopKey = (provider: Provider) => {
  const save = provider.RefreshToken.prototype.save
  provider.RefreshToken.prototype.save = function (this: InstanceType<Provider['RefreshToken']>) {
    const accessToken = Provider.ctx?.oidc.entities.AccessToken
    if (!this.jkt && accessToken?.jkt) this.jkt = accessToken.jkt
    return save.call(this)
  }
}
