import type { ApprovalSubject, approvalPolicyInput } from '../../../src-shared/contract/approvals';
import type { z } from 'zod';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { notFound } from '../errors';
import type { PolicyVersion } from './approval-policy-rule';

interface VersionRow {
  policyId: number;
  subject: ApprovalSubject;
  versionId: number;
  version: number;
  name: string;
  active: number;
  priority: number;
  mode: 'sequence' | 'parallel';
  conditions: string;
  levels: string;
  createdAt: string;
  createdBy: string;
}

const VERSION_SQL = `SELECT p.id AS policyId, p.subject, v.id AS versionId, v.version, v.name, v.active, v.priority, v.mode,
       v.conditions, v.levels, v.created_at AS createdAt, coalesce(u.display_name, '') AS createdBy
FROM approval_policies p JOIN approval_policy_versions v ON v.policy_id = p.id LEFT JOIN users u ON u.id = v.created_by`;

const parse = (r: VersionRow) => ({
  ...r,
  active: r.active === 1,
  conditions: JSON.parse(r.conditions) as PolicyVersion['conditions'],
  levels: JSON.parse(r.levels) as PolicyVersion['levels'],
});

/** The current version of every policy of these subjects: what a new request is matched against. */
export function currentPolicies(ctx: EngineContext, subjects: ApprovalSubject[]): PolicyVersion[] {
  const rows = ctx.ledger.sqlite
    .prepare(`${VERSION_SQL} WHERE v.version = p.version AND p.subject IN (${subjects.map(() => '?').join(', ')})`)
    .all(...subjects) as VersionRow[];
  return rows.map(parse);
}

/** Every policy for the editor: the current version on top, older ones as history, and how many requests wait. */
export function listPolicies(ctx: EngineContext, subject: ApprovalSubject | null) {
  const { sqlite } = ctx.ledger;
  const rows = (
    sqlite
      .prepare(`${VERSION_SQL} ${subject ? 'WHERE p.subject = ?' : ''} ORDER BY p.subject, p.id, v.version DESC`)
      .all(...(subject ? [subject] : [])) as VersionRow[]
  ).map(parse);
  const inFlight = sqlite.prepare(
    `SELECT count(*) AS n FROM approval_requests r JOIN approval_policy_versions v ON v.id = r.policy_version_id
     WHERE v.policy_id = ? AND r.status = 'pending'`,
  );
  const byPolicy = new Map<number, ReturnType<typeof parse>[]>();
  for (const r of rows) byPolicy.set(r.policyId, [...(byPolicy.get(r.policyId) ?? []), r]);
  return [...byPolicy.values()].map(([current, ...history]) => {
    const { policyId, subject: s, ...version } = current!;
    return {
      ...version,
      id: policyId,
      subject: s,
      history: history.map(({ policyId: _p, subject: _s, ...v }) => v),
      inFlight: (inFlight.get(policyId) as { n: number }).n,
    };
  });
}

/**
 * Saves a policy as a new version. The old versions stay, so a request in flight still reads the levels it
 * started with (it holds a copy in its plan, and its version id for the history).
 */
export function savePolicy(ctx: EngineContext, input: z.output<typeof approvalPolicyInput>) {
  const { sqlite } = ctx.ledger;
  const now = ctx.now().toISOString();
  let policyId = input.id;
  let version = 1;
  if (policyId === null) {
    policyId = Number(
      sqlite
        .prepare('INSERT INTO approval_policies (subject, version, created_at) VALUES (?, 1, ?)')
        .run(input.subject, now).lastInsertRowid,
    );
  } else {
    const row = sqlite.prepare('SELECT version, subject FROM approval_policies WHERE id = ?').get(policyId) as
      { version: number; subject: string } | undefined;
    if (!row) throw notFound(`Approval policy ${policyId}`, 'id');
    version = row.version + 1;
    sqlite
      .prepare('UPDATE approval_policies SET version = ?, subject = ? WHERE id = ?')
      .run(version, input.subject, policyId);
  }
  sqlite
    .prepare(
      `INSERT INTO approval_policy_versions (policy_id, version, name, active, priority, conditions, mode, levels, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      policyId,
      version,
      input.name,
      input.active ? 1 : 0,
      input.priority,
      JSON.stringify(input.conditions),
      input.mode,
      JSON.stringify(input.levels),
      now,
      ctx.actor?.id ?? null,
    );
  recordAudit(ctx, version === 1 ? 'create' : 'update', 'approval_policy', policyId, { version, ...input });
  return listPolicies(ctx, input.subject).find((p) => p.id === policyId)!;
}
