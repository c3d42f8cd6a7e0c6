from summarylint.cli import main

raise SystemExit(main())
