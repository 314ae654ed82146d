import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSessionControl } from './api/session-context';
import { Layout } from './components/layout';
import { Loading } from './components/states';
import { SignInPage } from './pages/sign-in';
import { CatalogPage } from './pages/catalog';
import { ModelPage } from './pages/model';
import { PlaygroundPage } from './playground/playground-page';
import { KeysPage } from './pages/keys';
import { CreditsPage } from './pages/credits';
import { UsagePage } from './pages/usage';
import { ActivityPage } from './pages/activity';
import { GenerationPage } from './pages/generation';
import { LivePage } from './pages/live';
import { OperatorPage } from './pages/operator';
import { NotFoundPage } from './pages/not-found';

export function App() {
  const { session, restoring } = useSessionControl();
  const location = useLocation();
  if (restoring) return <Loading label="Signing in…" />;
  if (!session) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<Navigate to="/catalog" replace />} />
        <Route path="/sign-in" element={<Navigate to={(location.state as { from?: string } | null)?.from ?? '/catalog'} replace />} />
        <Route path="/catalog" element={<CatalogPage />} />
        <Route path="/models/*" element={<ModelPage />} />
        <Route path="/playground" element={<PlaygroundPage />} />
        <Route path="/keys" element={<KeysPage />} />
        <Route path="/credits" element={<CreditsPage />} />
        <Route path="/usage" element={<UsagePage />} />
        <Route path="/activity" element={<ActivityPage />} />
        <Route path="/activity/:id" element={<GenerationPage />} />
        <Route path="/live" element={<LivePage />} />
        <Route path="/operator" element={session.isOperator ? <OperatorPage /> : <NotFoundPage operatorOnly />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
