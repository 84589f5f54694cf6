import { call } from '../api/client';
import { TextField } from '../components/fields';
import { useForm } from '../components/use-form';
import { useSession } from '../stores/session-store';

export function LoginScreen() {
  const { signedIn, companyName } = useSession();
  const form = useForm({ username: '', password: '' });
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
        {form.formError && <div className="form-error" role="alert">{form.formError}</div>}
        <TextField form={form} path="username" label="Username" autoFocus />
        <TextField form={form} path="password" label="Password" type="password" />
        <button className="primary block" type="submit" disabled={form.saving}>
          {form.saving ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
