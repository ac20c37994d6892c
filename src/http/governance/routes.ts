import { combineRoutes } from '../kit/routeModule.ts';
import { auditRoutes } from './auditRoutes.tsx';

/** The governance area: the audit log. */
export const governanceArea = combineRoutes([auditRoutes]);
