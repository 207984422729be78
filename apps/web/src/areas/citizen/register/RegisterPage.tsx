import { Stack, Text, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { base64Of } from '../../../camera/imageData'
import { AccountErrorAlert, explainAccountError, fieldOfError } from '../accountErrors'
import { useRegister } from '../accountsApi'
import { BackToHome } from '../BackToHome'
import { normalizeDocumentNumber, normalizePersonalId } from '../citizenFields'
import { receiptPath } from '../paths'
import { useFocusOnChange } from '../useFocusOnChange'
import { DetailsStep } from './DetailsStep'
import {
  type DetailsErrors,
  EMPTY_DETAILS,
  type RegistrationDetails,
  toApplication,
} from './registrationForm'
import { SelfieStep } from './SelfieStep'

type Step = 'details' | 'selfie'
const STEPS: readonly Step[] = ['details', 'selfie']

/** Level-1 registration in two steps, for a citizen or a foreigner; the receipt follows on its own page. */
export const RegisterPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const register = useRegister()
  const [step, setStep] = useState<Step>('details')
  const [details, setDetails] = useState<RegistrationDetails>(EMPTY_DETAILS)
  const [photo, setPhoto] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Moving between steps puts the focus on the new step's title.
  useFocusOnChange(headingRef, step)

  const error = register.error
  const errorField = error ? fieldOfError(error.code) : null
  const serverErrors: DetailsErrors =
    error && errorField && errorField !== 'selfie' && errorField !== 'code'
      ? { [errorField]: explainAccountError(error, t) }
      : {}

  const go = (next: Step) => {
    register.reset()
    setStep(next)
  }

  const submit = () => {
    if (!photo) return
    register.mutate(toApplication(details, base64Of(photo)), {
      onSuccess: (receipt) => navigate(receiptPath(receipt.dossierId), { state: receipt }),
      onError: (e) => {
        const field = fieldOfError(e.code)
        if (field && field !== 'selfie' && field !== 'code') setStep('details')
      },
    })
  }

  const index = STEPS.indexOf(step) + 1
  const foreigner = details.applicant === 'foreigner'
  const summary = foreigner
    ? t('citizen.register.summaryForeigner', {
        name: details.fullName.trim(),
        passport: normalizeDocumentNumber(details.passportNumber),
      })
    : t('citizen.register.summary', {
        name: details.fullName.trim(),
        personalId: normalizePersonalId(details.personalId),
      })
  return (
    <Stack gap="lg">
      <BackToHome />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.register.title')}</Title>
        <Text c="dimmed">{t(foreigner ? 'citizen.register.introForeigner' : 'citizen.register.intro')}</Text>
      </Stack>
      <Stack gap={2}>
        <Text size="sm" fw={600} c="brand.8">
          {t('citizen.stepOf', { step: index, total: STEPS.length })}
        </Text>
        <Title order={2} size="h3" id="register-step-title" ref={headingRef} tabIndex={-1}>
          {step === 'details' ? t('citizen.register.detailsTitle') : t('citizen.register.selfieTitle')}
        </Title>
      </Stack>
      {error && <AccountErrorAlert error={error} />}
      {step === 'details' ? (
        <DetailsStep
          details={details}
          onChange={(next) => {
            setDetails(next)
            if (error) register.reset()
          }}
          onNext={() => go('selfie')}
          serverErrors={serverErrors}
        />
      ) : (
        <SelfieStep
          summary={summary}
          photo={photo}
          onPhoto={setPhoto}
          onBack={() => go('details')}
          onSubmit={submit}
          pending={register.isPending}
          serverError={error && errorField === 'selfie' ? explainAccountError(error, t) : undefined}
        />
      )}
    </Stack>
  )
}
