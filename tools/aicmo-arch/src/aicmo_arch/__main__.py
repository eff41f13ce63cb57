from aicmo_arch.cli.main import main

raise SystemExit(main())
