import { AppShell, Burger, Container, Group, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { HeaderNav } from './HeaderNav'
import { LanguageSwitch } from './LanguageSwitch'
import { MobileNav } from './MobileNav'
import { SiteFooter } from './SiteFooter'
import './layout.css'

export const AppLayout = () => {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure(false)
  return (
    <>
      <a href="#main-content" className="dd-skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened, desktop: true } }}
        padding={0}
      >
        <AppShell.Header className="dd-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="dd-mobile-nav"
              />
              <Link to="/" className="dd-brand" aria-label={t('app.homeLink')} onClick={close}>
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <Text span fw={800} fz="lg">
                  {t('app.name')}
                </Text>
                <Text span fz="md" fw={500} className="dd-brand-suffix">
                  · {t('app.productSuffix')}
                </Text>
              </Link>
            </Group>
            <Group gap="md" wrap="nowrap">
              <Group visibleFrom="md">
                <HeaderNav />
              </Group>
              <LanguageSwitch />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar
          p="sm"
          id="dd-mobile-nav"
          hiddenFrom="md"
          aria-label={t('nav.label')}
          inert={!opened}
        >
          <MobileNav onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} className="dd-main">
          <Container size="lg" px="md" py="lg" className="dd-content">
            <Outlet />
          </Container>
          <Container size="lg" px="md" pb="lg" w="100%">
            <SiteFooter />
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  )
}
