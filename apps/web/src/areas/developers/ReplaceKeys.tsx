import { Alert, Button, Group, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { developerError } from './developerErrors'
import { useReplaceKeys } from './developersApi'

/** A key rotation for an approved private_key_jwt client: the new public keys replace the old at once. */
export const ReplaceKeys = ({ id }: { id: string }) => {
  const { t } = useTranslation()
  const replace = useReplaceKeys()
  const [text, setText] = useState('')
  const [bad, setBad] = useState(false)
  const k = 'developers.mine'
  const send = () => {
    try {
      const jwks = JSON.parse(text) as unknown
      setBad(false)
      replace.mutate({ id, jwks })
    } catch {
      setBad(true)
    }
  }
  return (
    <Group align="end" gap="xs" wrap="nowrap">
      <Textarea
        label={t(`${k}.keys`)}
        size="xs"
        ff="monospace"
        autosize
        minRows={2}
        miw={220}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={bad ? t('developers.apply.jwksInvalid') : undefined}
      />
      <Button size="xs" variant="outline" onClick={send} loading={replace.isPending}>
        {t(`${k}.replaceKeys`)}
      </Button>
      {replace.isSuccess && (
        <Alert color="green" role="status" p="xs">
          {t(`${k}.keysReplaced`)}
        </Alert>
      )}
      {replace.error && (
        <Alert color="red" role="alert" p="xs">
          {developerError(replace.error, t, 'developers')}
        </Alert>
      )}
    </Group>
  )
}
