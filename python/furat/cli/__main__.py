"""``python -m furat.cli``: the same as the ``furat`` command."""

import sys

from furat.cli.app import main

if __name__ == "__main__":
    sys.exit(main())
