-- 0130 redefined audit_exempt() with the survey tables but without 'figures_version', which 0101 had added
-- (the two were written in parallel). This restores every exemption so far — 0073's ledger rules, 0101's
-- figures_version and 0130's survey answer and code tables — and removes the row trigger that
-- ensure_audit_triggers() may have attached to figures_version in between.
create or replace function audit_exempt(t text) returns boolean language sql immutable as $$
  select t in ('audit_log', 'schema_migration', 'auth_session', 'auth_login_attempt', 'figures_version',
               'survey_code', 'survey_code_unused', 'survey_response', 'survey_answer', 'survey_free_text')
      or (t like 'ledger\_%' and t not in ('ledger_import', 'ledger_mapping', 'ledger_class_range'))
$$;

drop trigger if exists audit_row_change on figures_version;
