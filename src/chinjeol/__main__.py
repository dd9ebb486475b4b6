from chinjeol.cli import main

raise SystemExit(main())
