"""Stage 5, judge: judges turn (statement, retrieved claims) into a CheckResult.

A judge is anything with `judge_many(statements, hits_per_statement) -> list[CheckResult]` (the `Judge`
protocol); judges are made by the factories registered in `factcheck.judge.registry.judges`.
- `SimilarityJudge`: SUPPORTED when a claim is similar enough, else NOT_ENOUGH_INFO. It cannot see
  contradictions (embeddings do not), and says so; kept as the baseline.
- `NLIJudge`: the NLI model scores (claim → statement) for every retrieved claim, the rule checks
  compare each aligned claim with the statement, and `factcheck.judge.fusion.decide` fuses both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from factcheck.judge.fusion import FusionConfig, decide, with_relations
from factcheck.judge.registry import judges
from factcheck.protocols import NLIScorer
from factcheck.results import CheckResult, Claim, Evidence, Relation, Verdict
from factcheck.retrieval.index import SearchHit
from factcheck.settings import Settings

if TYPE_CHECKING:
    import numpy as np


class Judge(Protocol):
    name: str

    def judge_many(self, statements: Sequence[str], hits: Sequence[list[SearchHit]],
                   names_of: Callable[[str], frozenset[str]] | None = None,
                   context_of: Callable[[Claim], str | None] | None = None) -> list[CheckResult]: ...


def _evidence(hit: SearchHit, relation: Relation = "neutral") -> Evidence:
    c = hit.claim
    return Evidence(claim=c.text, sentence=c.sentence, source=c.source, start_char=c.start_char,
                    end_char=c.end_char, similarity=round(hit.similarity, 4), relation=relation)


def dedupe_hits(hits: list[SearchHit]) -> list[SearchHit]:
    """Drop repeated claim texts, keeping the best-scoring copy (hits come best first)."""
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.claim.text in seen:
            continue
        seen.add(h.claim.text)
        out.append(h)
    return out


class SimilarityJudge:
    """Similarity-only baseline: SUPPORTED at cosine ≥ threshold, else NOT_ENOUGH_INFO; never CONTRADICTED."""

    name = "similarity"

    def __init__(self, threshold: float = 0.75):
        self.threshold = threshold

    def judge_many(self, statements, hits, names_of=None, context_of=None):
        results = []
        for statement, hs in zip(statements, hits):
            evidence = [_evidence(h, "supports" if h.similarity >= self.threshold else "neutral") for h in hs]
            best = evidence[0] if evidence else None
            if best and best.similarity >= self.threshold:
                verdict, conf = Verdict.SUPPORTED, best.similarity
                why = (f"Most similar source sentence “{best.sentence}” ({best.source}:{best.start_char}-"
                       f"{best.end_char}) has similarity {best.similarity:.2f} ≥ {self.threshold:.2f}. "
                       "The similarity judge cannot detect contradictions.")
            else:
                verdict, conf = Verdict.NOT_ENOUGH_INFO, 1.0 - (best.similarity if best else 0.0)
                why = ("No source sentence is similar enough "
                       f"(best {best.similarity:.2f} < {self.threshold:.2f})." if best else "The corpus is empty.")
            results.append(CheckResult(statement=statement, verdict=verdict, confidence=round(float(conf), 4),
                                       evidence=evidence, explanation=why))
        return results


class NLIJudge:
    """NLI over retrieved claims, fused with the deterministic rule checks."""

    name = "nli"

    def __init__(self, nli, fusion: FusionConfig, use_rules: bool = True, batch_size: int = 32, verdict_model=None,
                 passage_sentences: int = 0, collect_passages: bool = False):
        self.nli = nli
        self.fusion = fusion
        self.use_rules = use_rules
        self.batch_size = batch_size
        self.verdict_model = verdict_model  # a VerdictModel decides when given; else the threshold fusion
        self.passage_sentences = passage_sentences
        self.collect_passages = collect_passages  # read them for no model (what a verdict model is fitted on)

    @property
    def reads_passages(self) -> bool:
        """Passages cost an NLI pair per statement: read only for a verdict model that uses them, or when
        collecting features to fit one on (`benchmarks.fit_verdict_model collect`)."""
        model = self.verdict_model
        uses = model is not None and any(f.startswith("pass_") for f in model.features)
        return self.passage_sentences > 1 and (uses or self.collect_passages)

    def judge_many(self, statements, hits, names_of=None, context_of=None):
        """`names_of(doc_id)` → the names that document mentions; given, the coverage rule runs.
        `context_of(claim)` → the sentence before the claim's; given, it opens the NLI premise of a claim
        that refers back to it ("The plan is credited with…" is read after the sentence naming the plan).
        """
        if self.use_rules or context_of is not None:  # every text the rules and premises will parse, in one pass
            from factcheck.ingest.nlp import parse_many

            parse_many([*statements, *(h.claim.sentence for hs in hits for h in hs
                                       if h.similarity >= self.fusion.min_similarity)])
        pairs, where = [], []
        evidence_lists: list[list[Evidence]] = []
        for si, (statement, hs) in enumerate(zip(statements, hits)):
            evs = [_evidence(h) for h in hs]
            evidence_lists.append(evs)
            for ei, ev in enumerate(evs):
                if ev.similarity >= self.fusion.min_similarity:
                    pairs.append((_premise(hs[ei].claim, context_of), statement))
                    where.append((si, ei))
        probs = self.nli.predict(pairs, batch_size=self.batch_size) if pairs else []
        contra = self._contrapositives([(hits[si][ei].claim.text, statements[si]) for si, ei in where], probs)
        tops = [max(evs, key=lambda e: e.similarity, default=None) for evs in evidence_lists]
        coverage: dict[tuple[int, str], list] = {}
        contradicted_before: dict[tuple[str, str], list] = {}
        for n, ((si, ei), p) in enumerate(zip(where, probs)):
            ev = evidence_lists[si][ei]
            if n in contra:  # both deny: the pair read as its contrapositive too (factcheck.judge.negation)
                ev.contrapositive, p = contra[n]
            ev.probabilities = {label: round(float(x), 4) for label, x in zip(self.nli.labels, p)}
            # a claim that refers back is read with the sentence before it ("This US-funded initiative…")
            claim = hits[si][ei].claim
            before = context_of(claim) if context_of is not None and refers_back(claim.sentence) else None
            ev.read_after = before
            if self.use_rules:
                # a claim too loosely aligned for its rules to speak for or against the statement can still not
                # confirm it: "$56 billion … sales down seven percent" cannot support "sales rose seven percent"
                # however its NLI reads, so on it only the findings that block count
                # (the most similar of them is aligned whatever its score: the sentence a statement is about may
                # share few words with it, "strikes … took place in the Pacific" against "strikes … in the Caribbean")
                loose = ev.similarity < self.fusion.align_similarity and ev is not tops[si]
                ev.findings = _run_rules(ev.sentence, statements[si], before, blocking_only=loose)
                if before:  # the claims of one sentence share the sentence before: its rules run once
                    key = (before, statements[si])
                    if key not in contradicted_before:
                        contradicted_before[key] = _contradicted_before(*key)
                    ev.findings = ev.findings + contradicted_before[key]
                ev.attributed_to = next((f.attributed_to for f in ev.findings if f.attributed_to), None)
            if self.use_rules and names_of is not None:
                doc_id = hits[si][ei].claim.doc_id
                if (si, doc_id) not in coverage:  # the same for every claim of one document
                    coverage[si, doc_id] = _coverage(statements[si], names_of(doc_id), ev.source)
                gap = coverage[si, doc_id]
                if gap and _role_swap(ev.findings, statements[si], names_of(doc_id)):
                    gap = [f.model_copy(update={"blocks": None}) for f in gap]  # still noted, no longer binding
                ev.findings = ev.findings + gap
        if self.use_rules and names_of is not None:  # every retrieved item, scored or not: its document's words
            unused: dict[tuple[int, str], list[str]] = {}
            for si, (evs, hs) in enumerate(zip(evidence_lists, hits)):
                for ev, h in zip(evs, hs):
                    if (si, h.claim.doc_id) not in unused:
                        unused[si, h.claim.doc_id] = _unused(statements[si], names_of(h.claim.doc_id))
                    ev.unused_words = list(unused[si, h.claim.doc_id])
        if self.use_rules:
            from factcheck.judge.rules.dates import settle_dates
            from factcheck.judge.rules.quantities import settle_across

            for si, evs in enumerate(evidence_lists):
                settle_across(evs)
                # a year another sentence of the document gives, retrieved or not (the coverage check's words)
                settle_dates(evs, None if names_of is None else _document_words(evs, hits[si], names_of))
        if self.reads_passages:
            self._read_passages(statements, hits, evidence_lists)
        results = []
        for statement, evs in zip(statements, evidence_lists):
            if self.verdict_model is not None:
                results.append(self.verdict_model.decide(statement, evs))
                continue
            verdict, conf, why = decide(evs, self.fusion)
            results.append(CheckResult(statement=statement, verdict=verdict, confidence=conf,
                                       evidence=with_relations(evs, self.fusion), explanation=why))
        return results

    def _contrapositives(self, pairs: list[tuple[str, str]], probs) -> dict[int, tuple[dict[str, float], np.ndarray]]:
        """For the (sentence, statement) pairs that each deny something, by index: NLI on the contrapositive pair,
        and the pair's probabilities with it and the plain reading folded in (`factcheck.judge.negation`)."""
        from factcheck.judge.negation import contrapositive_pairs, fold

        todo = contrapositive_pairs(pairs)
        if not todo:
            return {}
        read = self.nli.predict([pair for _, back, plain in todo for pair in (back, plain)], batch_size=self.batch_size)
        labels = list(self.nli.labels)
        return {i: ({label: round(float(x), 4) for label, x in zip(labels, read[2 * k])},
                    fold(probs[i], read[2 * k], read[2 * k + 1], labels))
                for k, (i, _, _) in enumerate(todo)}

    def _read_passages(self, statements, hits, evidence_lists) -> None:
        """Set `passage` on each statement's most similar scored item: NLI on the statement against that sentence
        read together with the next most similar scored sentences of the same document (`passage_sentences` in
        all, in document order), for a statement whose evidence is spread over neighbouring sentences."""
        pairs, owners = [], []
        for statement, hs, evs in zip(statements, hits, evidence_lists):
            scored = sorted((i for i, e in enumerate(evs) if e.probabilities is not None),
                            key=lambda i: -evs[i].similarity)
            if not scored:
                continue
            doc = hs[scored[0]].claim.doc_id
            sentences: dict[int, str] = {}  # start offset → sentence: claims of one sentence read once
            for i in scored:
                claim = hs[i].claim
                if claim.doc_id == doc and len(sentences) < self.passage_sentences:
                    sentences.setdefault(claim.start_char, claim.sentence)
            if len(sentences) > 1:
                pairs.append((" ".join(s for _, s in sorted(sentences.items())), statement))
                owners.append(evs[scored[0]])
        if pairs:
            for ev, p in zip(owners, self.nli.predict(pairs, batch_size=self.batch_size)):
                ev.passage = {label: round(float(x), 4) for label, x in zip(self.nli.labels, p)}


def _premise(claim, context_of) -> str:
    """The NLI premise: the claim, opened by the sentence before it when the claim refers back to it.

    Measured on the development statements (tests/fixtures/dev): the previous sentence for every claim
    0.862, only for claims that refer back 0.879, never 0.828 — so only where the claim needs it.
    """
    if context_of is None or not refers_back(claim.sentence):
        return claim.text
    before = context_of(claim)
    return f"{before} {claim.text}" if before else claim.text


def refers_back(sentence: str) -> bool:
    """Whether a sentence leans on the one before: a pronoun or a definite description as its subject
    ("their relationship", "the plan"), a demonstrative anywhere ("these actions"), or no name at all."""
    from factcheck.ingest.nlp import parse

    doc = parse(sentence)
    if not any(t.pos_ == "PROPN" or t.ent_type_ for t in doc):
        return True
    if any(t.lower_ in DEMONSTRATIVES and t.dep_ == "det" for t in doc):
        return True
    for tok in doc:
        if tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        words = list(tok.subtree)
        if any(w.pos_ == "PRON" and w.lower_ not in {"who", "which", "that", "what", "it"} for w in words):
            return True
        if tok.pos_ == "NOUN" and words[0].lower_ == "the" and not any(w.pos_ == "PROPN" for w in words):
            return True
    return False


DEMONSTRATIVES = frozenset({"this", "these", "those", "such"})


def _run_rules(sentence: str, statement: str, context: str | None = None, blocking_only: bool = False):
    from factcheck.judge.rules import run_rules

    return run_rules(sentence, statement, context=context, blocking_only=blocking_only)


def _document_words(evs, hs, names_of) -> Callable[[Evidence], frozenset[str]]:
    """An evidence item → the words of its whole document (`names_of`, the coverage check's)."""
    docs = {id(ev): h.claim.doc_id for ev, h in zip(evs, hs)}
    return lambda ev: names_of(docs[id(ev)])


def _contradicted_before(before: str, statement: str):
    """A claim read after the sentence before it owes its NLI reading to both: where the rules find that sentence
    contradicts the statement ("… are not viewed as a security threat" against "were viewed as a security
    threat"), the pair's entailment cannot support it. The findings are kept as blocks on support, without spans:
    their offsets are in the sentence before, not in the claim shown."""
    return [f.model_copy(update={"relation": "neutral", "blocks": "support", "source_span": None,
                                 "explanation": f"the sentence before it contradicts the statement: {f.explanation}"})
            for f in _run_rules(before, statement) if f.relation == "contradicts"]


def _role_swap(findings, statement: str, names: frozenset[str]) -> bool:
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.coverage import named_by_a_role

    return named_by_a_role(findings, parse(statement), names)


def _coverage(statement: str, names: frozenset[str], source: str):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules import run_document_rules

    return run_document_rules(parse(statement), names, source)


def _unused(statement: str, names: frozenset[str]) -> list[str]:
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.coverage import unused_words

    return unused_words(parse(statement), names)


def similarity_judge(settings: Settings, nli: NLIScorer | None = None) -> Judge:
    """The similarity baseline with the threshold from settings."""
    return SimilarityJudge(settings.similarity_threshold)


def nli_judge(settings: Settings, nli: NLIScorer | None = None) -> Judge:
    """NLI + rules; `nli` injects a loaded NLI model (tests, benchmarks), else the one settings name loads.

    Fusion parameters come from settings over the model's own (its fusion.json), so another model never
    inherits the thresholds tuned for the shipped one.
    """
    if nli is None:
        from factcheck.judge.nli import load_nli

        nli = load_nli(settings.nli_model)
    fusion = FusionConfig.from_settings(settings, getattr(nli, "fusion_params", None))
    from factcheck.judge.verdict_model import verdict_model_for

    model = verdict_model_for(settings, nli)
    if model is not None:
        model = model.grounded(fusion)
    return NLIJudge(nli, fusion, use_rules=settings.use_rules, verdict_model=model,
                    passage_sentences=settings.passage_sentences)


judges.register("nli", nli_judge)
judges.register("similarity", similarity_judge)
