"""Command-line entry point of the linker ``pld``.

The linker is not written yet (issue 3).  Until it is, ``pld`` says so
plainly and exits with status 1 rather than pretending to link.
"""

import sys

import click


@click.command(context_settings={"ignore_unknown_options": True,
                                 "allow_extra_args": True,
                                 "help_option_names": ["--help"]})
@click.version_option("0.1.0", prog_name="pld")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def main(args: tuple[str, ...]) -> None:
    """pld: ELF linker (not ready yet)."""
    click.echo("pld: error: the linker is not implemented yet", err=True)
    sys.exit(1)
