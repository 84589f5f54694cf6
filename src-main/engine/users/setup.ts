import type { EngineContext } from '../context';
import { conflict } from '../errors';
import { createCompany } from '../company/company-service';
import { seedDemo } from '../demo/seed-demo';
import { seedDemoHistory } from '../demo/seed-demo-history';
import { seedDemoPricing } from '../demo/seed-demo-pricing';
import { checkGstinState } from '../customers/customer-rules';
import { createUser, login, userCount } from './user-service';

export interface SetupInput {
  companyName: string;
  stateCode: string;
  /** optional at setup, but a tax invoice needs them: billing warns until they are filled in */
  gstin?: string;
  addressLine1?: string;
  city?: string;
  pincode?: string;
  adminUsername: string;
  adminName: string;
  password: string;
  demo: boolean;
}

/** First run: company, first administrator, optional demo distributor, and a signed-in session. */
export function initialize(ctx: EngineContext, input: SetupInput) {
  if (userCount(ctx) > 0) throw conflict('Stockist is already set up; sign in instead', 'adminUsername');
  checkGstinState(input.gstin ?? '', input.stateCode, 'gstin');
  createCompany(ctx, {
    name: input.companyName,
    stateCode: input.stateCode,
    gstin: input.gstin ?? '',
    addressLine1: input.addressLine1 ?? '',
    city: input.city ?? '',
    pincode: input.pincode ?? '',
  });
  const admin = createUser(ctx, {
    username: input.adminUsername,
    displayName: input.adminName,
    role: 'admin',
    password: input.password,
  });
  const actor = { id: admin.id, username: admin.username, displayName: admin.displayName, role: admin.role };
  if (input.demo) {
    seedDemo({ ...ctx, actor });
    seedDemoHistory({ ...ctx, actor });
    seedDemoPricing({ ...ctx, actor });
  }
  return login(ctx, { username: input.adminUsername, password: input.password });
}
