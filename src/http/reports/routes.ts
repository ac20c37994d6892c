import { combineRoutes } from '../kit/routeModule.ts';
import { reportRoutes } from './reportRoutes.tsx';
import { valueRoutes } from './valueRoutes.tsx';
import { finsamRoutes } from './finsamRoutes.tsx';

/** The reports area: annual report, interim report, the board and its meetings with their handlingar. */
export const reportsArea = combineRoutes([reportRoutes, valueRoutes, finsamRoutes]);
