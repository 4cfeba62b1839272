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
6. Otherwise a legacy encoding, guessed with a bias to what news sites use:
   - Latin-script text (bytes above 0x7F come alone or in pairs, inside words of ASCII
     letters): cp1252, a superset of Latin-1 for text, keeping any valid UTF-8 sequence
     as in rule 5 (a Latin-1 file with one pasted UTF-8 character);
   - text whose words are runs of such bytes: Windows-1256 (Arabic) or Windows-1251
     (Cyrillic), whichever charset-normalizer finds more coherent;
   - else charset-normalizer's free guess (CJK and others); if it finds none, or the
     result is full of control characters, "binary file".
   A guess is reported (``Decoded.guessed``) so the article can carry a warning.

Nothing else is changed: no stripping, no newline normalisation, since every offset
downstream points into exactly this text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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
_NON_LATIN_NEWS = ("cp1256", "cp1251")
_MAX_CHAOS = 20.0  # charset-normalizer's percentage of odd characters: above, a guess is wrong
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


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    guessed: str | None = None  # the encoding, when it had to be guessed


def decode_text(data: bytes) -> str:
    """Decode the bytes of one text input (see the module notes); raises ``InputRejected``."""
    return decode_guessing(data).text


def guess_warning(decoded: Decoded) -> tuple[str, ...]:
    """The article warning for a guessed encoding (none when it was declared or UTF-8)."""
    if decoded.guessed is None:
        return ()
    return (f"encoding not declared, guessed as {decoded.guessed}; check accented letters",)


def decode_guessing(data: bytes) -> Decoded:
    """``decode_text``, also saying which encoding was guessed (rule 6), if any."""
    if not data.strip():
        raise InputRejected("empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_check_text(data[len(bom) :].decode(encoding)))
            except UnicodeDecodeError as exc:
                raise InputRejected(f"invalid {encoding} after a byte-order mark: {exc}") from None
    if b"\x00" in data:
        raise InputRejected("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Decoded(_check_utf8(data, text))
    if _is_mostly_utf8(data):
        text = _check_text(data.decode("utf-8", _FALLBACK_ERRORS))
        return Decoded(text, "utf-8 with stray bytes read as cp1252")
    if _looks_latin(data):
        return Decoded(_check_text(data.decode("utf-8", _FALLBACK_ERRORS)), "cp1252")
    text, encoding = _best_guess(data)
    return Decoded(_check_text(text), encoding)


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
# A valid UTF-8 multi-byte character pasted into a legacy file is not a run of its bytes.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_LONG_HIGH_RUN = 3  # Arabic or Cyrillic words are runs of high bytes; Latin words are not


def _looks_latin(data: bytes) -> bool:
    """High bytes come alone or in pairs (accents inside ASCII words): a Latin-script text."""
    runs = _HIGH_RUN.findall(_UTF8_SEQUENCE.sub(b"", data[:_CONTROL_SAMPLE]))
    if not runs:
        return True
    long_runs = sum(1 for r in runs if len(r) >= _LONG_HIGH_RUN)
    return long_runs * 10 < len(runs)


def _best_guess(data: bytes) -> tuple[str, str]:
    # Words made of high bytes: first the news encodings of Arabic and Cyrillic.
    matches = from_bytes(data, cp_isolation=list(_NON_LATIN_NEWS))
    best = matches.best()
    if best is not None and best.percent_chaos <= _MAX_CHAOS:
        return str(best), best.encoding
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputRejected("binary file (no text encoding fits)")
    return str(best), best.encoding
