import { combineRoutes } from '../kit/routeModule.ts';
import { ledgerRoutes } from './importRoutes.tsx';
import { ledgerStatementRoutes } from './statementRoutes.tsx';
import { ledgerMappingRoutes } from './mappingRoutes.tsx';

/** The ledger area: SIE import and history, the statements, the mapping of accounts to budget lines. */
export const ledgerArea = combineRoutes([ledgerRoutes, ledgerStatementRoutes, ledgerMappingRoutes]);
