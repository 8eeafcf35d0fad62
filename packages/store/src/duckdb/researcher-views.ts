/**
 * The tables a researcher reads from outside zaz (README, "The database"): one view per long table,
 * showing only complete imports. A large import commits in chunks while its import row says
 * `pending`, and a killed one stays in the file until the next zaz command removes it; the raw
 * tables show those rows, these views never do. Columns are listed, not `*`, so a later column in a
 * raw table is added to a view on purpose (a new migration replaces the view).
 */

/** the complete imports; a pending one is being written, or was left by a killed process */
const completeImports = "SELECT id FROM imports WHERE NOT pending";

export const researcherViewNames = [
  "onderzoek_imports",
  "onderzoek_import_context",
  "onderzoek_responses",
  "onderzoek_response_context",
  "onderzoek_answers",
] as const;

export const researcherViews: readonly string[] = [
  `CREATE OR REPLACE VIEW onderzoek_imports AS
   SELECT id, seq, file_name, instrument_id, instrument_version, profile, rows_read, imported_at,
          responses, answers, instrument_key
   FROM imports WHERE NOT pending`,
  `CREATE OR REPLACE VIEW onderzoek_import_context AS
   SELECT import_id, dimension, value FROM import_context WHERE import_id IN (${completeImports})`,
  `CREATE OR REPLACE VIEW onderzoek_responses AS
   SELECT id, import_id, instrument_id, key, row, submitted_at, content_hash
   FROM responses WHERE import_id IN (${completeImports})`,
  `CREATE OR REPLACE VIEW onderzoek_response_context AS
   SELECT response_id, dimension, value FROM response_context
   WHERE response_id IN (SELECT id FROM responses WHERE import_id IN (${completeImports}))`,
  `CREATE OR REPLACE VIEW onderzoek_answers AS
   SELECT response_id, seq, item, code, text, missing FROM answers
   WHERE response_id IN (SELECT id FROM responses WHERE import_id IN (${completeImports}))`,
];
