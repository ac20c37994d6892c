-- What an SIE import noticed without refusing the file (an unbooked previous result, repeated voucher numbers):
-- a JSON array of {file, line?, field?, message}, shown in the import history.
alter table ledger_import add column notices jsonb not null default '[]'::jsonb check (jsonb_typeof(notices) = 'array');
