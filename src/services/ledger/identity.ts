import { InputError, type InputProblem } from '../../core/errors.ts';
import { organisationDigits, parseOrganisationNumber } from '../../core/input/index.ts';
import type { Queryable } from '../../db/database.ts';
import { getFederation } from '../federations/federations.ts';

/** Who the file says it is: its #FNAMN and #ORGNR. */
export interface FileIdentity {
  readonly company: string | null;
  readonly organisationNumber: string | null;
}

/**
 * The file names another organisation number than the förbund has (none stored yet): the kansli must confirm
 * that these are the förbund's books before anything is imported. Carries what the page shows for the question.
 */
export class OrganisationConfirmationNeeded extends InputError {
  constructor(
    problem: InputProblem,
    readonly company: string | null,
    readonly organisationNumber: string,
  ) {
    super(problem);
    this.name = 'OrganisationConfirmationNeeded';
  }
}

export interface IdentityDecision {
  /** Store this as the förbund's organisation number (when it had none). */
  readonly adoptOrganisationNumber: string | null;
}

const nameKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Is the file the förbund's own books? (issue 29, defect 7)
 * - #ORGNR equal to the förbund's stored number, or no #ORGNR and #FNAMN equal to the förbund's name (or to
 *   the company of an earlier import): imported.
 * - The förbund has no number stored and the file names one: refused with OrganisationConfirmationNeeded
 *   until the kansli confirms it (`confirmedOrganisationNumber`, which must equal the file's #ORGNR); the
 *   number is then stored. A förbund created by this very import takes the file's number at once.
 * - Another number than the förbund's, or no #ORGNR and another name: refused, unless confirmed as a
 *   predecessor's books (the förbund then keeps its own number).
 * A personnummer as #ORGNR never gets here: the validator refuses it.
 */
export async function decideIdentity(
  tx: Queryable,
  federationId: number,
  file: FileIdentity,
  fileName: string,
  opts: { created: boolean; predecessor: boolean; confirmedOrganisationNumber: string | null },
): Promise<IdentityDecision> {
  const none: IdentityDecision = { adoptOrganisationNumber: null };
  const f = await getFederation(tx, federationId);
  const fileOrg = organisationDigits(file.organisationNumber);
  const ownOrg = organisationDigits(f.organisationNumber);
  const company = file.company ?? 'företagsnamn saknas';
  const refuse = (field: string, message: string): never => {
    throw new InputError({ file: fileName, field, message });
  };
  const predecessorHint = 'Är det en föregångares bokföring (t.ex. ett förbund som gått upp i detta), bekräfta det uttryckligen vid inläsningen.';
  if (opts.confirmedOrganisationNumber !== null) {
    const confirmed = organisationDigits(opts.confirmedOrganisationNumber);
    if (!fileOrg || confirmed !== fileOrg) {
      refuse('organisationsnummer', `Det bekräftade organisationsnumret ${opts.confirmedOrganisationNumber} är inte filens (#ORGNR ${file.organisationNumber ?? 'saknas'}). Filen läses inte in.`);
    }
  }
  if (opts.predecessor) return none;
  if (fileOrg && ownOrg) {
    if (fileOrg === ownOrg) return none;
    return refuse('#ORGNR', `Filen gäller organisationsnummer ${file.organisationNumber} (${company}), men förbundets är ${f.organisationNumber}. Filen läses inte in. ${predecessorHint}`);
  }
  // A placeholder that is no legal person's number (000000-0000, a wrong check digit) identifies no one: the
  // file is then judged by its #FNAMN, as one without #ORGNR.
  const adopt = fileOrg ? parseOrganisationNumber(fileOrg) : null;
  if (adopt?.ok) {
    const [owner] = await tx.query<{ name: string }>('select name from federation where organisation_number = $1 and id <> $2', [adopt.value, federationId]);
    if (owner) return refuse('#ORGNR', `Filen gäller organisationsnummer ${adopt.value}, som är ${owner.name}s. Filen läses inte in. ${predecessorHint}`);
    if (opts.created || opts.confirmedOrganisationNumber !== null) return { adoptOrganisationNumber: adopt.value };
    throw new OrganisationConfirmationNeeded(
      {
        file: fileName,
        field: '#ORGNR',
        message: `Filen gäller ${company}, organisationsnummer ${adopt.value}. Förbundet har inget organisationsnummer sparat: bekräfta att det är förbundets egen bokföring, så läses filen in och numret sparas som förbundets.`,
      },
      file.company,
      adopt.value,
    );
  }
  if (opts.created) return none;
  const invalidNumber = adopt && !adopt.ok ? `Filens organisationsnummer ${file.organisationNumber} gäller inte: ${adopt.message} ` : '';
  if (file.company) {
    const earlier = await tx.query<{ name: string }>('select distinct company_name as name from ledger_import where federation_id = $1 and company_name is not null and not predecessor', [federationId]);
    const known = new Set([f.name, ...earlier.map((e) => e.name)].map(nameKey));
    if (known.has(nameKey(file.company))) return none;
  }
  return refuse(
    file.company ? '#FNAMN' : '#ORGNR',
    `${invalidNumber}Filen anger inget giltigt organisationsnummer (#ORGNR), och ${file.company ? `företagsnamnet (#FNAMN) "${file.company}" är inte förbundets namn "${f.name}"` : 'inget företagsnamn (#FNAMN)'}. Filen läses inte in. Exportera filen med organisationsnumret ifyllt i bokföringsprogrammets företagsuppgifter. ${predecessorHint}`,
  );
}
