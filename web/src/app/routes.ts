import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Every page is its own chunk, so the public search never downloads the officer console or the chart library. */
export type Area = 'public' | 'trader' | 'officer' | 'traveller';
type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

export interface RouteDef {
  readonly pattern: string;
  readonly area: Area;
  readonly page: Page;
  /** Pages of the portals need a key; without one the sign-in page is shown in their place. */
  readonly signedIn?: boolean;
}

const page = (load: () => Promise<{ default: ComponentType<{ params: Record<string, string> }> }>): Page => lazy(load);

export const ROUTES: readonly RouteDef[] = [
  { pattern: '/', area: 'public', page: page(() => import('../routes/public/SearchPage.tsx')) },
  { pattern: '/tariff/:code9', area: 'public', page: page(() => import('../routes/public/LinePage.tsx')) },
  { pattern: '/estimate', area: 'public', page: page(() => import('../routes/public/EstimatorPage.tsx')) },
  { pattern: '/trader', area: 'trader', signedIn: true, page: page(() => import('../routes/trader/DeclarationsPage.tsx')) },
  { pattern: '/trader/declarations/new', area: 'trader', signedIn: true, page: page(() => import('../routes/trader/NewDeclarationPage.tsx')) },
  { pattern: '/trader/declarations/:id/amend', area: 'trader', signedIn: true, page: page(() => import('../routes/trader/AmendDeclarationPage.tsx')) },
  { pattern: '/trader/declarations/:id', area: 'trader', signedIn: true, page: page(() => import('../routes/trader/DeclarationPage.tsx')) },
  { pattern: '/trader/upload', area: 'trader', signedIn: true, page: page(() => import('../routes/trader/UploadPage.tsx')) },
  { pattern: '/officer', area: 'officer', signedIn: true, page: page(() => import('../routes/officer/QueuePage.tsx')) },
  { pattern: '/officer/declarations/:id', area: 'officer', signedIn: true, page: page(() => import('../routes/officer/OfficerDeclarationPage.tsx')) },
  { pattern: '/officer/rules', area: 'officer', signedIn: true, page: page(() => import('../routes/officer/RulesPage.tsx')) },
  { pattern: '/officer/search-references', area: 'officer', signedIn: true, page: page(() => import('../routes/officer/SearchReferencesPage.tsx')) },
  { pattern: '/officer/exchange-rates', area: 'officer', signedIn: true, page: page(() => import('../routes/officer/ExchangeRatesPage.tsx')) },
  { pattern: '/officer/dashboard', area: 'officer', signedIn: true, page: page(() => import('../routes/officer/DashboardPage.tsx')) },
  { pattern: '/traveller', area: 'traveller', page: page(() => import('../routes/traveller/TravellerPage.tsx')) },
  { pattern: '/gate', area: 'officer', signedIn: true, page: page(() => import('../routes/traveller/GatePage.tsx')) },
];

export const SignInPage = page(() => import('../routes/trader/SignInPage.tsx'));
export const NotFoundPage = page(() => import('./NotFoundPage.tsx'));
