-- Audit trail: every write to every table (except the exempt bulk ledger rows and the login machinery) is
-- recorded here by a generic row trigger: who (current_setting('samordna.actor')), when, which table and row,
-- the action, and the row's values before and after. The log is append-only: the database refuses UPDATE,
-- DELETE and TRUNCATE on it.
--
-- Tables added by later migrations get the trigger automatically: the migration runner calls
-- ensure_audit_triggers() after every run, which attaches it to every table in the schema that lacks it.

create table audit_log (
  id bigint generated always as identity primary key,
  -- The förbund the row belongs to (null for rows outside any förbund, such as user accounts).
  -- No foreign key: the log outlives what it describes.
  federation_id integer,
  occurred_at timestamptz not null default clock_timestamp(),
  actor text not null,
  table_name text not null,
  row_id text,
  action text not null check (action in ('insert', 'update', 'delete')),
  old_values jsonb,
  new_values jsonb
);
create index audit_log_federation_time on audit_log (federation_id, occurred_at);

-- Secrets never reach the log, even as hashes.
create function audit_redact(v jsonb) returns jsonb language sql immutable as $$
  select case when v is null then null else v - 'password_hash' - 'token_hash' - 'csrf_token' end
$$;

create function audit_row() returns trigger language plpgsql as $$
declare
  old_v jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_v jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_v jsonb := coalesce(new_v, old_v);
  fed text;
begin
  -- A restore copies an earlier log verbatim; it must not log its own inserts.
  if current_setting('samordna.restoring', true) = 'on' then
    return null;
  end if;
  fed := case when tg_table_name = 'federation' then row_v ->> 'id' else row_v ->> 'federation_id' end;
  insert into audit_log (federation_id, actor, table_name, row_id, action, old_values, new_values)
  values (
    fed::integer,
    coalesce(nullif(current_setting('samordna.actor', true), ''), current_user),
    tg_table_name,
    row_v ->> 'id',
    lower(tg_op),
    audit_redact(old_v),
    audit_redact(new_v)
  );
  return null;
end
$$;

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'Granskningsloggen kan inte ändras eller raderas (%).', lower(tg_op)
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();

-- Tables that are not audited row by row: the log itself, the migration bookkeeping, the login machinery
-- (sessions and attempts change on every login) and the bulk ledger rows (tables named ledger_%, except the
-- ledger's import history ledger_import, which is audited).
create function audit_exempt(t text) returns boolean language sql immutable as $$
  select t in ('audit_log', 'schema_migration', 'auth_session', 'auth_login_attempt')
      or (t like 'ledger\_%' and t <> 'ledger_import')
$$;

create function ensure_audit_triggers() returns integer language plpgsql as $$
declare
  t record;
  n integer := 0;
begin
  for t in
    select c.relname
    from pg_class c
    join pg_namespace ns on ns.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and ns.nspname = current_schema()
      and not c.relispartition
      and not audit_exempt(c.relname)
      and not exists (
        select 1 from pg_trigger tr where tr.tgrelid = c.oid and tr.tgname = 'audit_row_change'
      )
  loop
    execute format(
      'create trigger audit_row_change after insert or update or delete on %I for each row execute function audit_row()',
      t.relname
    );
    n := n + 1;
  end loop;
  return n;
end
$$;
