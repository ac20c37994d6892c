import { combineRoutes } from '../kit/routeModule.ts';
import { outboxRoutes } from './outboxRoutes.tsx';

/** E-mail: the förbund's outbox (sent and failed messages, resend) and its reminder settings. */
export const mailArea = combineRoutes([outboxRoutes]);
