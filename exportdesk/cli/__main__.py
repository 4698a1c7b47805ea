from exportdesk.cli import main

raise SystemExit(main())
