import type { RouteModule } from '../app.tsx';
import { economyDashboardRoutes } from './economyDashboard.tsx';
import { economyReportRoutes } from './economyReports.tsx';
import { economyBudgetRoutes } from './economyBudget.tsx';
import { economyMemberRoutes } from './economyMembers.tsx';
import { economyOutcomeRoutes } from './economyOutcome.tsx';
import { economySettingsRoutes } from './economySettings.tsx';
import { economyProfileRoutes } from './economyProfiles.tsx';
import { economyCorrectionRoutes } from './economyCorrections.tsx';

/** Every economy page (the JSON API is economyApi.ts). One entry in app.tsx's routeModules. */
export const economyPageRoutes: RouteModule = (app, deps) => {
  economyDashboardRoutes(app, deps);
  economyReportRoutes(app, deps);
  economyBudgetRoutes(app, deps);
  economyMemberRoutes(app, deps);
  economyOutcomeRoutes(app, deps);
  economySettingsRoutes(app, deps);
  economyProfileRoutes(app, deps);
  economyCorrectionRoutes(app, deps);
};
