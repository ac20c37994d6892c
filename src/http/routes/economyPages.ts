import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { economyDashboardRoutes } from './economyDashboard.tsx';
import { economyReportRoutes } from './economyReports.tsx';
import { economyBudgetRoutes } from './economyBudget.tsx';
import { economyMemberRoutes } from './economyMembers.tsx';
import { economyOutcomeRoutes } from './economyOutcome.tsx';
import { economySettingsRoutes } from './economySettings.tsx';
import { economyProfileRoutes } from './economyProfiles.tsx';
import { economyCorrectionRoutes } from './economyCorrections.tsx';

/** Every economy page (the JSON API is economyApi.ts). One entry in app.tsx's routeModules. */
export const economyPageRoutes: RouteModule = (deps) => {
  const app = new Hono<AppEnv>();
  app.route('/', economyDashboardRoutes(deps));
  app.route('/', economyReportRoutes(deps));
  app.route('/', economyBudgetRoutes(deps));
  app.route('/', economyMemberRoutes(deps));
  app.route('/', economyOutcomeRoutes(deps));
  app.route('/', economySettingsRoutes(deps));
  app.route('/', economyProfileRoutes(deps));
  app.route('/', economyCorrectionRoutes(deps));
  return app;
};
