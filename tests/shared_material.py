"""The project's shared material, ../shared beside the checkout: the world twin-cities list, the
monograph the bundled dataset comes from, the GraphML and GEXF schemas and the peers' scripts.
A test that needs it fails when it is missing, naming what is missing: it never passes having
checked less."""
import os

from harness import SOURCE

SHARED = os.path.normpath(os.path.join(SOURCE, "..", "shared"))


def path(*parts):
    """The path of @p parts inside ../shared."""
    return os.path.join(SHARED, *parts)


def require(*paths):
    """Fail, naming each missing path, unless every one of @p paths exists."""
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise AssertionError("missing %s: this test needs the project's shared material (../shared "
                             "beside the checkout)" % ", ".join(missing))
