import { combineRoutes } from '../kit/routeModule.ts';
import { auditRoutes } from './auditRoutes.tsx';
import { decisionApiRoutes } from './decisionApiRoutes.ts';
import { applicationRoutes } from './applicationRoutes.tsx';
import { meetingProtocolRoutes } from './meetingProtocolRoutes.tsx';

/** The governance area: the audit log; applications, board meetings, protocols and justering. */
export const governanceArea = combineRoutes([auditRoutes, decisionApiRoutes, applicationRoutes, meetingProtocolRoutes]);
