import { Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import type { ComponentType } from 'react'
import { Link } from 'react-router'
import { ChevronRightIcon } from '../../layout/icons'

type Props = { to: string; Icon: ComponentType; title: string; description: string }

/** A card that is one large link: an icon, a title, what is behind it, and a chevron. */
export const LinkCard = ({ to, Icon, title, description }: Props) => (
  <Paper withBorder radius="md" shadow="xs">
    <UnstyledButton component={Link} to={to} p="md" w="100%" className="dd-action-link">
      <Group wrap="nowrap" gap="md">
        <ThemeIcon size={44} radius="xl" variant="light">
          <Icon />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1 }}>
          <Text fw={700}>{title}</Text>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        <ChevronRightIcon />
      </Group>
    </UnstyledButton>
  </Paper>
)
