"""The import pipeline: read (one reader per format) -> detect -> store into the corpus.

    read_<format>(text, path) -> ImportResult(records, failures)   ris, csljson, medline, bibtex, tei
    detect_format(text) -> format                                   detect.py
    store_import(...) -> where the file went                        store.py
    merge_summary(...) -> how the entries met identity              summary.py
"""

from .detect import detect_format
from .read import EXTENSIONS, READERS, format_of_path, read_text
from .records import FORMATS, ImportedRecord, ImportFailure, ImportResult

__all__ = ["EXTENSIONS", "FORMATS", "READERS", "ImportFailure", "ImportResult", "ImportedRecord", "detect_format",
           "format_of_path", "read_text"]
