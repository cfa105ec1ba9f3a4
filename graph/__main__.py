"""``python -m graph``: see graph/cli.py."""

import sys

from graph.cli import main

if __name__ == "__main__":
    sys.exit(main())
