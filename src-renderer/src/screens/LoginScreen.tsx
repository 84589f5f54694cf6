import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';
import { TextField } from '../components/fields';
import { useForm } from '../components/use-form';
import { useSession } from '../stores/session-store';
import { LanNotice } from './LanNotice';

export function LoginScreen() {
  const { signedIn, companyName } = useSession();
  const form = useForm({ username: '', password: '' });
  // A demo company lists who to sign in as; a real company never does (the API sends none).
  const [demoUsers, setDemoUsers] = useState<OutputOf<'setup.status'>['demoUsers']>([]);
  useEffect(() => {
    call('setup.status', {}).then(
      (s) => setDemoUsers(s.demoUsers),
      () => undefined,
    );
  }, []);
  const save = () =>
    form.submit(async (values) => {
      const { user } = await call('auth.login', values);
      await signedIn(user);
    });
  return (
    <main className="auth-page">
      <form
        className="auth-card"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h1 className="brand">Stockist</h1>
        <p className="muted">{companyName ? `Sign in to ${companyName}` : 'Sign in'}</p>
        {form.formError && (
          <div className="form-error" role="alert">
            {form.formError}
          </div>
        )}
        <TextField form={form} path="username" label="Username" autoFocus />
        <TextField form={form} path="password" label="Password" type="password" />
        <button className="primary block" type="submit" disabled={form.saving}>
          {form.saving ? 'Signing in…' : 'Sign in'}
        </button>
        <LanNotice />
        {demoUsers.length > 0 && (
          <div className="demo-users" data-testid="demo-users">
            <p className="muted">Demo company: sign in as your administrator, or as</p>
            <table className="plain">
              <tbody>
                {demoUsers.map((u) => (
                  <tr key={u.username}>
                    <td>
                      <code>{u.username}</code>
                    </td>
                    <td>{u.displayName}</td>
                    <td className="muted">{u.role.replace('_', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              Password for all of them: <code>{demoUsers[0]!.password}</code>
            </p>
          </div>
        )}
      </form>
    </main>
  );
}
