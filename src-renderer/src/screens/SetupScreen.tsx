import { call } from '../api/client';
import { stateOptions } from '../components/AddressFields';
import { CheckField, SelectField, TextField } from '../components/fields';
import { useForm } from '../components/use-form';
import { useSession } from '../stores/session-store';

/** First run: name the company, create the administrator, and optionally load a demo distributor. */
export function SetupScreen() {
  const signedIn = useSession((s) => s.signedIn);
  const form = useForm({
    companyName: '',
    stateCode: '27',
    gstin: '',
    addressLine1: '',
    city: '',
    pincode: '',
    adminName: '',
    adminUsername: 'admin',
    password: '',
    demo: true,
  });
  const save = () =>
    form.submit(async (values) => {
      const { user } = await call('setup.initialize', values);
      await signedIn(user);
    });
  return (
    <main className="auth-page">
      <form
        className="auth-card wide"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h1 className="brand">Stockist</h1>
        <p className="muted">Welcome. Set up your company and the first administrator.</p>
        {form.formError && (
          <div className="form-error" role="alert">
            {form.formError}
          </div>
        )}
        <div className="grid">
          <TextField form={form} path="companyName" label="Company name" width="wide" autoFocus />
          <SelectField form={form} path="stateCode" label="State" options={stateOptions} />
          <TextField
            form={form}
            path="gstin"
            label="GSTIN"
            upper
            hint="Printed on every tax invoice; you can add it later in Settings"
          />
          <TextField form={form} path="addressLine1" label="Address" width="wide" />
          <TextField form={form} path="city" label="City" />
          <TextField form={form} path="pincode" label="Pincode" />
          <TextField form={form} path="adminName" label="Your name" />
          <TextField form={form} path="adminUsername" label="Username" />
          <TextField form={form} path="password" label="Password (8+ characters)" type="password" />
        </div>
        <CheckField
          form={form}
          path="demo"
          label="Load a demo distributor (3 warehouses, 62 customers, 300 products, six weeks of orders) to try things out"
        />
        <button className="primary block" type="submit" disabled={form.saving}>
          {form.saving ? 'Setting up…' : 'Create company and sign in'}
        </button>
      </form>
    </main>
  );
}
