"""Pre-publication review: split a draft into check-worthy sentences and check each against a corpus."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from factcheck.apps.result_cache import ResultCache
from factcheck.checker import Checker
from factcheck.errors import InputError
from factcheck.ingest.read import SUFFIXES, document_from_source
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


class ReviewChanges(BaseModel):
    """What changed since a baseline review: problems are verdicts other than SUPPORTED."""

    baseline: str
    new_problems: list[str]  # sentences that are a problem now and were not (or were not in the draft)
    fixed: list[str]  # sentences that were a problem and are not now (now supported, or edited away)
    still_problems: list[str]


class UncheckedSentence(BaseModel):
    """A check-worthy-looking sentence that could not be checked (garbled figures, bytes that are not text)."""

    sentence: str
    start_char: int
    end_char: int
    reason: str


class ReviewReport(BaseModel):
    draft: str
    items: list[ReviewItem]
    skipped_sentences: int
    # Among the skipped sentences, those skipped for a reason the writer should see (they count as skipped).
    unchecked: list[UncheckedSentence] = Field(default_factory=list)
    counts: dict[str, int]
    reused: int = 0  # results taken from the cache instead of checked again
    changes: ReviewChanges | None = None
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


def read_draft(path: str) -> str:
    """The draft's text; a missing, binary or empty draft is an InputError (no model is needed to tell)."""
    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path}: the draft is empty; nothing to review")
    return text


def review_draft(path: str, checker: Checker, nlp=None, cache: ResultCache | None = None,
                 text: str | None = None) -> ReviewReport:
    """Check every check-worthy sentence of the draft (.txt/.md/.html or '-', read as Markdown).

    `text` is the draft's text when already read (`read_draft`), so it is not read twice.
    """
    suffix = Path(str(path)).suffix.lower()
    suffix = suffix if suffix in SUFFIXES else ".md"  # stdin and unknown suffixes are read as Markdown
    return review_text(read_draft(path) if text is None else text, checker, name=str(path), suffix=suffix,
                       nlp=nlp, cache=cache)


def review_text(original: str, checker: Checker, *, name: str = "draft", suffix: str = ".md",
                nlp=None, cache: ResultCache | None = None) -> ReviewReport:
    """Check every check-worthy sentence of a draft given as text; `suffix` says how to read its markup (an
    .html draft is read like an HTML source: scripts and styles dropped, references decoded).

    With a `cache`, sentences already checked against the same corpus, models and settings are not checked again.
    Sentences that are not usable input (garbled figures, bytes that are not text) are skipped with the reason.
    """
    from factcheck.ingest.claims import extract_claims
    from factcheck.ingest.statement_check import input_problem

    if nlp is None:
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()
    doc = document_from_source(original, suffix, "draft", name)
    sentences = [c for c in extract_claims([doc], nlp=nlp, split=False)]
    worthy, skipped, unchecked = [], 0, []
    for c, parsed in zip(sentences, nlp.pipe(c.text for c in sentences)):
        if not (is_check_worthy(parsed) and len(c.text) <= checker.settings.max_statement_chars):
            skipped += 1
        elif problem := input_problem(c.text):
            skipped += 1
            unchecked.append(UncheckedSentence(sentence=c.text, start_char=c.start_char, end_char=c.end_char,
                                               reason=problem))
        else:
            worthy.append(c)
    reused = 0
    if cache is not None:
        results, reused = cache.check_many([c.text for c in worthy], checker, checker.check_many)
    else:
        results = list(checker.check_many(c.text for c in worthy)) if worthy else []
    items = [ReviewItem(sentence=c.text, start_char=c.start_char, end_char=c.end_char, result=r)
             for c, r in zip(worthy, results)]
    counts = Counter(i.result.verdict.value for i in items)
    return ReviewReport(draft=name, items=items, skipped_sentences=skipped, unchecked=unchecked, reused=reused,
                        counts={v.value: counts.get(v.value, 0) for v in Verdict}, text=doc.aligned_text())


def read_review(path: str) -> ReviewReport:
    """A review saved with `factcheck review -f json`."""
    from pydantic import ValidationError

    try:
        return ReviewReport.model_validate_json(read_text(path))
    except ValidationError as exc:
        raise InputError(f"{path}: not a saved review ({exc.errors()[0]['msg']}); "
                         "write one with `factcheck review DRAFT -f json -o FILE`") from None


def compare(report: ReviewReport, baseline: ReviewReport, baseline_name: str) -> ReviewChanges:
    """New, fixed and remaining problems of `report` against an earlier review of the draft (by sentence text)."""
    def problems(r: ReviewReport) -> dict[str, None]:
        return {i.sentence: None for i in r.items if i.result.verdict is not Verdict.SUPPORTED}

    now, before = problems(report), problems(baseline)
    return ReviewChanges(baseline=baseline_name, new_problems=[s for s in now if s not in before],
                         fixed=[s for s in before if s not in now], still_problems=[s for s in now if s in before])
