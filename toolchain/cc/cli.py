"""Command-line entry point of the C compiler ``pcc``.

The compiler is not written yet (issues 4 and 5).  Until it is, ``pcc`` says
so plainly and exits with status 1 rather than pretending to compile.
"""

import sys

import click


@click.command(context_settings={"ignore_unknown_options": True,
                                 "allow_extra_args": True,
                                 "help_option_names": ["--help"]})
@click.version_option("0.1.0", prog_name="pcc")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def main(args: tuple[str, ...]) -> None:
    """pcc: C compiler (not ready yet)."""
    click.echo("pcc: error: the C compiler is not implemented yet; "
               "use 'pas' to assemble GNU-syntax x86 assembly", err=True)
    sys.exit(1)
