"""``python -m numclaims``: the same as the ``numclaims`` command."""

import sys

from .cli import main

sys.exit(main())
