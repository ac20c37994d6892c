import { combineRoutes } from '../kit/routeModule.ts';
import { registryRoutes } from './registryRoutes.tsx';
import { planRoutes } from './planRoutes.tsx';
import { internalControlRoutes } from './internalControlRoutes.tsx';
import { accessibilityRoutes } from './accessibilityRoutes.tsx';

/** A public authority's duties: the registry (diarium), the document management plan, internal control, accessibility. */
export const recordsArea = combineRoutes([registryRoutes, planRoutes, internalControlRoutes, accessibilityRoutes]);
