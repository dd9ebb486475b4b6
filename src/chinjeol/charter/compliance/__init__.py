"""Charter compliance [C10], the part the charter owns: `rules` (the pure judgement), `expressions` (its SQL
form, used by the index on `cases.Case`) and `providers` (the registries other apps plug their judgements
and yearly counts into). The figures themselves are computed in `chinjeol.reports.compliance`."""
