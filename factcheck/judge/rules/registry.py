"""The built-in rules, registered in the order they run, and the functions that run every registered rule."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.judge.registry import DOCUMENT_RULES, PAIR_RULES, Rule, rules
from factcheck.judge.rules._common import content_lemmas
from factcheck.judge.rules.antonyms import check_antonyms
from factcheck.judge.rules.attribution import check_attribution
from factcheck.judge.rules.coverage import check_coverage
from factcheck.judge.rules.dates import check_dates
from factcheck.judge.rules.polarity import check_polarity
from factcheck.judge.rules.quantities import check_quantities
from factcheck.judge.rules.roles import check_roles
from factcheck.results import Finding

if not Doc.has_extension("antecedents"):
    Doc.set_extension("antecedents", default=frozenset())
if not Doc.has_extension("before_words"):  # content lemmas of the sentence before ("… led to military operations")
    Doc.set_extension("before_words", default=frozenset())
if not Doc.has_extension("before_numbers"):  # the numbers written in it ("2016", "2000s")
    Doc.set_extension("before_numbers", default=frozenset())

rules.register("quantities", check_quantities)
rules.register("dates", check_dates)
rules.register("polarity", Rule("polarity", check_polarity, blocks=False))
rules.register("antonyms", Rule("antonyms", check_antonyms, blocks=False))
rules.register("roles", Rule("roles", check_roles, blocks=False))
rules.register("attribution", Rule("attribution", check_attribution, blocks=False))
rules.register("coverage", Rule("coverage", check_coverage, scope="document"))


def run_rules(source_sentence: str, statement: str, nlp=None, context: str | None = None,
              blocking_only: bool = False) -> list[Finding]:
    """Run every registered pair rule on one (source sentence, statement) pair; parse each text once. With
    `blocking_only`, only the rules that may block run, and only their blocking findings are kept, a contradiction
    among them kept as a block on support.

    `context` is the sentence before a source sentence that refers back to it ("This US-funded initiative…"
    after the sentence naming Plan Colombia): its names become the source Doc's `._.antecedents`, which a
    rule may read to match a description in the source with a name in the statement, its content words
    `._.before_words` (what "these actions" may stand for) and its numbers `._.before_numbers` (a year it gives).
    """
    if nlp is None:
        from factcheck.ingest.nlp import parse  # cached: the same texts recur across evidence items

        src_doc, stmt_doc = parse(source_sentence), parse(statement)
        ctx_doc = parse(context) if context else None
    else:
        src_doc, stmt_doc = nlp(source_sentence), nlp(statement)
        ctx_doc = nlp(context) if context else None
    if ctx_doc is not None:  # on a copy: parses are cached and shared (serve checks in several threads)
        src_doc = src_doc.copy()
        src_doc._.antecedents = antecedents(ctx_doc)
        src_doc._.before_words = frozenset(content_lemmas(ctx_doc))
        src_doc._.before_numbers = frozenset(t.lower_ for t in ctx_doc if t.like_num or t.lower_[:1].isdigit())
    findings: list[Finding] = []
    for name, check in PAIR_RULES.items():
        if not blocking_only or rules[name].blocks:
            findings.extend(check(src_doc, stmt_doc))
    if not blocking_only:
        return findings
    # on a loosely aligned sentence a figure or date it rules out does not contradict the statement (it may be of
    # another thing), but it cannot support it either: "departed about 50 minutes late" against "50 hours late"
    return [f if f.blocks is not None and f.relation != "contradicts"
            else f.model_copy(update={"relation": "neutral", "blocks": f.blocks or "support"})
            for f in findings if f.blocks is not None or f.relation == "contradicts"]


def antecedents(doc: Doc) -> frozenset[str]:
    """Lower-case lemmas of the names in a sentence (proper nouns and the words of its named entities)."""
    words = {t.lemma_.lower() for t in doc if t.pos_ == "PROPN"}
    words |= {t.lemma_.lower() for ent in doc.ents for t in ent if t.is_alpha and not t.is_stop}
    return frozenset(words)


def run_document_rules(statement: Doc, names: frozenset[str], source: str) -> list[Finding]:
    """Run every registered document rule (coverage, …) on a statement against one document's names."""
    findings: list[Finding] = []
    for check in DOCUMENT_RULES.values():
        findings.extend(check(statement, names, source))
    return findings
