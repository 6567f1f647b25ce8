"""What ``bench/run`` measures in a separate process, so that its peak memory (max RSS) is its own.

    python -m bench.lib.child import FILE          # import_bundle FILE, timed inside the process
    python -m bench.lib.child csv URL              # stream a CSV response from the API to nowhere

Prints one JSON object on its last line of standard output: the seconds the work took (Django's start-up
excluded) and what it did. The parent reads the process's max RSS with ``os.wait4``.
"""

import io
import json
import os
import sys
import time


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factbase.settings")
    import django

    django.setup()
    what, arg = argv
    if what == "import":
        from django.core.management import call_command

        out = io.StringIO()
        start = time.perf_counter()
        call_command("import_bundle", arg, stdout=out)
        seconds = time.perf_counter() - start
        print(json.dumps({"seconds": seconds, "report": out.getvalue().splitlines()[-5:]}))
    elif what == "csv":
        from django.test import Client

        start = time.perf_counter()
        response = Client().get(arg)
        if response.status_code != 200:
            print(json.dumps({"error": f"HTTP {response.status_code}: {response.content[:300]!r}"}))
            return 1
        size = lines = 0
        for chunk in response.streaming_content:
            size += len(chunk)
            lines += chunk.count(b"\n")
        print(json.dumps({"seconds": time.perf_counter() - start, "bytes": size, "rows": lines - 1}))
    else:
        print(json.dumps({"error": f"unknown measurement {what!r}"}))
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
