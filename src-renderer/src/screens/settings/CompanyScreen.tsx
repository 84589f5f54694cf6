import type { InputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { stateOptions } from '../../components/AddressFields';
import { IntField, MoneyField, SelectField, TextField } from '../../components/fields';
import { AllocationSettings } from './AllocationSettings';
import { EinvoiceSetting } from './EinvoiceSetting';
import { BusinessCalendarSettings } from './BusinessCalendarSettings';
import { TransportersSettings } from './TransportersSettings';
import { useForm } from '../../components/use-form';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

const invoiceFlowOptions = [
  { value: 'with_delivery_note', label: 'With the delivery note (one step)' },
  { value: 'before_dispatch', label: 'Separately, before dispatch' },
];

const marginPolicyOptions = [
  { value: 'approval', label: 'A manager approves it' },
  { value: 'warn', label: 'Warn the clerk only' },
  { value: 'off', label: 'Say nothing' },
];

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function CompanyScreen() {
  const company = useSession((s) => s.company)!;
  const setCompany = useSession((s) => s.setCompany);
  const canWrite = useSession((s) => s.can('company.write'));
  const form = useForm<InputOf<'company.update'>>(company);
  const save = () =>
    form.submit(async (values) => {
      const saved = await call('company.update', values);
      setCompany(saved);
      form.reset(saved);
      toast.ok('Company profile saved');
    });
  useHotkeys({ 'ctrl+s': () => canWrite && void save() });

  return (
    <section className="screen narrow">
      <header className="screen-head">
        <h1>Company</h1>
        <p className="muted">Printed on every delivery note and invoice.</p>
      </header>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {form.formError && (
          <div className="form-error" role="alert">
            {form.formError}
          </div>
        )}
        <fieldset disabled={!canWrite}>
          <div className="grid">
            <TextField form={form} path="name" label="Company name" width="wide" />
            <TextField form={form} path="addressLine1" label="Address line 1" width="wide" />
            <TextField form={form} path="addressLine2" label="Address line 2" width="wide" />
            <TextField form={form} path="city" label="City" />
            <SelectField form={form} path="stateCode" label="State" options={stateOptions} />
            <TextField form={form} path="pincode" label="Pincode" />
            <TextField form={form} path="gstin" label="GSTIN" upper />
            <TextField form={form} path="phone" label="Phone" />
            <TextField form={form} path="email" label="Email" />
            <TextField form={form} path="currency" label="Currency" upper />
            <TextField form={form} path="locale" label="Locale" hint="en-IN groups digits as 1,00,000.00" />
            <SelectField
              form={form}
              path="financialYearStartMonth"
              label="Financial year starts"
              numeric
              options={months.map((m, i) => ({ value: String(i + 1), label: m }))}
            />
            <TextField
              form={form}
              path="timeZone"
              label="Time zone"
              hint="Decides today's date, document dates and the financial year"
            />
            <IntField
              form={form}
              path="discountApprovalBps"
              label="Clerk discount limit (basis points)"
              hint="500 = 5%; above this a manager approves"
            />
            <IntField
              form={form}
              path="invoiceCancelDays"
              label="Invoice cancel window (days)"
              hint="An unpaid invoice can be cancelled this many days after its date; later, issue a credit note"
            />
            <SelectField
              form={form}
              path="invoiceFlow"
              label="Raise the tax invoice"
              options={invoiceFlowOptions}
              hint="GST wants the invoice when goods leave: a vehicle never leaves with an uninvoiced delivery note"
            />
            <SelectField
              form={form}
              path="marginPolicy"
              label="A bill sold below cost"
              options={marginPolicyOptions}
              hint="Negative margin at moving-average cost; a clerk is told only that it needs a manager, never the cost"
            />
            <SelectField
              form={form}
              path="licencePolicy"
              label="A licensed product to a buyer without a valid licence"
              options={[
                { value: 'block', label: 'Refuse the order and the invoice' },
                { value: 'approval', label: 'A manager approves it' },
              ]}
              hint="Drug licence (20B/21B) or FSSAI, as the product asks; checked at the order and again on the invoice date"
            />
            <MoneyField
              form={form}
              path="ewayBillThreshold"
              label="E-way bill above (₹)"
              hint="A consignment worth more than this (invoice value incl. tax) needs an e-way bill number at dispatch"
            />
            <SelectField
              form={form}
              path="freightGstRateBps"
              label="GST on freight billed"
              numeric
              options={[0, 500, 1200, 1800, 2800, 4000].map((bps) => ({ value: String(bps), label: `${bps / 100}%` }))}
              hint="Freight charged on the invoice under FOR-destination terms (SAC 996511)"
            />
          </div>
          {canWrite && (
            <button className="primary" type="submit" disabled={form.saving}>
              Save <kbd>Ctrl+S</kbd>
            </button>
          )}
        </fieldset>
      </form>
      <AllocationSettings />
      <EinvoiceSetting />
      <BusinessCalendarSettings />
      <TransportersSettings />
    </section>
  );
}
