import { combineRoutes } from '../kit/routeModule.ts';
import { economyApiRoutes } from './apiRoutes.ts';
import { economyDashboardRoutes } from './dashboardRoutes.tsx';
import { economyReportRoutes } from './reportRoutes.tsx';
import { economyBudgetRoutes } from './budgetRoutes.tsx';
import { economyMemberRoutes } from './memberRoutes.tsx';
import { economyOutcomeRoutes } from './outcomeRoutes.tsx';
import { economySettingsRoutes } from './settingsRoutes.tsx';
import { economyProfileRoutes } from './profileRoutes.tsx';
import { economyCorrectionRoutes } from './correctionRoutes.tsx';

/** The economy area: its JSON API, then every economy page. */
export const economyArea = combineRoutes([
  economyApiRoutes,
  economyDashboardRoutes,
  economyReportRoutes,
  economyBudgetRoutes,
  economyMemberRoutes,
  economyOutcomeRoutes,
  economySettingsRoutes,
  economyProfileRoutes,
  economyCorrectionRoutes,
]);
