import { Navigate, type RouteObject } from 'react-router'
import { AdminDashboard } from './areas/admin/AdminDashboard'
import { AccountActionPage } from './areas/citizen/AccountActionPage'
import { CitizenHome } from './areas/citizen/CitizenHome'
import { CitizenLayout } from './areas/citizen/CitizenLayout'
import { LandingPage } from './areas/landing/LandingPage'
import { FaceCheckPage } from './areas/officer/biometrics/FaceCheckPage'
import { VerificationReviewPage } from './areas/officer/biometrics/VerificationReviewPage'
import { OfficerLayout } from './areas/officer/OfficerLayout'
import { PersonDetailPage } from './areas/officer/PersonDetailPage'
import { RegistrySearchPage } from './areas/officer/RegistrySearchPage'
import { AppLayout } from './layout/AppLayout'
import { NotFound } from './layout/NotFound'

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <LandingPage /> },
      {
        path: 'app',
        element: <CitizenLayout />,
        children: [
          { index: true, element: <CitizenHome /> },
          { path: 'register', element: <AccountActionPage action="register" /> },
          { path: 'activate', element: <AccountActionPage action="activate" /> },
          { path: 'login', element: <AccountActionPage action="login" /> },
          { path: '*', element: <NotFound /> },
        ],
      },
      {
        path: 'officer',
        element: <OfficerLayout />,
        children: [
          { index: true, element: <Navigate to="search" replace /> },
          { path: 'search', element: <RegistrySearchPage /> },
          { path: 'persons/:personalId', element: <PersonDetailPage /> },
          { path: 'biometrics', element: <FaceCheckPage /> },
          { path: 'biometrics/verifications/:id', element: <VerificationReviewPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
      {
        path: 'admin',
        children: [
          { index: true, element: <AdminDashboard /> },
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]
