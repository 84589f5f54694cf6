-- Order approvals from the old one-level table become requests under the built-in default policy (one manager).
-- Reasons were plain text; a licence reason is the only one that speaks of a licence (licence-rule.ts).
INSERT INTO `approval_requests` (`id`, `subject_type`, `subject_id`, `order_id`, `policy_version_id`, `plan`, `reasons`,
  `snapshot`, `snapshot_hash`, `level`, `status`, `level_started_at`, `escalate_at`, `requested_by`, `requested_at`,
  `decided_at`, `comment`)
SELECT a.`id`, 'order', a.`order_id`, a.`order_id`, NULL,
  '{"policyName":"Default: one manager","version":0,"mode":"sequence","levels":[{"role":"manager","userIds":[],"minApprovers":1,"escalateAfterHours":null,"escalateToUserId":null}]}',
  (SELECT json_group_array(json_object('kind', CASE WHEN r.value LIKE '%licence%' THEN 'licence' ELSE 'other' END,
     'message', r.value)) FROM json_each(a.`reasons`) r),
  '{}', '', 1, a.`status`, a.`requested_at`, NULL, a.`requested_by`, a.`requested_at`, a.`decided_at`, a.`comment`
FROM `approvals` a;
--> statement-breakpoint
INSERT INTO `approval_decisions` (`request_id`, `level`, `approver_id`, `on_behalf_of`, `decision`, `comment`, `at`)
SELECT a.`id`, 1, a.`decided_by`, NULL, CASE a.`status` WHEN 'approved' THEN 'approve' ELSE 'reject' END, a.`comment`,
  a.`decided_at`
FROM `approvals` a WHERE a.`status` IN ('approved', 'rejected') AND a.`decided_at` IS NOT NULL;
