import { indiaStates } from '../../../src-shared/india-states';
import { SelectField, TextField } from './fields';
import type { Form } from './use-form';

export const stateOptions = indiaStates.map(([value, label]) => ({ value, label: `${label} (${value})` }));

export function AddressFields<T>({ form, prefix }: { form: Form<T>; prefix: string }) {
  return (
    <div className="grid">
      <TextField form={form} path={`${prefix}.line1`} label="Address line 1" width="wide" />
      <TextField form={form} path={`${prefix}.line2`} label="Address line 2" width="wide" />
      <TextField form={form} path={`${prefix}.area`} label="Area / locality" />
      <TextField form={form} path={`${prefix}.city`} label="City / town" />
      <TextField form={form} path={`${prefix}.district`} label="District" />
      <SelectField
        form={form}
        path={`${prefix}.stateCode`}
        label="State"
        options={stateOptions}
        allowEmpty="Choose a state"
      />
      <TextField form={form} path={`${prefix}.pincode`} label="Pincode" />
    </div>
  );
}
