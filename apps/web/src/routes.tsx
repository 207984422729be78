import { Navigate, type RouteObject } from 'react-router'
import { AdminDashboard } from './areas/admin/AdminDashboard'
import { AccountActionPage } from './areas/citizen/AccountActionPage'
import { ActivatedPage } from './areas/citizen/activate/ActivatedPage'
import { ActivatePage } from './areas/citizen/activate/ActivatePage'
import { CitizenHome } from './areas/citizen/CitizenHome'
import { CitizenLayout } from './areas/citizen/CitizenLayout'
import { ReceiptPage } from './areas/citizen/register/ReceiptPage'
import { RegisterPage } from './areas/citizen/register/RegisterPage'
import { RegistrationStatusPage } from './areas/citizen/register/RegistrationStatusPage'
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
          { path: 'register', element: <RegisterPage /> },
          { path: 'registrations/:dossierId', element: <RegistrationStatusPage /> },
          { path: 'registrations/:dossierId/receipt', element: <ReceiptPage /> },
          { path: 'activate', element: <ActivatePage /> },
          { path: 'activate/done', element: <ActivatedPage /> },
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
