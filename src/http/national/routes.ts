import { combineRoutes } from '../kit/routeModule.ts';
import { nationalRoutes } from './nationalRoutes.tsx';

/** The national view: statistics and economy across förbund, the state allocation. */
export const nationalArea = combineRoutes([nationalRoutes]);
