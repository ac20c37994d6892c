import { combineRoutes } from '../kit/routeModule.ts';
import { auditRoutes } from './auditRoutes.tsx';
import { decisionApiRoutes } from './decisionApiRoutes.ts';

/** The governance area: the audit log; applications, board meetings, protocols and justering. */
export const governanceArea = combineRoutes([auditRoutes, decisionApiRoutes]);
