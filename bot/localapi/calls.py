"""One recorded Bot API call: what the server logs and what the control client reads."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

__all__ = ["ApiCall", "CallRecord"]

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One Bot API call the bot made, as recorded by the server."""

    seq: int
    method: str
    params: JSON
    chat_id: int | str | None
    time: float
    duration: float
    status: int
    response: JSON

    @classmethod
    def from_json(cls, data: JSON) -> ApiCall:
        """Build a call from the control API's JSON."""
        return cls(**{field.name: data[field.name] for field in fields(cls)})

    @property
    def ok(self) -> bool:
        """Tell whether the server answered the call successfully."""
        return bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        """Return the call's result (None when it failed)."""
        return self.response.get("result")

    @property
    def text(self) -> str | None:
        """Return the `text` parameter the bot sent, if any."""
        value = self.params.get("text")
        return None if value is None else str(value)

    def to_json(self) -> JSON:
        """Return the call as the control API shows it."""
        return {
            "seq": self.seq,
            "method": self.method,
            "params": self.params,
            "chat_id": self.chat_id,
            "time": self.time,
            "duration": self.duration,
            "status": self.status,
            "response": self.response,
        }

    def matches(self, methods: frozenset[str], chat_id: int | str | None, since: int) -> bool:
        """Tell whether the call passes the control API's filters."""
        if self.seq <= since or (methods and self.method.lower() not in methods):
            return False
        return chat_id is None or str(self.chat_id) == str(chat_id)


# The server's name for the same record.
CallRecord = ApiCall
