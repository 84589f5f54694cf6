import { useEffect, useState } from 'react';
import { approvalSubjects, type ApprovalSubject } from '../../../../src-shared/contract/approvals';
import { roleCan, roleLabels, type Role } from '../../../../src-shared/permissions';
import { call } from '../../api/client';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { ApprovalPolicyEditor } from './ApprovalPolicyEditor';
import type { Approver } from './PolicyLevelsEditor';
import {
  conditionsSummary,
  levelsSummary,
  subjectLabels,
  toValues,
  type Policy,
  type PolicyValues,
} from './policy-form';

/**
 * Who approves what: the policies per subject, each with its levels and conditions in words. Enter (or a click)
 * opens one to edit; Alt+N starts a new one for the subject shown. With no policy a request needs one manager.
 */
export function ApprovalPoliciesScreen() {
  const canWrite = useSession((s) => s.can('users.write'));
  const [subject, setSubject] = useState<ApprovalSubject | ''>('');
  const [rows, setRows] = useState<Policy[]>([]);
  const [approvers, setApprovers] = useState<Approver[]>([]);
  const [editing, setEditing] = useState<{ values: PolicyValues; policy: Policy | null } | null>(null);
  const reload = () => void call('approvalPolicies.list', { subject: subject || null }).then(setRows);
  useEffect(reload, [subject]);
  useEffect(() => {
    void call('users.list', {}).then((users) =>
      setApprovers(
        users
          .filter((u) => u.active && roleCan(u.role, 'orders.approve'))
          .map((u) => ({ id: u.id, name: `${u.displayName} (${roleLabels[u.role]})` })),
      ),
    );
  }, []);
  const startNew = () => canWrite && setEditing({ values: toValues(null, subject || 'order'), policy: null });
  useHotkeys({ 'alt+n': startNew }, editing === null);
  const names = new Map(approvers.map((a) => [a.id, a.name]));
  const open = (p: Policy) => canWrite && setEditing({ values: toValues(p, p.subject), policy: p });

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Approval policies</h1>
        <div className="toolbar">
          <select
            aria-label="Show policies for"
            value={subject}
            onChange={(e) => setSubject(e.target.value as ApprovalSubject | '')}
          >
            <option value="">Every subject</option>
            {approvalSubjects.map((s) => (
              <option key={s} value={s}>
                {subjectLabels[s]}
              </option>
            ))}
          </select>
          {canWrite && (
            <button className="primary" onClick={startNew}>
              New policy <kbd>Alt+N</kbd>
            </button>
          )}
        </div>
      </header>
      <p className="muted">
        A request follows the matching policy with the most levels (then the lowest priority number); when none matches,
        one manager approves. Editing a policy makes a new version: requests already waiting keep theirs.
      </p>
      {rows.length === 0 ? (
        <p className="muted">No policy{subject ? ` for ${subjectLabels[subject].toLowerCase()}` : ''} yet.</p>
      ) : (
        <table className="plain" aria-label="Approval policies">
          <thead>
            <tr>
              <th>Applies to</th>
              <th>Policy</th>
              <th>When</th>
              <th>Who approves</th>
              <th className="right">Waiting</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr
                key={p.id}
                tabIndex={0}
                aria-label={`Policy ${p.name}`}
                onClick={() => open(p)}
                onKeyDown={(e) => {
                  // The Enter must not also reach the editor's form as it opens (it would save a copy at once).
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  open(p);
                }}
              >
                <td>{subjectLabels[p.subject]}</td>
                <td>
                  {p.name} <span className="muted">v{p.version}</span>
                  {!p.active && <span className="pill blocked">Inactive</span>}
                </td>
                <td>{conditionsSummary(p.conditions)}</td>
                <td>{levelsSummary(p, names, (r) => roleLabels[r as Role])}</td>
                <td className="num">{p.inFlight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <ApprovalPolicyEditor
          initial={editing.values}
          policy={editing.policy}
          approvers={approvers}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
