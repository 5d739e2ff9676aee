-- Requests per API key (hash id) per one-minute window (epoch minutes), shared by every
-- replica so the per-key rate limit holds for the whole service, not per process.
CREATE TABLE request_counts (
  key_id       text   NOT NULL,
  window_start bigint NOT NULL,
  n            bigint NOT NULL,
  PRIMARY KEY (key_id, window_start)
);
CREATE INDEX request_counts_window_idx ON request_counts (window_start);
