import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { surveyRoundRoutes } from './roundRoutes.tsx';
import { surveyResultRoutes } from './resultRoutes.tsx';
import { surveySetRoutes } from './setRoutes.tsx';

/**
 * The kansli's survey pages: question sets, rounds (open link with QR code and poster, single-use codes),
 * paper answers, results with stacked bars beside the table, CSV/XLSX export, groups side by side.
 * Styrelse and revisor read results (surveys:read); everything else needs surveys:manage (kansli).
 * The answer pages respondents open are surveyAnswer.tsx.
 */
export const surveyRoutes: RouteModule = (deps) => {
  const app = new Hono<AppEnv>();
  app.route('/', surveyRoundRoutes(deps));
  app.route('/', surveyResultRoutes(deps));
  app.route('/', surveySetRoutes(deps));
  return app;
};
