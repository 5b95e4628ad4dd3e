"""The Python API: `Checker.load()` → `.check(statement)` / `.check_many(statements)`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from factcheck.errors import InputError
from factcheck.ingest.claims import extract_claims
from factcheck.ingest.read import document_from_text
from factcheck.judge.judges import Judge, dedupe_hits
from factcheck.judge.registry import judges
from factcheck.protocols import EmbeddingModel, NLIScorer
from factcheck.results import CheckResult, Claim, Verdict
from factcheck.retrieval.index import ClaimIndex, SearchHit
from factcheck.settings import Settings, get_settings


def make_judge(settings: Settings, nli: NLIScorer | None = None) -> Judge:
    """The judge named in settings, from the judge registry; `nli` injects a loaded NLI model (tests, benchmarks)."""
    try:
        factory = judges[settings.judge]
    except KeyError:
        raise InputError(f"unknown judge {settings.judge!r}; choose one of {', '.join(judges)}") from None
    return factory(settings, nli=nli)


def validate_statement(statement: object, max_chars: int) -> str:
    """The statement, stripped; an InputError saying what is wrong otherwise (no model is needed to tell)."""
    from factcheck.ingest.statement_check import input_problem

    if not isinstance(statement, str):
        raise InputError(f"statement must be text, got {type(statement).__name__}")
    s = statement.strip()
    if not s:
        raise InputError("statement is empty")
    if len(s) > max_chars:
        raise InputError(f"statement is {len(s)} characters, over the limit of {max_chars}; split it "
                         "(`factcheck review` splits a draft into sentences)")
    problem = input_problem(s)
    if problem:
        raise InputError(problem)
    return s


def not_checkable(statement: str, reason: str) -> CheckResult:
    """NOT_ENOUGH_INFO for a statement that cannot be judged (a fragment, another language), with the reason."""
    return CheckResult(statement=statement, verdict=Verdict.NOT_ENOUGH_INFO, confidence=1.0, evidence=[],
                       explanation=f"Not checked: {reason}.")


class Checker:
    """Checks statements against one indexed corpus."""

    def __init__(self, index: ClaimIndex, embedder: EmbeddingModel, judge: Judge, settings: Settings):
        self.index = index
        self.index.ann_threshold = settings.ann_threshold  # from this many claims up, search is approximate
        self.embedder = embedder
        self.judge = judge
        self.settings = settings
        self._names: dict[str, frozenset[str]] = {}
        self._before: dict[str, dict[str, str]] = {}  # per document: sentence → the sentence before it
        self._holders: dict[str, dict] = {}  # per document: who holds which office

    def context_of(self, claim) -> str | None:
        """The sentence before `claim`'s in its document: what "it", "the plan" or "this move" refer back to."""
        if claim.doc_id not in self._before:
            sentences = self.index.doc_sentences(claim.doc_id)
            self._before[claim.doc_id] = dict(zip(sentences[1:], sentences[:-1]))
        return self._before[claim.doc_id].get(claim.sentence)

    def names_of(self, doc_id: str) -> frozenset[str]:
        """The names a document mentions (for the coverage check), computed once per document."""
        if doc_id not in self._names:
            from factcheck.judge.rules.coverage import source_names

            self._names[doc_id] = source_names(self.index.doc_sentences(doc_id))
        return self._names[doc_id]

    @classmethod
    def load(cls, corpus: str | None = None, *, nli_model: str | None = None, judge: str | None = None,
             top_k: int | None = None, log: Callable[[str], None] | None = None,
             embedder: EmbeddingModel | None = None, nli: NLIScorer | None = None,
             settings: Settings | None = None) -> Checker:
        """Open a corpus by name or path (default: the seed article), building its index if missing."""
        from factcheck.retrieval.corpus import load_index
        from factcheck.retrieval.embed import Embedder

        settings = settings or get_settings(nli_model=nli_model, judge=judge, top_k=top_k)
        embedder = embedder or Embedder()
        index = load_index(corpus, settings, embedder, log=log)
        return cls(index, embedder, make_judge(settings, nli), settings)

    @classmethod
    def from_texts(cls, docs: dict[str, str], *, judge: str | None = None, nli_model: str | None = None,
                   top_k: int | None = None, embedder: EmbeddingModel | None = None, nli: NLIScorer | None = None,
                   settings: Settings | None = None) -> Checker:
        """An in-memory corpus from {doc_id: plain text}; nothing is written to disk.

        Unset arguments come from settings (FACTCHECK_JUDGE, FACTCHECK_TOP_K, …), as in `load`.
        """
        from factcheck.retrieval.embed import Embedder

        settings = settings or get_settings(nli_model=nli_model, judge=judge, top_k=top_k)
        embedder = embedder or Embedder()
        claims = list(extract_claims(document_from_text(t, doc_id) for doc_id, t in docs.items()))
        return cls(ClaimIndex.build(claims, embedder), embedder, make_judge(settings, nli), settings)

    @property
    def claims(self):
        return self.index.claims

    def check(self, statement: str) -> CheckResult:
        """Verdict on one statement, with evidence and explanation."""
        return self.check_batch([validate_statement(statement, self.settings.max_statement_chars)])[0]

    def check_many(self, statements: Iterable[str], batch_size: int = 16) -> Iterator[CheckResult]:
        """Verdicts for many statements, lazily, batching model calls. Invalid ones raise InputError."""
        it = iter(statements)
        while batch := list(islice(it, batch_size)):
            yield from self.check_batch([validate_statement(s, self.settings.max_statement_chars) for s in batch])

    def holders_of(self, doc_id: str):
        """Who a document names as holder of which office (`factcheck.judge.offices.holders`), once per document."""
        if doc_id not in self._holders:
            from factcheck.judge.offices import holders

            self._holders[doc_id] = holders(self.index.doc_sentences(doc_id))
        return self._holders[doc_id]

    def _search(self, vectors) -> list[list[SearchHit]]:
        # Retrieve extra so that deduplicating split claims of one sentence still leaves top_k items.
        hits = self.index.search(vectors, self.settings.top_k * 2)
        return [dedupe_hits(h)[: self.settings.top_k] for h in hits]

    def _judge_batch(self, statements: list[str]) -> list[CheckResult]:
        from factcheck.judge.offices import mentions_office, merge, read_offices

        vectors = self.embedder.encode(statements)
        hits = self._search(vectors)
        # "Colombia's president" is read as the person the retrieved documents name so, and retrieved again
        readings = [read_offices(s, merge(self.holders_of(d) for d in dict.fromkeys(h.claim.doc_id for h in hs)))
                    if mentions_office(s) else None for s, hs in zip(statements, hits)]
        if read := [(i, r.text) for i, r in enumerate(readings) if r is not None]:
            at = [i for i, _ in read]
            vectors[at] = self.embedder.encode([text for _, text in read])
            for i, found in zip(at, self._search(vectors[at])):
                hits[i] = found
        hits = self._read_on(vectors, hits)
        judged = self.judge.judge_many([r.text if r else s for s, r in zip(statements, readings)], hits,
                                       names_of=self.names_of, context_of=self.context_of)
        return [res if r is None else res.model_copy(update={"statement": s, "explanation": f"{r.note} {res.explanation}"})
                for s, r, res in zip(statements, readings, judged)]

    def _read_on(self, vectors, hits: list[list[SearchHit]], lead: int = 3) -> list[list[SearchHit]]:
        """Each statement's hits, where the sentence after one of its `lead` best hits refers back to it ("…began
        with Plan Colombia. This US-funded initiative was…"), with that sentence scored as read after its
        antecedent (the two embedded together; the higher of that and its own similarity), added if missing.
        Such a sentence lacks the name the statement uses, so on its own it looks less similar than it is."""
        import numpy as np

        from factcheck.ingest.nlp import parse_many
        from factcheck.judge.judges import refers_back

        pairs = [(si, h.claim, nxt) for si, hs in enumerate(hits) for h in hs[:lead]
                 if (nxt := self.index.following(h.claim)) is not None]
        parse_many(nxt.sentence for _, _, nxt in pairs)  # one batched parse; the judge reuses it
        extra: list[tuple[int, Claim, str]] = []
        seen: set[tuple[int, str]] = set()
        for si, before, nxt in pairs:
            if (si, nxt.sentence) not in seen and refers_back(nxt.sentence):
                seen.add((si, nxt.sentence))
                extra.append((si, nxt, f"{before.sentence} {nxt.text}"))
        if not extra:
            return hits
        windows = self.embedder.encode([text for _, _, text in extra])
        out = [list(hs) for hs in hits]
        for (si, claim, _), vec in zip(extra, windows):
            sim = float(np.dot(vectors[si], vec))
            at = next((i for i, h in enumerate(out[si]) if h.claim.sentence == claim.sentence), None)
            if at is None:
                out[si].append(SearchHit(claim, sim))
            elif sim > out[si][at].similarity:
                out[si][at] = SearchHit(out[si][at].claim, sim)
        return out

    def check_batch(self, statements: list[str]) -> list[CheckResult]:
        """Verdicts for statements already validated (`validate_statement`), in one batch of model calls; where a
        statement says several things, each of its parts is checked too.

        A statement that cannot be judged (a fragment, another language: factcheck.ingest.statement_check)
        is answered NOT_ENOUGH_INFO with the reason, without evidence: nothing similar-looking can support it.
        """
        from factcheck.ingest.statement_check import unjudgeable
        from factcheck.judge.statements import (
            combine,
            combine_reported,
            content_decides,
            reported_content,
            split_statement,
        )

        reasons = [unjudgeable(s) for s in statements]
        todo = [s for s, r in zip(statements, reasons) if r is None]
        parts = [split_statement(s) if self.settings.split_statements else [] for s in todo]
        flat = self._judge_batch(todo + [p for ps in parts for p in ps]) if todo else []
        wholes, rest = flat[: len(todo)], iter(flat[len(todo):])
        results = [combine(w, [next(rest) for _ in ps]) for w, ps in zip(wholes, parts)]
        if self.settings.split_statements:
            # a statement of one fact that reports someone ("According to X, P") the source is silent on is also
            # read as what it reports; judged in a second batch, for those statements only
            reported = {i: c for i, (r, ps) in enumerate(zip(results, parts))
                        if not ps and content_decides(r) and (c := reported_content(todo[i]))}
            if reported:
                for i, content in zip(reported, self._judge_batch(list(reported.values()))):
                    results[i] = combine_reported(results[i], content)
        if self.settings.min_confidence is not None:
            from factcheck.judge.verdict_model import abstain

            results = [abstain(r, self.settings.min_confidence) for r in results]
        checked = iter(results)
        return [next(checked) if r is None else not_checkable(s, r) for s, r in zip(statements, reasons)]
