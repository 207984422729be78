/** A face-shaped window over the live camera view: the rest is dimmed so the face lands where the check expects it. */
export const FaceOval = () => (
  <div
    aria-hidden="true"
    style={{
      position: 'absolute',
      inset: 0,
      overflow: 'hidden',
      pointerEvents: 'none',
      borderRadius: 'var(--mantine-radius-md)',
    }}
  >
    <div
      style={{
        position: 'absolute',
        left: '23%',
        top: '14%',
        width: '54%',
        height: '72%',
        borderRadius: '50%',
        border: '2px dashed rgba(255,255,255,0.9)',
        boxShadow: '0 0 0 100vmax rgba(0,0,0,0.45)',
      }}
    />
  </div>
)
