-- How a budget line's year amount falls over the months (src/core/economy/budgetProfile.ts): evenly, quarterly
-- (January, April, July, October) or once a year (January). Null: the section's default (income quarterly,
-- costs evenly). Budget to date and the forecast read it.
alter table budget_line add column budget_profile text check (budget_profile in ('even', 'quarterly', 'yearly'));
