import { Center, Image, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

type Side = { title: string; src: string | null; alt: string; missing: string }

const Portrait = ({ title, src, alt, missing }: Side) => (
  <Stack gap={6} component="figure" m={0}>
    {src ? (
      <Image src={src} alt={alt} radius="md" fit="contain" h={{ base: 200, sm: 320 }} bg="gray.1" />
    ) : (
      <Center
        h={{ base: 200, sm: 320 }}
        bg="gray.1"
        p="sm"
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      >
        <Text size="sm" c="dimmed" ta="center">
          {missing}
        </Text>
      </Center>
    )}
    <Text component="figcaption" fw={600} size="sm" ta="center">
      {title}
    </Text>
  </Stack>
)

/** The capture and the enrolled portrait side by side, at the same height, even on a phone. */
export const FacePair = ({ probe, reference }: { probe: string | null; reference: string | null }) => {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={2} spacing={{ base: 'xs', sm: 'lg' }}>
      <Portrait
        title={t('officer.biometrics.review.probe')}
        src={probe}
        alt={t('officer.biometrics.review.probeAlt')}
        missing={t('officer.biometrics.review.noProbe')}
      />
      <Portrait
        title={t('officer.biometrics.review.reference')}
        src={reference}
        alt={t('officer.biometrics.review.referenceAlt')}
        missing={t('officer.biometrics.review.noReference')}
      />
    </SimpleGrid>
  )
}
