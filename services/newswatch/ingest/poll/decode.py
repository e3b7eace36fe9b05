"""Response bodies decoded with a bound on the output, so a small gzip bomb stays small.

httpx decompresses a whole network chunk at once; a 64 KiB chunk of zeros can expand a
thousandfold before any size check sees it. Here zlib is asked for at most ``room + 1`` bytes per
chunk, and the body is given up the moment it would pass the limit. Only the encodings the
poller asks for (``Accept-Encoding: gzip, deflate``) are accepted.
"""

from __future__ import annotations

import zlib

ACCEPT_ENCODING = "gzip, deflate"


class TooLarge(Exception):
    pass


class BadEncoding(Exception):
    pass


class BoundedDecoder:
    def __init__(self, content_encoding: str | None, limit: int) -> None:
        encodings = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
        encodings = [e for e in encodings if e != "identity"]
        if len(encodings) > 1:
            raise BadEncoding(f"stacked content encodings {content_encoding!r}")
        self._limit = limit
        self._size = 0
        self._zlib: zlib._Decompress | None = None
        self._deflate = False
        if encodings:
            if encodings[0] in ("gzip", "x-gzip"):
                self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
            elif encodings[0] == "deflate":
                self._zlib = zlib.decompressobj()
                self._deflate = True
            else:
                raise BadEncoding(f"content encoding {encodings[0]!r} was not asked for")

    def feed(self, chunk: bytes) -> bytes:
        room = self._limit - self._size
        if self._zlib is None:
            out = chunk
        else:
            try:
                out = self._zlib.decompress(chunk, room + 1)
            except zlib.error as exc:
                if not (self._deflate and self._size == 0):
                    raise BadEncoding(f"corrupt compressed body: {exc}") from None
                # Some servers send raw deflate (no zlib header) under "deflate".
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._deflate = False
                return self.feed(chunk)
        self._size += len(out)
        if self._size > self._limit:
            raise TooLarge(f"body above {self._limit} bytes")
        return out

    def flush(self) -> bytes:
        if self._zlib is None:
            return b""
        room = self._limit - self._size
        out = self._zlib.flush(room + 1) if room >= 0 else b""
        self._size += len(out)
        if self._size > self._limit:
            raise TooLarge(f"body above {self._limit} bytes")
        return out
