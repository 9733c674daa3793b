"""Where is this code running: in the book build, or in a live kernel?"""

import os
from pathlib import Path

#: Set by ``swleadership.sphinxext`` in the Sphinx process; the kernels that execute the notebooks inherit it.
BOOK_BUILD_VAR = "SWL_BOOK_BUILD"

#: The repository root (the package is installed in editable mode from it).
REPO_ROOT = Path(__file__).resolve().parent.parent


def in_book_build() -> bool:
    """True while the static book is being built: components then emit static HTML, not widgets."""
    return os.environ.get(BOOK_BUILD_VAR) == "1"
