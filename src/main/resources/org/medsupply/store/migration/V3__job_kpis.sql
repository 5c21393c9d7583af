-- The best plan's figures (fill rates, km), kept beside it so job lists show them without reading plans.
ALTER TABLE job ADD COLUMN kpis_json TEXT;
