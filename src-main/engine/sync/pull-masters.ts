import type { EngineContext } from '../context';
import { applyMasterItem } from './apply-masters';
import type { SyncClient } from './sync-client';
import { syncSettings, updateSyncSettings } from './sync-settings';

export interface PullOutcome {
  pages: number;
  items: number;
}

/**
 * Pull: pages of masters by cursor. The page is fetched with no transaction open; then the whole
 * page and the new cursor are written in one transaction, so a page is applied entirely or not at
 * all, and a page whose answer was lost is simply asked for again.
 */
export async function pullMasters(ctx: EngineContext, client: SyncClient, limit?: number): Promise<PullOutcome> {
  const outcome: PullOutcome = { pages: 0, items: 0 };
  for (;;) {
    const cursor = syncSettings(ctx).pullCursor;
    const page = await client.pull(cursor, limit);
    ctx.ledger.sqlite.transaction(() => {
      for (const item of page.items) applyMasterItem(ctx, item);
      updateSyncSettings(ctx, { pullCursor: page.nextCursor, lastPullAt: ctx.now().toISOString() });
    })();
    outcome.pages++;
    outcome.items += page.items.length;
    if (!page.hasMore || page.items.length === 0) return outcome;
  }
}
