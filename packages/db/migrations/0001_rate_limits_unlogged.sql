-- Rate-limit counters are disposable: keeping them out of the write-ahead log spares every
-- request a disk flush. After a crash PostgreSQL empties the table, which only resets the windows.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
