export type MemberKind = 'state_fk' | 'state_af' | 'region' | 'municipality';
