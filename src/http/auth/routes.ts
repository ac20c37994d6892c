import { combineRoutes } from '../kit/routeModule.ts';
import { authRoutes } from './authRoutes.tsx';
import { authOidcRoutes } from './oidcRoutes.tsx';
import { authUserRoutes } from './userRoutes.tsx';
import { authAdminRoutes } from './adminRoutes.tsx';
import { accountLinkRoutes } from './accountLinkRoutes.tsx';
import { secondFactorRoutes } from './secondFactorRoutes.tsx';

/** The auth area: sign-in (password, OpenID Connect, second factor), users and invitations, administration, account links. */
export const authArea = combineRoutes([authRoutes, authOidcRoutes, authUserRoutes, authAdminRoutes, accountLinkRoutes, secondFactorRoutes]);
