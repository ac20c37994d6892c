import { combineRoutes } from '../kit/routeModule.ts';
import { homeRoutes } from './homeRoutes.tsx';

/** The start page of each role. */
export const homeArea = combineRoutes([homeRoutes]);
