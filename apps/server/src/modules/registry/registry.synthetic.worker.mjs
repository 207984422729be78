// Worker bootstrap: loads the TypeScript worker through tsx, under `tsx`, vitest and plain node alike.
import { tsImport } from 'tsx/esm/api'

await tsImport('./registry.synthetic.worker.ts', import.meta.url)
