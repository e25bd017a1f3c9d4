"""A seam for tests that kill a build at a chosen moment; inert unless DATELINE_PAUSE is set.

With DATELINE_PAUSE="PHASE:FLAG", a build that reaches PHASE creates the file FLAG and waits
there until it is killed, so a test kills it at that very point on a machine of any speed.
The phases, in the order a build meets them:

    reading    the build lock is held; nothing read yet
    staging    the staging folder is ready; nothing written into it
    writing    the first new file is in the staging folder (in whichever process wrote it)
    swapping   every file is staged; the output folder not yet replaced
    swapped    the new site is in place; the cache not yet saved
"""

from __future__ import annotations

import os
import signal

VARIABLE = "DATELINE_PAUSE"
PHASES = ("reading", "staging", "writing", "swapping", "swapped")


def pause_at(phase: str) -> None:
    """Wait here for a kill when a test asked for this phase; return at once otherwise."""
    request = os.environ.get(VARIABLE)
    if request is None:
        return
    wanted, _, flag = request.partition(":")
    if wanted != phase:
        return
    with open(flag, "a"):
        pass
    while True:
        signal.pause()
