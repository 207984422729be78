import { Navigate, useParams } from 'react-router'
import { dossierPath } from './counterPaths'

/** The registration slip's QR points to /officer/dossiers/:id (registration-slip.pdf.ts): the dossier page. */
export const SlipQrRedirect = () => {
  const { id = '' } = useParams()
  return <Navigate to={dossierPath(id)} replace />
}
