-- The start page learns from the year's facts whether the check for identity numbers in older rows found
-- anything (their one statement, cached by the figures version), so a scan that adds or clears findings bumps
-- the figures version like every other write to what the start page shows (see 0101_figures_version.sql).
create trigger figures_version_bump after insert or update or delete on privacy_finding
  for each statement execute function samordna_internal.bump_figures_version();
create trigger figures_version_bump_truncate after truncate on privacy_finding
  for each statement execute function samordna_internal.bump_figures_version();
