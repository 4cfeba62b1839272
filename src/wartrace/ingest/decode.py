"""Bytes to text, the same way for every input that does not declare its encoding.

Rules, in order:

1. Nothing or only whitespace: rejected as "empty".
2. A UTF-16/UTF-32 byte-order mark: decoded with that encoding (mark removed).
3. NUL bytes anywhere else: rejected as "binary file".
4. Valid UTF-8: decoded, a leading UTF-8 BOM removed.
5. Mostly UTF-8 with a few stray bytes (a UTF-8 file edited in a cp1252 tool): every
   valid UTF-8 sequence is kept and each invalid byte is read as cp1252 (latin-1 for the
   five bytes cp1252 leaves undefined). Re-guessing the whole file would instead turn every
   correct non-ASCII character into mojibake. "Mostly" means the file holds at least as many
   valid multi-byte characters as invalid bytes.
6. Otherwise a legacy single-byte or CJK encoding: charset-normalizer's best guess (cp1252
   on a tie, as on the web); if it finds none, or the result is full of control
   characters, "binary file".

Nothing else is changed: no stripping, no newline normalisation, since every offset
downstream points into exactly this text.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from wartrace.ingest.common import InputRejected

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FALLBACK_ERRORS = "wartrace-cp1252"
_TIE_PREFERENCE = ("cp1252",)
# Above this share of control characters (tabs and newlines aside) a decoding is not text.
_MAX_CONTROL_SHARE = 0.02
_CONTROL_SAMPLE = 65536
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc minus tab..CR
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # the same, in ASCII


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars), exc.end


codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)


def _check_text(text: str) -> str:
    if not text.strip():
        raise InputRejected("empty")
    sample = text[:_CONTROL_SAMPLE]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputRejected("binary file (not text)")
    return text


def _check_utf8(data: bytes, text: str) -> str:
    """``_check_text`` for UTF-8 input, counting control bytes in C (the common, hot path)."""
    if not text.strip():
        raise InputRejected("empty")
    sample = data[:_CONTROL_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputRejected("binary file (not text)")
    return text


def _is_mostly_utf8(data: bytes) -> bool:
    kept = data.decode("utf-8", "ignore")
    invalid = len(data) - len(kept.encode("utf-8"))
    multibyte = sum(1 for ch in kept if ord(ch) > 127)
    return multibyte > 0 and multibyte >= invalid


def decode_text(data: bytes) -> str:
    """Decode the bytes of one text input (see the module notes); raises ``InputRejected``."""
    if not data.strip():
        raise InputRejected("empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise InputRejected(f"invalid {encoding} after a byte-order mark: {exc}") from None
    if b"\x00" in data:
        raise InputRejected("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _check_utf8(data, text)
    if _is_mostly_utf8(data):
        return _check_text(data.decode("utf-8", _FALLBACK_ERRORS))
    return _check_text(_best_guess(data))


def _best_guess(data: bytes) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputRejected("binary file (no text encoding fits)")
    # Latin-script text often fits several code pages equally well (cp1250 and cp1252
    # differ on a few letters); on a tie, prefer the encoding most used on the web.
    tied = [
        m.encoding
        for m in matches
        if m.percent_chaos == best.percent_chaos and m.percent_coherence == best.percent_coherence
    ]
    for preferred in _TIE_PREFERENCE:
        if preferred in tied and preferred != best.encoding:
            return data.decode(preferred, "replace")
    return str(best)
