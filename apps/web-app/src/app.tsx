import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useLang } from './i18n/lang';
import { CatalogueProvider } from './shell/catalogue';
import { Layout } from './shell/layout';
import { resumeSession, session } from './shell/session';
import { SignInPage } from './pages/sign-in';
import { CaseListPage } from './pages/case-list';
import { CasePage } from './pages/case-page';
import { NewCasePage } from './pages/new-case';
import { NoticesPage } from './pages/notices';
import { InboxPage } from './pages/inbox';
import { EquipmentPage } from './pages/equipment';
import { AccidentsPage } from './pages/accidents';
import { RecallsPage } from './pages/recalls';
import { DamagedPage } from './pages/damaged';
import { AccountsPage } from './pages/accounts';
import { AuditPage } from './pages/audit';
import { PasswordPage } from './pages/password';
import { DeskCasesPage } from './pages/desk-cases';

// the desk's charts (ECharts) load with the desk
const DeskPage = lazy(() => import('./pages/desk').then((m) => ({ default: m.DeskPage })));

/** Signed out: the sign-in page at whatever address was asked for (a deep link opens once signed in). */
export function App() {
  const { t } = useLang();
  const current = useSyncExternalStore(session.subscribe, session.get);
  const [resuming, setResuming] = useState(true);
  useEffect(() => {
    void resumeSession().finally(() => setResuming(false));
  }, []);
  if (resuming) return <p className="muted">{t('加载中…', 'loading…')}</p>;
  if (!current) return <SignInPage />;
  return (
    // a new person gets a fresh catalogue (their permissions)
    <CatalogueProvider key={current.user.id}>
      <Layout>
        <Suspense fallback={<p className="muted">{t('加载中…', 'loading…')}</p>}>
          <Routes>
            <Route path="/" element={<Navigate to="/inbox" replace />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/cases" element={<CaseListPage />} />
            <Route path="/cases/:caseId" element={<CasePage />} />
            <Route path="/new" element={<NewCasePage />} />
            <Route path="/notices" element={<NoticesPage />} />
            <Route path="/desk" element={<DeskPage />} />
            <Route path="/desk/cases" element={<DeskCasesPage />} />
            <Route path="/equipment" element={<EquipmentPage />} />
            <Route path="/accidents" element={<AccidentsPage />} />
            <Route path="/recalls" element={<RecallsPage />} />
            <Route path="/damaged" element={<DamagedPage />} />
            <Route path="/accounts" element={<AccountsPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/password" element={<PasswordPage />} />
            <Route path="*" element={<p className="error">{t('没有这个页面', 'no such page')}</p>} />
          </Routes>
        </Suspense>
      </Layout>
    </CatalogueProvider>
  );
}
