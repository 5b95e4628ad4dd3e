"""Pre-publication review: split a draft into check-worthy sentences and check each against a corpus."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from factcheck.checker import Checker
from factcheck.ingest.read import SUFFIXES, document_from_text, to_plain
from factcheck.io import read_text
from factcheck.results import CheckResult, Verdict

FAIL_ON = ("contradicted", "conflicted", "unsupported")
# What each --fail-on level counts as a problem; each level includes the one before.
PROBLEMS: dict[str, frozenset[Verdict]] = {
    "contradicted": frozenset({Verdict.CONTRADICTED}),
    "conflicted": frozenset({Verdict.CONTRADICTED, Verdict.CONFLICTED}),
    "unsupported": frozenset({Verdict.CONTRADICTED, Verdict.CONFLICTED, Verdict.NOT_ENOUGH_INFO}),
}


class ReviewItem(BaseModel):
    sentence: str
    start_char: int
    end_char: int
    result: CheckResult


class ReviewReport(BaseModel):
    draft: str
    items: list[ReviewItem]
    skipped_sentences: int
    counts: dict[str, int]
    # The draft's text with markup blanked (offsets as in the file), for the HTML report; not in the JSON.
    text: str = Field("", exclude=True)

    def failed(self, fail_on: str = "conflicted") -> bool:
        """True when the draft should not be published as is (the CI gate)."""
        return any(i.result.verdict in PROBLEMS[fail_on] for i in self.items)


def is_check_worthy(sent) -> bool:
    """A declarative sentence with a verb that names something checkable (entity, number, date)."""
    text = sent.text.strip()
    if len(text) < 15 or text.endswith("?"):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    has_fact = any(t.like_num or t.ent_type_ or t.pos_ == "PROPN" for t in sent)
    opinion = re.match(r"(?i)^(i|we)\s+(think|believe|feel|hope)\b", text)
    return has_fact and not opinion


def review_draft(path: str, checker: Checker, nlp=None) -> ReviewReport:
    """Check every check-worthy sentence of the draft (.txt/.md/.html or '-', read as Markdown)."""
    suffix = Path(str(path)).suffix.lower()
    suffix = suffix if suffix in SUFFIXES else ".md"  # stdin and unknown suffixes are read as Markdown
    return review_text(read_text(path), checker, name=str(path), suffix=suffix, nlp=nlp)


def review_text(original: str, checker: Checker, *, name: str = "draft", suffix: str = ".md",
                nlp=None) -> ReviewReport:
    """Check every check-worthy sentence of a draft given as text; `suffix` says how to read its markup."""
    from factcheck.ingest.claims import extract_claims

    if nlp is None:
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()
    doc = document_from_text(original, "draft", name)
    doc = type(doc)(doc.doc_id, doc.path, original, to_plain(original, suffix), doc.sha256)
    sentences = [c for c in extract_claims([doc], nlp=nlp, split=False)]
    worthy, skipped = [], 0
    for c, parsed in zip(sentences, nlp.pipe(c.text for c in sentences)):
        if is_check_worthy(parsed) and len(c.text) <= checker.settings.max_statement_chars:
            worthy.append(c)
        else:
            skipped += 1
    results = list(checker.check_many(c.text for c in worthy)) if worthy else []
    items = [ReviewItem(sentence=c.text, start_char=c.start_char, end_char=c.end_char, result=r)
             for c, r in zip(worthy, results)]
    counts = Counter(i.result.verdict.value for i in items)
    return ReviewReport(draft=name, items=items, skipped_sentences=skipped,
                        counts={v.value: counts.get(v.value, 0) for v in Verdict}, text=doc.text)
