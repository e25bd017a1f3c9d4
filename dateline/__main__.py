"""`python -m dateline`: the same commands as `python build.py` and the `dateline` script."""

import sys

from dateline.cli.main import main

sys.exit(main())
