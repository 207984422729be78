import type { RouteObject } from 'react-router'
import { AdminDashboard } from './areas/admin/AdminDashboard'
import { ActivatedPage } from './areas/citizen/activate/ActivatedPage'
import { ActivatePage } from './areas/citizen/activate/ActivatePage'
import { CitizenHome } from './areas/citizen/CitizenHome'
import { CitizenLayout } from './areas/citizen/CitizenLayout'
import { LoginPage } from './areas/citizen/login/LoginPage'
import { DependentPage } from './areas/citizen/me/DependentPage'
import { DependentsPage } from './areas/citizen/me/DependentsPage'
import { ConnectionsPage } from './areas/citizen/me/dataAccess/ConnectionsPage'
import { DataAccessPage } from './areas/citizen/me/dataAccess/DataAccessPage'
import { DependentDataAccessPage } from './areas/citizen/me/dataAccess/DependentDataAccessPage'
import { HistoryPage } from './areas/citizen/me/HistoryPage'
import { HomePage } from './areas/citizen/me/HomePage'
import { LockedPage } from './areas/citizen/me/LockedPage'
import { RequireSession } from './areas/citizen/me/RequireSession'
import { SecurityPage } from './areas/citizen/me/SecurityPage'
import { ScanLoginPage } from './areas/citizen/me/webLogin/ScanLoginPage'
import { RecoverPage } from './areas/citizen/recover/RecoverPage'
import { ReceiptPage } from './areas/citizen/register/ReceiptPage'
import { RegisterPage } from './areas/citizen/register/RegisterPage'
import { RegistrationStatusPage } from './areas/citizen/register/RegistrationStatusPage'
import { UnlockPage } from './areas/citizen/unlock/UnlockPage'
import { DevelopersPage } from './areas/developers/DevelopersPage'
import { TryCallbackPage } from './areas/developers/try/TryCallbackPage'
import { TryLoginPage } from './areas/developers/try/TryLoginPage'
import { DocumentsPage } from './areas/documents/DocumentsPage'
import { LandingPage } from './areas/landing/LandingPage'
import { NewOfficerPage } from './areas/officer/admin/NewOfficerPage'
import { OfficerPage } from './areas/officer/admin/OfficerPage'
import { OfficersPage } from './areas/officer/admin/OfficersPage'
import { UnitsPage } from './areas/officer/admin/UnitsPage'
import { FaceCheckPage } from './areas/officer/biometrics/FaceCheckPage'
import { VerificationReviewPage } from './areas/officer/biometrics/VerificationReviewPage'
import { CardCheckPage } from './areas/officer/card-check/CardCheckPage'
import { CardApplicationPage } from './areas/officer/counter/CardApplicationPage'
import { CardApplicationsPage } from './areas/officer/counter/CardApplicationsPage'
import { DossierPage } from './areas/officer/counter/DossierPage'
import { QueuePage } from './areas/officer/counter/QueuePage'
import { ReceivePage } from './areas/officer/counter/ReceivePage'
import { SlipQrRedirect } from './areas/officer/counter/SlipQrRedirect'
import { LockQueuePage } from './areas/officer/lock-requests/LockQueuePage'
import { LockRequestPage } from './areas/officer/lock-requests/LockRequestPage'
import { RecordedListPage } from './areas/officer/lock-requests/RecordedListPage'
import { RecordLockRequestPage } from './areas/officer/lock-requests/RecordLockRequestPage'
import { OfficerLayout } from './areas/officer/OfficerLayout'
import { PersonDetailPage } from './areas/officer/PersonDetailPage'
import { RegistrySearchPage } from './areas/officer/RegistrySearchPage'
import { RpApplicationPage } from './areas/officer/relying-parties/RpApplicationPage'
import { RpQueuePage } from './areas/officer/relying-parties/RpQueuePage'
import { OverduePage } from './areas/officer/reports/OverduePage'
import { OverdueUnitPage } from './areas/officer/reports/OverdueUnitPage'
import { ReportsPage } from './areas/officer/reports/ReportsPage'
import { ChangePasswordPage } from './areas/officer/session/ChangePasswordPage'
import { FirstLoginPage } from './areas/officer/session/FirstLoginPage'
import { OfficerIndex } from './areas/officer/session/OfficerIndex'
import { OfficerLoginPage } from './areas/officer/session/OfficerLoginPage'
import { RequireOfficer } from './areas/officer/session/RequireOfficer'
import { CheckAppPage } from './areas/share/CheckAppPage'
import { SharePage } from './areas/share/SharePage'
import { VerifyPage } from './areas/verify/VerifyPage'
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
          { path: 'login', element: <LoginPage /> },
          { path: 'recover', element: <RecoverPage /> },
          { path: 'unlock', element: <UnlockPage /> },
          { path: 'locked', element: <LockedPage /> },
          {
            element: <RequireSession />,
            children: [
              { path: 'home', element: <HomePage /> },
              { path: 'security', element: <SecurityPage /> },
              { path: 'scan-login', element: <ScanLoginPage /> },
              { path: 'history', element: <HistoryPage /> },
              { path: 'connections', element: <ConnectionsPage /> },
              { path: 'data-access', element: <DataAccessPage /> },
              { path: 'documents', element: <DocumentsPage /> },
              { path: 'share', element: <SharePage /> },
              { path: 'check-app', element: <CheckAppPage /> },
              { path: 'dependents', element: <DependentsPage /> },
              { path: 'dependents/:personalId', element: <DependentPage /> },
              { path: 'dependents/:personalId/data-access', element: <DependentDataAccessPage /> },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
      {
        path: 'officer',
        element: <OfficerLayout />,
        children: [
          { path: 'login', element: <OfficerLoginPage /> },
          { path: 'first-login', element: <FirstLoginPage /> },
          {
            element: <RequireOfficer />,
            children: [
              { index: true, element: <OfficerIndex /> },
              { path: 'password', element: <ChangePasswordPage /> },
              { path: 'admin/officers', element: <OfficersPage /> },
              { path: 'admin/officers/new', element: <NewOfficerPage /> },
              { path: 'admin/officers/:id', element: <OfficerPage /> },
              { path: 'admin/units', element: <UnitsPage /> },
              { path: 'search', element: <RegistrySearchPage /> },
              { path: 'persons/:personalId', element: <PersonDetailPage /> },
              { path: 'biometrics', element: <FaceCheckPage /> },
              { path: 'card-check', element: <CardCheckPage /> },
              { path: 'biometrics/verifications/:id', element: <VerificationReviewPage /> },
              { path: 'counter/new', element: <ReceivePage /> },
              { path: 'counter/queue', element: <QueuePage /> },
              { path: 'counter/dossiers/:id', element: <DossierPage /> },
              { path: 'counter/card-applications', element: <CardApplicationsPage /> },
              { path: 'counter/card-applications/:id', element: <CardApplicationPage /> },
              { path: 'dossiers/:id', element: <SlipQrRedirect /> },
              { path: 'lock-requests/new', element: <RecordLockRequestPage /> },
              { path: 'lock-requests/recorded', element: <RecordedListPage /> },
              { path: 'lock-requests/queue', element: <LockQueuePage /> },
              { path: 'lock-requests/requests/:id', element: <LockRequestPage /> },
              { path: 'relying-parties', element: <RpQueuePage /> },
              { path: 'relying-parties/:id', element: <RpApplicationPage /> },
              { path: 'reports', element: <ReportsPage /> },
              { path: 'overdue', element: <OverduePage /> },
              { path: 'overdue/:unitCode', element: <OverdueUnitPage /> },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
      {
        path: 'developers',
        element: <RequireSession />,
        children: [
          { index: true, element: <DevelopersPage /> },
          { path: 'try', element: <TryLoginPage /> },
        ],
      },
      // Public: anyone can check a QR code, with no account (docs/sharing.md).
      { path: 'verify', element: <VerifyPage /> },
      // The provider's redirect back needs no console session: the code is exchanged with the client's secret.
      { path: 'developers/try/callback', element: <TryCallbackPage /> },
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
