import { SimpleGrid, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

export type Fact = { label: string; value: ReactNode }

/** A definition list laid out as a responsive grid of label/value pairs. */
export const PersonFacts = ({ facts }: { facts: Fact[] }) => (
  <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
    {facts.map((fact) => (
      <Stack key={fact.label} gap={2}>
        <Text component="dt" size="sm" c="dimmed" fw={500}>
          {fact.label}
        </Text>
        <Text component="dd" m={0} fw={500}>
          {fact.value}
        </Text>
      </Stack>
    ))}
  </SimpleGrid>
)
