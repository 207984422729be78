import { describe, expect, test } from 'vitest'
import { generateFinger, recapture, SYNTHETIC_IMAGE, syntheticFingers } from './fingerprint.synthetic.js'

const fingers = Array.from({ length: 100 }, (_, i) => generateFinger(`synthetic-${i}`))

describe('synthetic fingers are plausible and reproducible', () => {
  test('the same seed gives the same finger, another seed another one', () => {
    expect(generateFinger('synthetic-0')).toEqual(fingers[0])
    expect(generateFinger('synthetic-x')).not.toEqual(fingers[0])
    expect(recapture(fingers[0] ?? generateFinger(''), 'r')).toEqual(
      recapture(generateFinger('synthetic-0'), 'r'),
    )
  })

  test('30–60 minutiae per finger, inside a 500 dpi image, at least 18 px apart, integer pixels', () => {
    const faults: string[] = []
    for (const [k, f] of fingers.entries()) {
      const n = f.minutiae.length
      if (f.width !== SYNTHETIC_IMAGE.width || n < 30 || n > 60) faults.push(`finger ${k}: ${n} minutiae`)
      for (const [i, m] of f.minutiae.entries()) {
        const inside = Number.isInteger(m.x) && Number.isInteger(m.y) && m.x >= 0 && m.y >= 0
        if (!inside || m.x >= f.width || m.y >= f.height) faults.push(`finger ${k}: (${m.x}, ${m.y}) outside`)
        if (!(m.angle >= 0 && m.angle < 360)) faults.push(`finger ${k}: angle ${m.angle}`)
        for (const o of f.minutiae.slice(i + 1))
          if (Math.hypot(m.x - o.x, m.y - o.y) < 18) faults.push(`finger ${k}: (${m.x}, ${m.y}) crowded`)
      }
    }
    expect(faults).toEqual([])
  })

  test('directions follow the ridge flow: nearby minutiae run nearly parallel, unlike uniform noise', () => {
    // Ridge orientation is defined modulo 180°; close neighbours on a smooth field differ little.
    const gaps: number[] = []
    for (const f of fingers)
      for (const m of f.minutiae)
        for (const n of f.minutiae) {
          if (m === n || Math.hypot(m.x - n.x, m.y - n.y) > 30) continue
          const d = Math.abs((m.angle - n.angle) % 180)
          gaps.push(Math.min(d, 180 - d))
        }
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length
    expect(mean).toBeLessThan(25) // uniform directions would average 45°
  })

  test('a person has ten different fingers, the same for the same person and seed', () => {
    const ten = syntheticFingers('079095001234', 'seed')
    expect(ten.map((f) => f.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(new Set(ten.map((f) => JSON.stringify(f.template))).size).toBe(10)
    expect(syntheticFingers('079095001234', 'seed')).toEqual(ten)
    expect(syntheticFingers('079095001235', 'seed')[0]).not.toEqual(ten[0])
  })

  test('a re-capture loses the asked share of minutiae and keeps every point inside the image', () => {
    const finger = fingers[1] ?? generateFinger('')
    const again = recapture(finger, 'r', { dropRate: 0.25, spurious: 0, maxShift: 0, maxRotation: 0 })
    expect(again.minutiae.length).toBe(finger.minutiae.length - Math.round(0.25 * finger.minutiae.length))
    const outside = Array.from({ length: 50 }, (_, s) =>
      recapture(finger, `r${s}`, { rotation: 20, shift: { dx: 40, dy: -40 } }).minutiae.filter(
        (m) => m.x < 0 || m.x >= finger.width || m.y < 0 || m.y >= finger.height,
      ),
    ).flat()
    expect(outside).toEqual([])
  })
})
