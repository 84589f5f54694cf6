import { useEffect } from 'react';
import { useSession } from './stores/session-store';
import { AppFrame } from './screens/AppFrame';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';

export function App() {
  const phase = useSession((s) => s.phase);
  const load = useSession((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (phase === 'loading')
    return (
      <main className="auth-page">
        <p className="muted">Opening Stockist…</p>
      </main>
    );
  if (phase === 'setup') return <SetupScreen />;
  if (phase === 'signed-out') return <LoginScreen />;
  return <AppFrame />;
}
