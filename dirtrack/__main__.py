"""``python -m dirtrack``: the same entry point as the ``dirtrack`` command."""

from dirtrack.cli import main

if __name__ == "__main__":
    main()
