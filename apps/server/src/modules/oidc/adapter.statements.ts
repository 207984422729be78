import type { Compilable, CompiledQuery } from 'kysely'
import type { Db } from '../../database.js'

/**
 * A statement Kysely builds and compiles once per database handle, then runs with new parameters: the
 * storage adapter runs a handful of statements thousands of times a second, and building each anew was
 * about a twentieth of a token request's CPU. `build` gets one placeholder per parameter name; their
 * places in the compiled statement are found by identity, so the names bind to the right `$n`.
 */
export const compiledOnce = <P extends string, R>(
  names: readonly P[],
  // Typed never: a placeholder stands for a value of whatever type its column takes.
  build: (db: Db, p: Record<P, never>) => Compilable<R>,
) => {
  const compiled = new WeakMap<Db, { query: CompiledQuery<R>; order: P[] }>()
  const compile = (db: Db) => {
    const placeholders = Object.fromEntries(names.map((n) => [n, `\u0000${n}\u0000`])) as Record<P, never>
    const query = build(db, placeholders).compile()
    const order = query.parameters.map((v) => {
      const name = names.find((n) => placeholders[n] === (v as never))
      if (!name) throw new Error(`a statement compiled once has a fixed parameter: ${String(v)}`)
      return name
    })
    const entry = { query, order }
    compiled.set(db, entry)
    return entry
  }
  return async (db: Db, values: Record<P, unknown>) => {
    const { query, order } = compiled.get(db) ?? compile(db)
    return db.executeQuery<R>({ ...query, parameters: order.map((n) => values[n]) })
  }
}
