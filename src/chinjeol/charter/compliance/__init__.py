"""Charter compliance [C10]: `rules` (pure judgement), `expressions` (its SQL form), `queries`
(aggregate reads), `tallies` (stored daily figures)."""
