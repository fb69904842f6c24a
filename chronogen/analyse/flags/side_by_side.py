"""The flag rules of a long case run in two processes, side by side, each taking the next
rule not yet taken (the rules that take longest first), so that neither waits for the
other (from 20,000 entries up to 300,000: past that the memory the second process copies
outweighs the time): on Linux, where a forked process shares the case and its flag context
without copying them; the flags come back rule by rule, in the registry's order, so the
result is the same as running the rules one after another (tested)."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized

from chronogen.analyse.context import FlagContext
from chronogen.analyse.flags.registry import RegisteredRule
from chronogen.model.flag import Flag

#: from this many entries the rules run side by side (below it a second process costs more
#: than it saves: about 30 ms to start)...
SIDE_BY_SIDE_FROM = 20_000
#: ...up to this many: the second process copies each page of the case it touches (about
#: 100 MB at 100k entries, measured: a gigabyte at a million, for a sixth of the rules' time)
SIDE_BY_SIDE_UP_TO = 300_000


def run_rules(context: FlagContext, rules: Sequence[RegisteredRule]) -> list[list[Flag]]:
    """Each rule's flags, in *rules*' order."""
    entries = len(context.case.entries)
    if not SIDE_BY_SIDE_FROM <= entries <= SIDE_BY_SIDE_UP_TO or (os.cpu_count() or 1) < 2 \
            or len(rules) < 2 or "fork" not in multiprocessing.get_all_start_methods() \
            or multiprocessing.current_process().daemon or not _ONE_AT_A_TIME.acquire(False):
        # (a daemon's process may start none; another thread's rules are running side by
        # side: these run here, one after another)
        return [list(registered.func(context)) for registered in rules]
    try:
        return _side_by_side(context, rules)
    finally:
        _ONE_AT_A_TIME.release()


#: one process forked at a time (another thread's fork in between would copy this one's
#: half-made state)
_ONE_AT_A_TIME = threading.Lock()


def _side_by_side(context: FlagContext, rules: Sequence[RegisteredRule]) -> list[list[Flag]]:
    # the rules that take longest first, so that the last taken are short and neither
    # process is left long alone
    order = sorted(range(len(rules)), key=lambda place: not rules[place].long)
    processes = multiprocessing.get_context("fork")
    taken: Synchronized[int] = processes.Value("i", 0)
    receive, send = processes.Pipe(duplex=False)
    other = processes.Process(target=_take_in_turn_and_send,
                              args=(context, rules, order, taken, send), daemon=True)
    other.start()
    send.close()
    theirs: dict[int, list[Flag]] | None = None
    try:
        done = _take_in_turn(context, rules, order, taken)
        theirs = receive.recv()
    except EOFError:  # the other process ended without a word (killed)
        pass
    except BaseException:  # a rule failing here leaves no process behind
        other.terminate()
        raise
    finally:
        other.join()
        receive.close()
    if theirs is None:  # a rule failed there: run what it took here, to raise as it does
        theirs = {place: list(rules[place].func(context))
                  for place in range(len(rules)) if place not in done}
    done.update(theirs)
    return [done[place] for place in range(len(rules))]


def _take_in_turn(context: FlagContext, rules: Sequence[RegisteredRule], order: list[int],
                  taken: Synchronized[int]) -> dict[int, list[Flag]]:
    """Run the next rule no process has taken, until none is left; its flags by place."""
    done: dict[int, list[Flag]] = {}
    while True:
        with taken.get_lock():
            turn = taken.value
            taken.value += 1
        if turn >= len(order):
            return done
        place = order[turn]
        done[place] = list(rules[place].func(context))


def _take_in_turn_and_send(context: FlagContext, rules: Sequence[RegisteredRule],
                           order: list[int], taken: Synchronized[int], send: Connection
                           ) -> None:
    try:
        done: dict[int, list[Flag]] | None = _take_in_turn(context, rules, order, taken)
    except BaseException:  # said by the parent, which runs the rule again to raise it
        done = None
    send.send(done)
    send.close()
