import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import * as sync from '../../src-shared/sync';

/** docs/SYNC.md: the protocol prose (protocol.md) followed by a JSON Schema for every message, event type
 * and master type, generated from the zod schemas the app and the reference HQ both use. */

function schemaBlock(title: string, schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  delete (json as Record<string, unknown>).$schema;
  return `### ${title}\n\n${schema.description ?? ''}\n\n\`\`\`json\n${JSON.stringify(json, null, 2)}\n\`\`\`\n`;
}

export function renderSyncDocs(): string {
  const prose = fs.readFileSync(path.join(__dirname, 'protocol.md'), 'utf8').trimEnd();
  const messages: Array<[string, z.ZodType]> = [
    ['EnrolRequest', sync.enrolRequest],
    ['EnrolResponse', sync.enrolResponse],
    ['PushRequest', sync.pushRequest],
    ['EventEnvelope', sync.eventEnvelope],
    ['PushResponse', sync.pushResponse],
    ['PullRequest', sync.pullRequest],
    ['PullResponse', sync.pullResponse],
    ['ControlTotalsRequest', sync.controlTotalsRequest],
    ['ControlTotalsResponse', sync.controlTotalsResponse],
    ['SyncError', sync.syncError],
  ];
  const parts = [
    prose,
    '\n\n## 10.1 Messages\n',
    ...messages.map(([t, s]) => schemaBlock(t, s)),
    '\n## 10.2 Events (envelope with the payload of each type)\n',
    ...sync.eventTypes.map((t) =>
      schemaBlock(`${t} (schemaVersion ${sync.eventSchemaVersions[t]})`, sync.typedEvent(t)),
    ),
    '\n## 10.3 Master items (as they appear in PullResponse.items)\n',
    ...sync.masterTypes.map((t) => schemaBlock(t, sync.masterItemOf(t))),
  ];
  return `${parts.join('\n').trimEnd()}\n`;
}
