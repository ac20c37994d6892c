-- A version number of who may do what: the sessions, the accounts and their grants
-- (src/services/auth/sessions.ts keeps live sessions in memory and uses one only while this is unchanged).
-- Every statement that ends or changes a session, or changes an account, a role or an intervention assignment,
-- bumps it in the same transaction, so logging out, disabling an account, a changed role or password and a
-- session ended by an administrator are seen by the very next request in every process. Keeping a session alive
-- (auth_session.last_seen_at moving forward) and starting a new one do not bump it: neither changes what a cached
-- session may do.
-- Bookkeeping, like figures_version (0101): in samordna_internal, outside the audit trail's reach.
create schema if not exists samordna_internal;

create table samordna_internal.auth_version (
  id boolean primary key default true check (id),
  version bigint not null
);
insert into samordna_internal.auth_version (id, version) values (true, 0);

create function samordna_internal.bump_auth_version() returns trigger language plpgsql as $$
begin
  update samordna_internal.auth_version set version = version + 1;
  return null;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['app_user', 'federation_role', 'intervention_assignment'] loop
    execute format('create trigger auth_version_bump after insert or update or delete on %I for each statement execute function samordna_internal.bump_auth_version()', t);
    execute format('create trigger auth_version_bump_truncate after truncate on %I for each statement execute function samordna_internal.bump_auth_version()', t);
  end loop;
end
$$;

create trigger auth_version_bump after delete on auth_session
  for each statement execute function samordna_internal.bump_auth_version();
create trigger auth_version_bump_update after update of token_hash, user_id, csrf_token, expires_at, created_at on auth_session
  for each statement execute function samordna_internal.bump_auth_version();
create trigger auth_version_bump_truncate after truncate on auth_session
  for each statement execute function samordna_internal.bump_auth_version();
-- Keeping a session alive moves last_seen_at forward, which a cached copy may safely lag behind (it only ends
-- sooner). Moving it back (ending a session by its idle limit) is a change that must be seen at once.
create trigger auth_version_bump_idle after update of last_seen_at on auth_session
  for each row when (new.last_seen_at < old.last_seen_at) execute function samordna_internal.bump_auth_version();
