"""Read each review and keep only its row of figures: in parallel, one review at a time per
process, so that an archive of thousands of reviews never has more than a few in memory."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from pydantic import ValidationError

from chronogen.across_reviews.inputs import ReviewInput
from chronogen.analyse import analyse_case
from chronogen.analyse.review_figures import review_figures
from chronogen.errors import ChronogenError
from chronogen.model.case import Case
from chronogen.model.overview import OverviewProblem, ReviewFigures
from chronogen.read.case import read_case_files
from chronogen.write.json_file import read_case_json


@dataclass
class Collected:
    """What reading one review gave: its figures, or why there are none."""

    figures: ReviewFigures | None
    problems: list[OverviewProblem]


def made_up_id(source: ReviewInput) -> str:
    """An id for a review whose case.toml gives none: from its path, which it does not show
    (a folder is often named after the family)."""
    digest = hashlib.sha256(str(source.path).encode("utf-8", "surrogatepass")).hexdigest()
    return f"unnamed-{digest[:8]}"


def read_review(source: ReviewInput) -> Collected:
    """One review's figures. Never raises: what goes wrong is a problem of that review."""
    try:
        case = _read(source)
    except ChronogenError as error:
        return _unread(source, str(error))
    except (ValidationError, ValueError) as error:
        return _unread(source, f"not a case.json chronogen wrote "
                               f"({str(error).splitlines()[0]})")
    except Exception as error:  # one bad review must never stop the overview
        return _unread(source, f"an internal error ({type(error).__name__}); please report it")
    review_id = case.review.id
    problems = []
    if review_id is None:
        review_id = made_up_id(source)
        problems.append(OverviewProblem(
            review=review_id, severity="warning",
            message="case.toml gives no [review] id: this id was made from the path",
            detail=f"{source.path}: case.toml gives no [review] id; called {review_id}"))
    figures = review_figures(case, review_id, id_made_up=case.review.id is None,
                             read_from=source.kind)
    return Collected(figures, problems)


def _unread(source: ReviewInput, reason: str) -> Collected:
    return Collected(None, [OverviewProblem(
        review=made_up_id(source), severity="error",
        message=f"a {source.kind} could not be read; it is left out (the terminal report "
                "says which and why)",
        detail=f"{source.path}: not read: {reason}")])


def _read(source: ReviewInput) -> Case:
    if source.kind == "case.json":
        try:
            return read_case_json(source.path)
        except OSError as error:
            raise ChronogenError(f"cannot read it ({error.strerror or error})") from error
        except UnicodeDecodeError as error:
            raise ChronogenError("not UTF-8 text") from error
    # the overview reads no entry's cells: they are not kept
    return analyse_case(read_case_files(source.path, keep_raw=False), owned=True)


def collect(sources: list[ReviewInput], *, jobs: int | None = None,
            progress: Callable[[str], None] | None = None) -> Iterator[Collected]:
    """Each review's :class:`Collected`, in the order of *sources*; *jobs* processes (default:
    one per core; 1 reads in this process)."""
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(sources) <= 1:
        for number, source in enumerate(sources, start=1):
            if progress:
                progress(f"review {number} of {len(sources)}")
            yield read_review(source)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=min(workers, len(sources)),
                             mp_context=multiprocessing.get_context(method)) as pool:
        for number, collected in enumerate(pool.map(read_review, sources, chunksize=1),
                                           start=1):
            if progress and number % 10 == 0:
                progress(f"review {number} of {len(sources)}")
            yield collected
