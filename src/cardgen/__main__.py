"""The program: `python -m cardgen`, and the installed `cardgen` script (pyproject.toml)."""

import gc


def main() -> None:
    # The program imports click and cardgen without the cyclic collector: with it, ~20 collections
    # (~12 ms) re-scanned modules that stay to the end. `main` decides for the command (cli.py).
    gc.disable()
    from cardgen.cli import run

    run()


if __name__ == "__main__":
    main()
