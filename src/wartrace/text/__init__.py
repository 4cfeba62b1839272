"""The text stage: boilerplate removal, language identification and origin.

``analyse_text`` keeps offsets valid: its ``clean_text`` has the raw text's length,
with page furniture blanked. ``line_keys``/``outlet_key`` let the pipeline learn each
outlet's own recurring lines.
"""

from wartrace.text.analyse import analyse_text, outlet_key
from wartrace.text.language import detect_language
from wartrace.text.lines import line_keys

__all__ = ["analyse_text", "detect_language", "line_keys", "outlet_key"]
