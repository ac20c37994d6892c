/** The closed lists of an application (ansökan om medel): codes stored, Swedish labels shown. */
import { vocabulary } from '../interventions/vocabulary.ts';

/** Individinriktad, strukturinriktad or processtöd, as förbund ask applicants to classify. */
export const ApplicationLevel = vocabulary({ individual: 'Individinriktad', structural: 'Strukturinriktad', process: 'Processtöd' });
export type ApplicationLevel = (typeof ApplicationLevel.codes)[number];

/**
 * The status the applicant sees. Codes are the Swedish words themselves (the API answers `"status": "beviljad"`),
 * because they are the names the applicant and the kansli use.
 */
export const ApplicationStatus = vocabulary({
  utkast: 'Utkast',
  inkommen: 'Inkommen',
  under_beredning: 'Under beredning',
  till_styrelsen: 'Till styrelsen',
  beviljad: 'Beviljad',
  avslagen: 'Avslagen',
  atertagen: 'Återtagen',
});
export type ApplicationStatus = (typeof ApplicationStatus.codes)[number];

/** Cost types of an application's budget (the förbund's usual split). */
export const CostType = vocabulary({
  staff: 'Personal',
  premises: 'Lokaler',
  purchases: 'Köpta tjänster',
  other: 'Övrigt',
});
export type CostType = (typeof CostType.codes)[number];
