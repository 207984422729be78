import { Navigate } from 'react-router'
import { officerHome } from './officerHome'
import { useCurrentOfficer } from './RequireOfficer'

/** /officer: the first page the officer's roles allow. */
export const OfficerIndex = () => <Navigate to={officerHome(useCurrentOfficer().permissions)} replace />
