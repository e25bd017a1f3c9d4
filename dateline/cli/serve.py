"""The serve command's loop: build once, then serve and rebuild until interrupted."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from dateline.engine.serve import BuildState, make_server, watch_and_rebuild


def serve(content: Path, out: Path, host: str, port: int, pdf: bool) -> int:
    from dateline.cli.build import build_and_write
    from dateline.engine.cache import cache_dir_for
    from dateline.engine.pipeline import check_output, template_dirs
    from dateline.engine.write import WriteError

    place = Path(os.path.normpath(out.absolute()))
    try:
        check_output(content, place, cache_dir_for(place))
    except WriteError as problem:  # an output it must not replace: refused before anything
        print(f"error: {problem}", file=sys.stderr)
        return 1

    def rebuild() -> str | None:
        return build_and_write(content, out, pdf)

    state = BuildState()
    state.record(rebuild())
    out.mkdir(parents=True, exist_ok=True)
    server = make_server(out, state, host, port)
    stop = threading.Event()
    watched = [content, *[d for d in template_dirs(content) if d.is_dir()]]
    watcher = threading.Thread(
        target=watch_and_rebuild, args=(watched, rebuild, state, stop), daemon=True
    )
    watcher.start()
    address = f"http://{host}:{server.server_address[1]}/"
    print(f"serving {out} at {address} (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()  # until Ctrl-C, which the command line reports
    finally:
        stop.set()
        server.server_close()
    return 0  # not reached: serving ends only by Ctrl-C
