-- Analyses kept by the serving module (one row each, written once) and their follow-up
-- questions (append-only; the identity column gives the order they were stored in, across
-- every replica). Deleting an analysis deletes its questions.
CREATE TABLE analyses (
  id           uuid        PRIMARY KEY,
  owner_key_id text        NOT NULL,
  created_at   timestamptz NOT NULL,
  analysis     jsonb       NOT NULL
);
CREATE INDEX analyses_owner_idx ON analyses (owner_key_id);
CREATE INDEX analyses_created_at_idx ON analyses (created_at);

CREATE TABLE analysis_questions (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  analysis_id uuid   NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
  question_id uuid   NOT NULL UNIQUE,
  question    jsonb  NOT NULL
);
CREATE INDEX analysis_questions_analysis_idx ON analysis_questions (analysis_id, seq);
