from chronogen.cli import main

raise SystemExit(main())
