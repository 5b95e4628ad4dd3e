"""Stage 2, claims: sentences of a document, split into self-contained atomic claims where that is safe.

Every claim keeps its source sentence and the sentence's character offsets in the document's
original text. A sentence always yields itself as a claim; when it holds coordinated main
clauses, a non-restrictive relative clause ("X, which Y") or an apposition, the parts become
extra claims, so retrieval can match a statement against either the whole or a part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from factcheck.ingest.nlp import which_antecedent
from factcheck.ingest.read import Document
from factcheck.results import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

_Context = TypeVar("_Context")

_BLOCK_SPLIT = re.compile(r"\n\s*\n|\n(?=\s*\S)")
# Sentence-ish boundaries for cutting an over-long block: end punctuation (and closing quotes) then space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
MIN_SENTENCE_CHARS = 12
# Longest block handed to spaCy in one piece. Longer paragraphs (a 1 MB one-paragraph file) are cut at
# sentence-ish boundaries: spaCy refuses texts over nlp.max_length (E088) and its memory grows with length.
MAX_BLOCK_CHARS = 10_000
# Characters parsed per spaCy batch (at most PIPE_BATCH_ITEMS blocks). The parser's memory grows with the
# characters in a batch (~3 kB each, measured): 64 blocks of 10,000 characters took 1.5 GB, 20,000 take ~60 MB.
PIPE_BATCH_CHARS = 20_000
PIPE_BATCH_ITEMS = 64
# spaCy components claim extraction does not read (it uses tags, POS and the parse): skipping them halves
# the parse time and does not change a claim.
_UNUSED_PIPES = ("ner", "lemmatizer")


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Paragraph-like blocks (split at newlines) with their start offsets."""
    start = 0
    for m in _BLOCK_SPLIT.finditer(text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]


def split_long(offset: int, block: str, limit: int = MAX_BLOCK_CHARS) -> Iterator[tuple[int, str]]:
    """Cut a block longer than `limit` into pieces of at most `limit` characters, each ending at the last
    sentence end (else the last space) before the limit; offsets stay exact."""
    while len(block) > limit:
        window = block[:limit]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window, limit // 2)), default=0)
        if not cut:
            cut = window.rfind(" ", limit // 2) + 1 or limit
        yield offset, block[:cut]
        offset, block = offset + cut, block[cut:]
    yield offset, block


def tidy_clause(text: str) -> str:
    """A clause cut out of a sentence as a sentence of its own: spaces and stray punctuation tidied, the first
    letter capitalised, a full stop added. Claim extraction and the synthetic-pair generator both use it."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?\"”'’":
        text += "."
    return text


def render_tokens(tokens: Iterable) -> str:
    """The text of some tokens of one Doc, in order, spaced as in the Doc (a gap where tokens were left out)."""
    out, last = [], None
    for t in sorted(tokens, key=lambda t: t.i):
        if last is not None and t.i != last.i + 1 and not last.whitespace_:
            out.append(" ")  # a removed span took the space with it
        out.append(t.text_with_ws)
        last = t
    return "".join(out)


def text_without(tokens, removed: set[int]) -> str:
    """The text of a sentence or Doc without the tokens whose indices are in `removed`."""
    return render_tokens(t for t in tokens if t.i not in removed)


def _comma_bounded(sub: list, sent) -> set[int]:
    """Indices of a subtree plus the commas that set it off."""
    ids = {t.i for t in sub}
    lo, hi = min(ids), max(ids)
    doc = sent.doc
    if lo - 1 >= sent.start and doc[lo - 1].text == ",":
        ids.add(lo - 1)
    if hi + 1 < sent.end and doc[hi + 1].text == ",":
        ids.add(hi + 1)
    return ids


QUANTIFIERS = frozenset({"many", "most", "some", "several", "all", "few", "both", "half", "none", "each", "one",
                         "two", "three", "four", "five", "dozens", "hundreds", "thousands"})


def _quantified_relative(sub, sent) -> bool:
    """Whether a relative clause reads "…, many of which/whom …" after a noun."""
    first = sub[0]
    return (len(sub) > 3 and first.lower_ in QUANTIFIERS and sub[1].lower_ == "of" and sub[2].lower_ in ("which", "whom")
            and first.i - 2 >= sent.start and sent.doc[first.i - 1].text == ","
            and sent.doc[first.i - 2].pos_ in ("NOUN", "PROPN"))


def atomic_parts(sent) -> list[str]:
    """Split one spaCy sentence into atomic claims (empty when it should stay whole)."""
    parts: list[str] = []
    root = sent.root
    if any(t.dep_ == "appos" and any(c.dep_ == "neg" and c.i < t.i for c in (*t.children, *t.head.children))
           for t in sent):
        return []  # "Burton, not Manson, called it off": one fact told against another, kept whole
    # Coordinated main clauses: "A did X, and B did Y" -> "A did X." + "B did Y."
    for conj in root.children:
        if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in conj.children
        ):
            right = list(conj.subtree)
            cut = {t.i for t in right}
            cut |= {c.i for c in root.children if c.dep_ in ("cc", "punct") and c.i < conj.i and c.i > root.i
                    and c.i >= min(cut) - 2}
            left = tidy_clause(text_without(sent, cut))
            right_text = tidy_clause(render_tokens(t for t in right if not (t.dep_ == "cc" and t.head == conj)))
            if len(left) >= MIN_SENTENCE_CHARS and len(right_text) >= MIN_SENTENCE_CHARS:
                parts += [left, right_text]
    for tok in sent:
        # "X, which Y" -> "X Y" and the sentence without the clause.
        if tok.dep_ == "relcl" and tok.head.pos_ in ("PROPN", "NOUN"):
            sub = list(tok.subtree)
            first = sub[0]
            if _quantified_relative(sub, sent):
                # "programmes, many of which were cancelled" → the sentence without the clause, and
                # "Many programmes were cancelled." (the antecedent is the noun phrase before the comma)
                noun = sent.doc[first.i - 2]
                kept = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("amod", "compound", "flat")] + [noun]
                parts.append(tidy_clause(text_without(sent, _comma_bounded(sub, sent))))
                parts.append(tidy_clause(f"{first.text.capitalize()} {render_tokens(kept)} {render_tokens(sub[3:])}"))
                continue
            if first.lower_ in ("which", "who") and first.i - 1 >= sent.start and sent.doc[first.i - 1].text == ",":
                parts.append(tidy_clause(text_without(sent, _comma_bounded(sub, sent))))
                head_np = [t for t in tok.head.subtree if t.i < first.i - 1 and t.i >= tok.head.left_edge.i]
                antecedent = which_antecedent(first, tok.head)
                if antecedent.i != tok.head.i:  # "Park Sung-jin of Yonhap, which broke the story": Yonhap broke it
                    head_np = [t for t in antecedent.subtree if t.i < first.i - 1]
                rest = [t for t in sub if t.i != first.i]
                # "X, which Y" → "X Y" only when the pronoun is the clause's subject.
                if head_np and rest and first.dep_ in ("nsubj", "nsubjpass"):
                    parts.append(tidy_clause(render_tokens(head_np) + " " + render_tokens(rest)))
        # Apposition: "Petro, Colombia's president, said" -> "Petro is Colombia's president."
        elif tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            sub = list(tok.subtree)
            if all(t.pos_ in ("PROPN", "PUNCT") for t in sub):
                continue  # a bare name after a name ("Portland, Oregon") places it; it does not describe it
            head_np = [t for t in tok.head.subtree if t.i < sub[0].i and t.dep_ != "punct"]
            # Only a plain noun phrase right before ", appos" (parses that hang the apposition on a
            # distant head, across a clause, are left whole).
            contiguous = head_np and head_np[-1].i + 2 == sub[0].i and sent.doc[sub[0].i - 1].text == ","
            if contiguous and not any(t.pos_ in ("VERB", "AUX") for t in head_np):
                verb = "are" if tok.tag_ in ("NNS", "NNPS") else "is"
                parts.append(tidy_clause(render_tokens(head_np) + f" {verb} " + render_tokens(sub)))
                parts.append(tidy_clause(text_without(sent, _comma_bounded(sub, sent))))
    parts += _closing_description(sent)
    whole = tidy_clause(sent.text)
    return [p for p in dict.fromkeys(parts) if len(p) >= MIN_SENTENCE_CHARS and p != whole]


# Nouns that describe what a clause tells, not its object: "cut subsidies, a move that angered truckers".
EVENT_NOUNS = frozenset({"move", "step", "decision", "action", "measure", "development", "change", "shift", "blow",
                         "setback", "boost", "first", "record", "sign", "response", "reversal", "turn", "signal"})


def _closing_description(sent) -> list[str]:
    """A noun phrase closing a sentence after a comma that describes the clause's object: "Petro is striving to
    achieve total peace in Colombia, a goal threatened by resurgent attacks …" → "Total peace is a goal threatened by
    resurgent attacks …" (the parser hangs such a phrase on the verb; it needs a participle or relative clause of its
    own, so a bare "…, a first" is left alone)."""
    doc = sent.doc
    for tok in sent:
        if tok.dep_ not in ("npadvmod", "appos") or tok.pos_ != "NOUN" or tok.lemma_.lower() in EVENT_NOUNS:
            continue  # "…, a move that angered truckers" describes the act, not its object
        sub = list(tok.subtree)
        first, last = sub[0].i, sub[-1].i
        if first - 1 < sent.start or doc[first - 1].text != "," or not any(c.dep_ in ("acl", "relcl") for c in tok.children):
            continue
        if any(not t.is_punct for t in doc[last + 1:sent.end]):
            continue  # not the end of the sentence
        # hung on the verb, or (read in its paragraph) on a distant noun across the clause: not a plain apposition
        if tok.head.pos_ not in ("VERB", "AUX") and not any(t.pos_ == "VERB" for t in doc[tok.head.i + 1:first]):
            continue
        obj = next((t for t in reversed(doc[sent.start:first]) if t.dep_ == "dobj" and t.pos_ == "NOUN"), None)
        if obj is None:
            continue
        phrase = [t for t in obj.subtree if t.i <= obj.i and not t.is_punct]
        return [tidy_clause(f"{render_tokens(phrase)} is {render_tokens(sub)}")]
    return []


def _parse(nlp, items: Iterable[tuple[str, _Context]], disable: list[str]) -> Iterator[tuple[SpacyDoc, _Context]]:
    """nlp.pipe over (text, context) pairs, in batches of at most PIPE_BATCH_CHARS characters."""
    batch: list[tuple[str, _Context]] = []
    chars = 0
    for item in items:
        if batch and (chars + len(item[0]) > PIPE_BATCH_CHARS or len(batch) == PIPE_BATCH_ITEMS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=disable)
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=disable)


def extract_claims(docs: Iterable[Document], nlp=None, split: bool = True,
                   progress: Callable[[int], None] | None = None) -> Iterator[Claim]:
    """Sentences and atomic claims of each document, with offsets into its original text.

    All documents' blocks are parsed together in batches (per-call overhead matters for corpora of many short
    documents); order is preserved, so each document's blocks arrive together and in order. Blocks are
    paragraphs cut to at most MAX_BLOCK_CHARS, and a batch holds at most PIPE_BATCH_CHARS, so memory stays
    bounded on any source. `progress(n)` is called with the number of characters of each block once parsed.
    """
    if nlp is None:
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()

    def blocks():
        for doc in docs:
            for offset, blk in _blocks(doc.text):
                if blk.strip():
                    for start, piece in split_long(offset, blk, MAX_BLOCK_CHARS):
                        yield piece, (doc, start)
                elif progress:
                    progress(len(blk))

    skip = [name for name in _UNUSED_PIPES if name in nlp.pipe_names]
    current, n = None, 0
    for parsed, (doc, offset) in _parse(nlp, blocks(), skip):
        if doc is not current:
            current, n = doc, 0
        for sent in parsed.sents:
            raw = sent.text
            stripped = raw.strip()
            if len(stripped) < MIN_SENTENCE_CHARS or not any(c.isalpha() for c in stripped):
                continue
            start = offset + sent.start_char + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            sentence = doc.text[start:end]
            start, end = doc.to_original(start, end)  # HTML: the text is shorter than the original
            texts = [re.sub(r"\s+", " ", sentence)]
            if split:
                texts += atomic_parts(sent)
            for j, text in enumerate(texts):
                yield Claim(
                    id=f"{doc.doc_id}:{n}" + (f".{j}" if j else ""),
                    text=text,
                    sentence=sentence,
                    doc_id=doc.doc_id,
                    source=doc.path,
                    start_char=start,
                    end_char=end,
                )
            n += 1
        if progress:
            progress(len(parsed.text))
