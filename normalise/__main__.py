"""`python -m normalise` runs the command-line interface."""

from normalise.cli import cli

cli()
