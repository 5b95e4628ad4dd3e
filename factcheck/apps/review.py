"""Pre-publication review: split a draft into check-worthy sentences and check each against a corpus."""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel

from factcheck.checker import Checker
from factcheck.ingest.read import document_from_text, to_plain
from factcheck.io import read_text
from factcheck.results import CheckResult, Verdict

FAIL_ON = ("contradicted", "unsupported")


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

    def failed(self, fail_on: str = "contradicted") -> bool:
        """True when the draft should not be published as is (the CI gate)."""
        bad = {Verdict.CONTRADICTED}
        if fail_on == "unsupported":
            bad.add(Verdict.NOT_ENOUGH_INFO)
        return any(i.result.verdict in bad for i in self.items)


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
    """Check every check-worthy sentence of the draft (.txt/.md or '-')."""
    from factcheck.ingest.claims import extract_claims

    if nlp is None:
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()
    original = read_text(path)
    doc = document_from_text(original, "draft", path)
    suffix = ".txt" if str(path).endswith(".txt") else ".md"  # stdin drafts are read as Markdown
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
    return ReviewReport(draft=str(path), items=items, skipped_sentences=skipped,
                        counts={v.value: counts.get(v.value, 0) for v in Verdict})
