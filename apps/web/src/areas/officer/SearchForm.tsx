import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dobToInput, parseDobInput } from './dates'
import { ProvinceSelect } from './ProvinceSelect'
import { isPersonalId, normalizePersonalId, type SearchMode, type SearchState } from './searchParams'

type Props = {
  initial: SearchState
  onSearchById: (personalId: string) => void
  onSearchByName: (query: { name: string; dob: string; province: string }) => void
  onReset: () => void
  disabled?: boolean
}

type Errors = { id?: string; name?: string; dob?: string }

export const SearchForm = ({ initial, onSearchById, onSearchByName, onReset, disabled }: Props) => {
  const { t } = useTranslation()
  const [mode, setMode] = useState<SearchMode>(initial.mode)
  const [id, setId] = useState(initial.id)
  const [name, setName] = useState(initial.name)
  const [dob, setDob] = useState(initial.dob ? dobToInput(initial.dob) : '')
  const [province, setProvince] = useState<string | null>(initial.province || null)
  const [errors, setErrors] = useState<Errors>({})
  const idRef = useRef<HTMLInputElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const dobRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (mode === 'id') {
      const personalId = normalizePersonalId(id)
      if (!isPersonalId(personalId)) {
        setErrors({ id: t('officer.search.personalIdInvalid') })
        idRef.current?.focus()
        return
      }
      setErrors({})
      onSearchById(personalId)
      return
    }
    const trimmedName = name.trim().replace(/\s+/g, ' ')
    const parsedDob = parseDobInput(dob)
    const next: Errors = {}
    if (!trimmedName) next.name = t('officer.search.fullNameRequired')
    if (!dob.trim()) next.dob = t('officer.search.dobRequired')
    else if (!parsedDob) next.dob = t('officer.search.dobInvalid')
    setErrors(next)
    if (next.name) return nameRef.current?.focus()
    if (next.dob || !parsedDob) return dobRef.current?.focus()
    onSearchByName({ name: trimmedName, dob: parsedDob, province: province ?? '' })
  }

  const reset = () => {
    setId('')
    setName('')
    setDob('')
    setProvince(null)
    setErrors({})
    onReset()
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="search-title">
        <Stack gap="md">
          <Stack gap={6}>
            <Text component="span" fw={500} size="sm" id="search-mode-label">
              {t('officer.search.modeLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="search-mode-label"
              value={mode}
              onChange={(value) => {
                setMode(value === 'id' ? 'id' : 'name')
                setErrors({})
              }}
              data={[
                { value: 'id', label: t('officer.search.byId') },
                { value: 'name', label: t('officer.search.byName') },
              ]}
              fullWidth
              maw={520}
            />
          </Stack>

          {mode === 'id' ? (
            <TextInput
              ref={idRef}
              label={t('officer.search.personalId')}
              description={t('officer.search.personalIdDescription')}
              value={id}
              onChange={(event) => setId(event.currentTarget.value)}
              error={errors.id}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              required
              maw={360}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <TextInput
                ref={nameRef}
                label={t('officer.search.fullName')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={errors.name}
                autoComplete="off"
                required
              />
              <TextInput
                ref={dobRef}
                label={t('officer.search.dob')}
                description={t('officer.search.dobDescription')}
                value={dob}
                onChange={(event) => setDob(event.currentTarget.value)}
                error={errors.dob}
                autoComplete="off"
                inputMode="numeric"
                required
              />
              <ProvinceSelect value={province} onChange={setProvince} />
            </SimpleGrid>
          )}

          <Group gap="sm">
            <Button type="submit" disabled={disabled}>
              {t('officer.search.submit')}
            </Button>
            <Button type="button" variant="default" onClick={reset}>
              {t('officer.search.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
