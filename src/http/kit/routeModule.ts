import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import type { AppEnv } from '../context.ts';

export interface AppDeps {
  readonly db: Database;
}

/**
 * An area of the system: a Hono sub-app holding its pages and API endpoints, built from the app's dependencies.
 * createApp mounts each area's `routes.ts` with `app.route('/', …)`; the sub-apps register full paths (an area
 * spans /f/…, /api/…), add no middleware of their own (a sub-app's `use` would reach every later area) and leave
 * errors to the app's onError.
 */
export type RouteModule = (deps: AppDeps) => Hono<AppEnv>;

/** One route module of several, mounted in list order, which is the order of route matching. */
export function combineRoutes(modules: readonly RouteModule[]): RouteModule {
  return (deps) => {
    const app = new Hono<AppEnv>();
    for (const module of modules) app.route('/', module(deps));
    return app;
  };
}
