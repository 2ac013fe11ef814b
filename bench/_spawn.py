"""Run a command as a grandchild of a fresh, small process and report its wall time and peak RSS.

Usage: python -S bench/_spawn.py RESULT.json COMMAND...

Why: Linux keeps ru_maxrss across exec, so a child forked from the (large) benchmark process would
report the benchmark's own size as its peak. Forked from this small launcher instead, the command's
ru_maxrss (from wait4: itself and every worker it reaped) is its own. Exit code passed through.
"""

import json
import os
import sys
import time

result, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
with open(result, "w") as handle:
    json.dump({"wall": wall, "code": code, "maxrss_kb": usage.ru_maxrss, "pid": pid}, handle)
sys.exit(code if code >= 0 else 128 - code)
