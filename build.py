"""Build the dateline site: `python build.py --help` lists the commands."""

import sys

from dateline.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
