"""The `factcheck` command: a thin shell over the library (one module per command)."""

from __future__ import annotations

import click

from factcheck import __version__
from factcheck.cli.batch_cmd import batch_cmd
from factcheck.cli.calibrate_cmd import calibrate_cmd
from factcheck.cli.check_cmd import check_cmd
from factcheck.cli.common import FactcheckGroup
from factcheck.cli.corpus_cmd import corpus_group, index_cmd, ingest_cmd
from factcheck.cli.review_cmd import review_cmd
from factcheck.cli.serve_cmd import serve_cmd
from factcheck.ingest.nlp import keep_torch_out_of_spacy

# Commands import their libraries when they run, so `--help` and usage errors stay instant; this keeps spaCy's
# import (rules, claim extraction) from pulling in torch, which the ONNX check path does not need.
keep_torch_out_of_spacy()


@click.group(cls=FactcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main():
    """Verify statements against trusted sources, offline: SUPPORTED, CONTRADICTED or NOT_ENOUGH_INFO,
    always with the evidence and why."""


for command in (check_cmd, batch_cmd, review_cmd, serve_cmd, ingest_cmd, index_cmd, corpus_group, calibrate_cmd):
    main.add_command(command)

try:  # `factcheck eval` and `factcheck nli` are added when their modules are present
    from factcheck.cli.eval_cmd import eval_cmd

    main.add_command(eval_cmd)
except ImportError:
    pass
try:
    from factcheck.cli.nli_cmd import nli_group

    main.add_command(nli_group)
except ImportError:
    pass
