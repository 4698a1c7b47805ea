"""Entry point of the bundled application (PyInstaller runs this file, not the package)."""

import multiprocessing

if __name__ == "__main__":
    # A frozen program has no Python to start pool workers with: under `spawn` each worker is
    # this executable again, and freeze_support() turns it into a worker instead of the CLI.
    multiprocessing.freeze_support()
    from exportdesk.cli import main

    raise SystemExit(main())
