-- An SIE import explicitly confirmed as a predecessor's books (its #ORGNR / #FNAMN are not the förbund's).
-- Such imports do not make their company name one of the förbund's own names.
alter table ledger_import add column predecessor boolean not null default false;
