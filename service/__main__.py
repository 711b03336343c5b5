"""`python -m service`: run the service (same as `normalise serve`)."""

from __future__ import annotations

from normalise.cli.serve import serve_command

if __name__ == "__main__":
    serve_command()
