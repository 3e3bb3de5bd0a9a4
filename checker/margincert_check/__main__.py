"""python3 -m margincert_check DIR: re-verifies every *.json certificate below DIR.

Prints each rejected and each not checkable certificate with the reason, then
`N re-verified, M rejected, K not checkable`; exit status 1 when any is rejected, 2 on a bad
command line."""
import json
import os
import sys
import time

from .exact import NotCheckable, Rejected
from .verify import check_document


def certificate_files(folder):
    for root, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith(".json"):
                yield os.path.join(root, name)


def check_file(path):
    """('re-verified' | 'rejected' | 'not checkable', reason)."""
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        check_document(document)
        return "re-verified", ""
    except Rejected as e:
        return "rejected", str(e)
    except NotCheckable as e:
        return "not checkable", str(e)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        return "rejected", "malformed certificate: %s" % e
    except RecursionError:
        return "not checkable", "expression too deep"


def main(argv):
    if len(argv) != 1 or not os.path.isdir(argv[0]):
        print("usage: python3 -m margincert_check DIR (a folder of certificates written by margincert check --certificates DIR)",
              file=sys.stderr)
        return 2
    counts = {"re-verified": 0, "rejected": 0, "not checkable": 0}
    start = time.monotonic()
    for path in certificate_files(argv[0]):
        status, reason = check_file(path)
        counts[status] += 1
        if status != "re-verified":
            print("%s: %s: %s" % (path, status, reason))
    print("%d re-verified, %d rejected, %d not checkable (%.1f s)"
          % (counts["re-verified"], counts["rejected"], counts["not checkable"], time.monotonic() - start))
    return 1 if counts["rejected"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
