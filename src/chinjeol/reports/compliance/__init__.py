"""Charter compliance [C10] computed from the cases and the registered providers: `queries` (aggregate
reads and the page's figures), `tallies` (stored daily figures), `counts` (yearly-count standards),
`export` (the downloads) and `sqi` (the compliance part of the service-quality index). The judgement rule
and the provider registries stay in `chinjeol.charter.compliance`."""
