import { approvalSubjects } from '../../../../src-shared/contract/approvals';
import { roleLabels, type Role } from '../../../../src-shared/permissions';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { businessTime } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';
import { PolicyInput, PolicyLevelsEditor, type Approver } from './PolicyLevelsEditor';
import {
  conditionsSummary,
  levelsSummary,
  subjectLabels,
  toInput,
  type Policy,
  type PolicyValues,
} from './policy-form';

/**
 * One policy in a side panel: what it applies to, its conditions and its levels. Saving writes a new
 * version; requests already waiting keep the version they started with, and the panel says how many do.
 */
export function ApprovalPolicyEditor({
  initial,
  policy,
  approvers,
  onClose,
  onSaved,
}: {
  initial: PolicyValues;
  policy: Policy | null;
  approvers: Approver[];
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm<PolicyValues>(initial);
  const names = new Map(approvers.map((a) => [a.id, a.name]));
  const save = () =>
    form.submit(async (values) => {
      const { input, problems } = toInput(values);
      const bad = Object.entries(problems);
      if (bad.length) {
        for (const [path, message] of bad) form.setError(path, message);
        document.querySelector<HTMLElement>(`[name="${CSS.escape(bad[0]![0])}"]`)?.focus();
        return;
      }
      // A save without a change would only add a version that says nothing new.
      if (policy && JSON.stringify(input) === JSON.stringify(toInput(initial).input)) {
        toast.ok('Nothing changed: no new version');
        onClose();
        return;
      }
      const saved = await call('approvalPolicies.save', input);
      toast.ok(`Saved ${saved.name} as version ${saved.version}`);
      onSaved();
    });
  return (
    <Drawer
      title={policy ? `Approval policy: ${policy.name}` : 'New approval policy'}
      onClose={onClose}
      onSave={save}
      saving={form.saving}
    >
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      {policy && (
        <p className="muted" aria-label="Current version">
          Version {policy.version}, saved by {policy.createdBy || 'someone'} on {businessTime(policy.createdAt)}
          {policy.history.length > 0 ? ` · ${policy.history.length} older version(s) at the bottom` : ''}. Saving makes
          version {policy.version + 1}.
        </p>
      )}
      {policy && policy.inFlight > 0 && (
        <p className="notice" role="note">
          {policy.inFlight} request(s) are waiting under this policy. They keep version {policy.version} (or the one
          they started with); your change applies to new requests only.
        </p>
      )}
      <div className="grid">
        <TextField form={form} path="name" label="Policy name" width="wide" autoFocus />
        <SelectField
          form={form}
          path="subject"
          label="Applies to"
          options={approvalSubjects.map((s) => ({ value: s, label: subjectLabels[s] }))}
        />
        <SelectField
          form={form}
          path="mode"
          label="Levels run"
          options={[
            { value: 'sequence', label: 'In sequence, one by one' },
            { value: 'parallel', label: 'In parallel, all at once' },
          ]}
        />
        <PolicyInput form={form} path="priority" label="Priority" hint="Lower wins when two policies match" />
        <CheckField form={form} path="active" label="Active (used for new requests)" />
      </div>
      <fieldset aria-label="Conditions">
        <legend>
          Conditions <span className="muted">(all must hold; leave empty for any)</span>
        </legend>
        <div className="grid">
          <PolicyInput form={form} path="conditions.amountMin" label="Amount from (₹)" placeholder="any" />
          <PolicyInput form={form} path="conditions.amountMax" label="Amount up to (₹)" placeholder="any" />
          <PolicyInput
            form={form}
            path="conditions.customerTypes"
            label="Customer types"
            placeholder="any"
            hint="Codes, comma-separated"
          />
          <PolicyInput
            form={form}
            path="conditions.regions"
            label="Regions"
            placeholder="anywhere"
            hint="State codes or districts"
          />
          <PolicyInput form={form} path="conditions.discountBpsMin" label="Discount at least (%)" placeholder="any" />
          <PolicyInput form={form} path="conditions.marginBpsMax" label="Margin at most (%)" placeholder="any" />
        </div>
      </fieldset>
      <PolicyLevelsEditor form={form} approvers={approvers} />
      {policy && (
        <section aria-label="Version history" className="policy-history">
          <h3>Versions</h3>
          <ol reversed>
            {[policy, ...policy.history].map((v) => (
              <li key={v.versionId}>
                <strong>
                  v{v.version}
                  {v.version === policy.version ? ' (current)' : ''}
                </strong>{' '}
                {v.name} · {v.active ? '' : 'inactive · '}
                {levelsSummary(v, names, (r) => roleLabels[r as Role])} · {conditionsSummary(v.conditions)}{' '}
                <span className="muted">
                  {v.createdBy || 'someone'}, {businessTime(v.createdAt)}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </Drawer>
  );
}
