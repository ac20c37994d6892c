import { combineRoutes } from '../kit/routeModule.ts';
import { interventionRoutes } from './interventionRoutes.tsx';
import { interventionParticipantRoutes } from './participantRoutes.tsx';
import { interventionStatisticsRoutes } from './statisticsRoutes.tsx';
import { interventionApiRoutes } from './apiRoutes.tsx';
import { interventionCorrectionRoutes } from './correctionRoutes.tsx';
import { interventionFollowUpRoutes } from './followUpRoutes.tsx';
import { interventionProgressionRoutes } from './progressionRoutes.tsx';

/** The interventions area: interventions, participants, statistics, their API and corrections. */
export const interventionsArea = combineRoutes([
  interventionRoutes,
  interventionParticipantRoutes,
  interventionStatisticsRoutes,
  interventionApiRoutes,
  interventionCorrectionRoutes,
  interventionFollowUpRoutes,
  interventionProgressionRoutes,
]);
