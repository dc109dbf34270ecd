-- Followers keep the status with the highest revision (the agreement row's version at the agreement-service), not
-- the latest producer clock reading: as_of goes. Numbered with the other shared migrations; Flyway applies it out of
-- order (quarkus.flyway.out-of-order) in databases whose service migrations are already past V0.
alter table agreement_view add column revision bigint not null default 0;
alter table agreement_view add column withdrawn_by text;
alter table agreement_view drop column as_of;
