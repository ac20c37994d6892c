import { combineRoutes } from '../kit/routeModule.ts';
import { surveyRoundRoutes } from './roundRoutes.tsx';
import { surveyResultRoutes } from './resultRoutes.tsx';
import { surveySetRoutes } from './setRoutes.tsx';
import { surveyAnswerRoutes } from './answerRoutes.tsx';

/**
 * The surveys area. The kansli's survey pages: question sets, rounds (open link with QR code and poster,
 * single-use codes), paper answers, results with stacked bars beside the table, CSV/XLSX export, groups side by
 * side. Styrelse and revisor read results (surveys:read); everything else needs surveys:manage (kansli).
 * Then the answer pages respondents open (answerRoutes.tsx).
 */
export const surveysArea = combineRoutes([surveyRoundRoutes, surveyResultRoutes, surveySetRoutes, surveyAnswerRoutes]);
