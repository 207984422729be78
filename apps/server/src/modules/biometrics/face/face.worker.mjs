// Piscina's worker threads are plain Node: they cannot load TypeScript under vitest (whose transform stays
// in the test's own thread) nor under Node 20 without a loader. tsx's scoped loader loads the real worker,
// so the same file works under `tsx` (npm start, bench) and under vitest.
import { tsImport } from 'tsx/esm/api'

const worker = await tsImport('./face.worker.ts', import.meta.url)

export default worker.default
