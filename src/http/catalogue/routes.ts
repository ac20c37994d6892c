import { combineRoutes } from '../kit/routeModule.ts';
import { catalogueRoutes } from './catalogueRoutes.tsx';

/** The catalogue of interventions: the kansli's pages and the public ones. */
export const catalogueArea = combineRoutes([catalogueRoutes]);
