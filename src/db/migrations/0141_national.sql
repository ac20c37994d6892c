-- The national view: a förbund can be marked as synthetic (demonstration and benchmark data), so every
-- national page and export says so.
alter table federation add column synthetic boolean not null default false;
