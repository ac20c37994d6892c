import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { economyDashboardRoutes } from './dashboardRoutes.tsx';
import { economyReportRoutes } from './reportRoutes.tsx';
import { economyBudgetRoutes } from './budgetRoutes.tsx';
import { economyMemberRoutes } from './memberRoutes.tsx';
import { economyOutcomeRoutes } from './outcomeRoutes.tsx';
import { economySettingsRoutes } from './settingsRoutes.tsx';
import { economyProfileRoutes } from './profileRoutes.tsx';
import { economyCorrectionRoutes } from './correctionRoutes.tsx';

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
