import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

// axe-core from the installed package, injected into the page (never fetched).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

type Violation = {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[]; failureSummary?: string }>
}

/**
 * The serious and critical WCAG 2.1 A/AA violations axe finds on the page as it is now. The page must be
 * opened with `bypassCSP: true`: the app's CSP forbids inline scripts, axe's too.
 */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ content: AXE })
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } })
      .axe
    const r = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return r.violations
  })
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => `${n.target.join(' ')} ${(n.failureSummary ?? '').split('\n').slice(1).join(' ')}`)
          .slice(0, 3)
          .join(', ')}`,
    )
}

/** The serious violations at phone width, where the portal's pages are checked too; the page keeps its size. */
export const violationsAtPhoneWidth = async (page: Page): Promise<string[]> => {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  const found = await seriousViolations(page)
  if (size) await page.setViewportSize(size)
  return found
}
