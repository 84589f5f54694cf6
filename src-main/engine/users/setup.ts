import type { EngineContext } from '../context';
import { conflict } from '../errors';
import { createCompany } from '../company/company-service';
import { seedDemo } from '../demo/seed-demo';
import { seedDemoHistory } from '../demo/seed-demo-history';
import { createUser, login, userCount } from './user-service';

export interface SetupInput {
  companyName: string;
  stateCode: string;
  adminUsername: string;
  adminName: string;
  password: string;
  demo: boolean;
}

/** First run: company, first administrator, optional demo distributor, and a signed-in session. */
export function initialize(ctx: EngineContext, input: SetupInput) {
  if (userCount(ctx) > 0) throw conflict('Stockist is already set up; sign in instead', 'adminUsername');
  createCompany(ctx, { name: input.companyName, stateCode: input.stateCode });
  const admin = createUser(ctx, { username: input.adminUsername, displayName: input.adminName, role: 'admin', password: input.password });
  const actor = { id: admin.id, username: admin.username, displayName: admin.displayName, role: admin.role };
  if (input.demo) {
    seedDemo({ ...ctx, actor });
    seedDemoHistory({ ...ctx, actor });
  }
  return login(ctx, { username: input.adminUsername, password: input.password });
}
