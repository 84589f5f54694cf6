import type { companyOperations } from '../../../src-shared/contract/company';
import type { HandlerTable } from '../../api/handler-types';
import { companyReadiness } from './company-readiness';
import { getCompany, updateCompany } from './company-service';

/** The company's own details and how ready it is to trade. Joined with the other parts in api/handlers.ts. */
export const companyHandlers: HandlerTable<keyof typeof companyOperations> = {
  'company.get': (_, ctx) => getCompany(ctx),
  'company.readiness': (_, ctx) => companyReadiness(ctx),
  'company.update': (input, ctx) => updateCompany(ctx, input),
};
