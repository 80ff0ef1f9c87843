-- Hand-written: a plan's lineage key now leaves out a bracketed note at the end of its title (（2026年修订）,
-- (试行)), so that a revised plan is a version of the same plan (plan-tree.ts lineageKey, parser/header.ts
-- titleStem). Keys stored before follow the same rule, unless two lineages would then share one key.
WITH k AS (
  SELECT DISTINCT lineage_key AS old, regexp_replace(lineage_key, '[（(][^（）()，。]{1,16}[）)]$', '') AS stem
  FROM plans WHERE lineage_key NOT LIKE '%|annual:%'
), ok AS (
  SELECT old, stem FROM k WHERE old <> stem AND (SELECT count(*) FROM k k2 WHERE k2.stem = k.stem) = 1
)
UPDATE plans SET lineage_key = ok.stem FROM ok WHERE plans.lineage_key = ok.old;
