"""python3 -m margincert_check DIR [--jobs N] [--seconds S]: re-verifies every *.json
certificate below DIR, in N processes (default: the number of cores), each certificate within
S seconds (default 20; past it, not checkable).

Prints each rejected and each not checkable certificate with the reason, then
`N re-verified, M rejected, K not checkable`; exit status 1 when any is rejected, 2 on a bad
command line."""
import argparse
import json
import multiprocessing
import os
import signal
import sys
import time

from .exact import NotCheckable, Rejected
from .verify import check_document


def certificate_files(folder):
    for root, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith(".json"):
                yield os.path.join(root, name)


class _OutOfTime(Exception):
    pass


def _out_of_time(*_):
    raise _OutOfTime()


def check_file(path, seconds=0):
    """('re-verified' | 'rejected' | 'not checkable', reason)."""
    if seconds:
        signal.signal(signal.SIGALRM, _out_of_time)
        signal.alarm(seconds)
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        check_document(document)
        return "re-verified", ""
    except Rejected as e:
        return "rejected", str(e)
    except NotCheckable as e:
        return "not checkable", str(e)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        return "rejected", "malformed certificate: %s" % e
    except ZeroDivisionError:
        return "not checkable", "a division by zero in an exact step"
    except RecursionError:
        return "not checkable", "expression too deep"
    except _OutOfTime:
        return "not checkable", "took more than %d s (raise --seconds)" % seconds
    finally:
        if seconds:
            signal.alarm(0)


def _check(job):
    path, seconds = job
    return (path,) + check_file(path, seconds)


def main(argv):
    parser = argparse.ArgumentParser(prog="python3 -m margincert_check",
                                     description="Re-verify the certificates written by margincert check --certificates DIR.")
    parser.add_argument("folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seconds", type=int, default=20)
    options = parser.parse_args(argv)
    if not os.path.isdir(options.folder) or options.jobs < 1 or options.seconds < 1:
        parser.print_usage(sys.stderr)
        print("error: give a folder of certificates, a positive --jobs and --seconds", file=sys.stderr)
        return 2
    counts = {"re-verified": 0, "rejected": 0, "not checkable": 0}
    start = time.monotonic()
    jobs = [(path, options.seconds) for path in certificate_files(options.folder)]
    with multiprocessing.Pool(options.jobs) as pool:
        for path, status, reason in pool.imap(_check, jobs):
            counts[status] += 1
            if status != "re-verified":
                print("%s: %s: %s" % (path, status, reason))
    print("%d re-verified, %d rejected, %d not checkable (%.1f s)"
          % (counts["re-verified"], counts["rejected"], counts["not checkable"], time.monotonic() - start))
    return 1 if counts["rejected"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
