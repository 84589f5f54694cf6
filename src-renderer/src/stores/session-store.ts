import { create } from 'zustand';
import type { OutputOf } from '../../../src-shared/contract';
import type { Permission } from '../../../src-shared/permissions';
import { call, whenSignedOut } from '../api/client';

type User = NonNullable<OutputOf<'auth.me'>>;
type Company = OutputOf<'company.get'>;

interface SessionState {
  phase: 'loading' | 'setup' | 'signed-out' | 'signed-in';
  user: User | null;
  company: Company | null;
  companyName: string;
  load(): Promise<void>;
  signedIn(user: User): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
  setCompany(company: Company): void;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  user: null,
  company: null,
  companyName: '',
  async load() {
    const status = await call('setup.status', {});
    if (status.needsSetup) return set({ phase: 'setup' });
    const user = await call('auth.me', {});
    if (!user) return set({ phase: 'signed-out', companyName: status.companyName });
    await get().signedIn(user);
  },
  async signedIn(user) {
    const company = await call('company.get', {});
    set({ phase: 'signed-in', user, company, companyName: company.name });
  },
  async signOut() {
    await call('auth.logout', {}).catch(() => undefined);
    set({ phase: 'signed-out', user: null });
  },
  can(permission) {
    return get().user?.permissions.includes(permission) ?? false;
  },
  setCompany(company) {
    set({ company, companyName: company.name });
  },
}));

whenSignedOut(() => {
  if (useSession.getState().phase === 'signed-in') useSession.setState({ phase: 'signed-out', user: null });
});
