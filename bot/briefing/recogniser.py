"""The entity recogniser in a process of its own, beside the tagger and parser.

The recogniser reads only the tokens (it has its own embedding layer), so it can run while
the tagger and parser read the same paragraphs. In a thread of the same process the two
wait for each other's GIL: on ~700-word articles the parser alone takes about 80 ms, the
recogniser alone about 67, and both in two threads about 125 (docs/performance.md). Here
the recogniser runs in a child forked from the process that loaded the model, so it
shares the model's memory and needs no second load; it gets the paragraphs through a pipe
and sends back the entity columns of each. If the child cannot start or stops answering,
`parse` falls back to the recogniser in a thread, so a brief never depends on it.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from multiprocessing.connection import Connection, Pipe
from typing import Any

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ENTITY_ATTRS", "RecogniserProcess", "recognise"]

ENTITY_ATTRS = [ENT_IOB, ENT_TYPE]
NER = "ner"
ANSWER_SECONDS = 20.0  # far above the recogniser's time on the longest article allowed


def recognise(nlp: Language, docs: list[Doc]) -> list[Any]:
    """The entity columns (`ENTITY_ATTRS`) of each doc, as the model's recogniser sets them."""
    recogniser: Any = nlp.get_pipe(NER)
    return [doc.to_array(ENTITY_ATTRS) for doc in recogniser.pipe(docs, batch_size=len(docs))]


def _serve(nlp: Language, conn: Connection) -> None:
    """The child's loop: paragraphs in, entity columns (or the error's text) out."""
    while True:
        try:
            chunks = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        try:
            answer: Any = recognise(nlp, [nlp.make_doc(chunk) for chunk in chunks])
        except Exception as exc:  # reported to the parent, which then recognises itself
            answer = f"{type(exc).__name__}: {exc}"
        conn.send(answer)


def _close_inherited_files(keep: int) -> None:  # pragma: no cover - runs in the child
    """Close the parent's files and sockets, so a port the parent closes is not kept open."""
    limit = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 4096
    os.closerange(3, keep)
    os.closerange(keep + 1, limit)
    # Nor the parent's input and output: whoever reads them waits for the parent alone.
    nothing = os.open(os.devnull, os.O_RDWR)
    for standard in (0, 1):
        if standard not in (keep, nothing):
            os.dup2(nothing, standard)
    if nothing > 2:
        os.close(nothing)


class RecogniserProcess:
    """A forked child that runs the entity recogniser for the process that started it."""

    def __init__(self, nlp: Language) -> None:
        ours, theirs = Pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; its work is checked through the parent
            ours.close()
            _close_inherited_files(theirs.fileno())
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            gc.freeze()  # the collector then never touches (and copies) the parent's objects
            try:
                _serve(nlp, theirs)
            finally:
                os._exit(0)  # never the parent's exit handlers or buffers
        theirs.close()
        self.pid = pid
        self.model = nlp  # kept, so no other model ever takes its id while it runs
        self.owner = os.getpid()  # a process forked from this one must start its own
        self._conn = ours
        self.busy = threading.Lock()  # held from sending a text to reading its answer

    def send(self, chunks: list[str]) -> None:
        """Give the child an article's paragraphs."""
        self._conn.send(chunks)

    def receive(self) -> list[Any]:
        """The entity columns of the paragraphs last sent; OSError when the child fails."""
        if not self._conn.poll(ANSWER_SECONDS):
            raise OSError("the recogniser process did not answer in time")
        try:
            answer = self._conn.recv()
        except EOFError as gone:
            raise OSError("the recogniser process stopped") from gone
        if isinstance(answer, str):
            raise OSError(f"the recogniser process failed: {answer}")
        return answer  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the child (it exits when its pipe closes) and collect its exit status."""
        self._conn.close()
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass  # already gone
