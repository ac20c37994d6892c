/** The account rules users are told about: how long a link lasts, how long a password must be, the installation roles. */

/** An invitation link is valid this many days. */
export const invitationDays = 7;
/** A password-reset link is valid this many hours. */
export const resetHours = 24;
/** The shortest password accepted. */
export const minPasswordLength = 12;

/** The roles of the installation as a whole (not of one förbund). */
export type InstallationKind = 'admin' | 'national';
export const installationKindLabels: Readonly<Record<InstallationKind, string>> = { admin: 'Systemadministratör', national: 'Nationell läsare' };
