"""Randomly altered certificates (seeded; the seed is in each failure message) never crash the
checker: each is re-verified, rejected or not checkable (with its reason)."""
import json
import os
import random
import tempfile
import unittest

from margincert_check.__main__ import check_file

HERE = os.path.dirname(os.path.abspath(__file__))
REPLACEMENTS = ["0", "-1", "1/0", "x", "", None, [], {}, ["num"], ["pow", ["var", "eps"]], 7, True, "<", "99/7"]


def leaves(value, path=()):
    """Every (path, leaf) of a JSON document."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, path + (i,))
    else:
        yield path, value


def replaced(document, path, new):
    if not path:
        return new
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return copy


class Malformed(unittest.TestCase):
    def test_altered_certificates_never_crash_the_checker(self):
        names = sorted(os.listdir(os.path.join(HERE, "certificates")))
        with tempfile.TemporaryDirectory() as folder:
            for seed in range(150):
                rng = random.Random(seed)
                name = rng.choice(names)
                with open(os.path.join(HERE, "certificates", name), encoding="utf-8") as f:
                    document = json.load(f)
                path, _ = rng.choice(list(leaves(document)))
                altered = replaced(document, path, rng.choice(REPLACEMENTS))
                target = os.path.join(folder, "c.json")
                with open(target, "w", encoding="utf-8") as f:
                    json.dump(altered, f)
                status, reason = check_file(target, seconds=20)
                self.assertIn(status, ("re-verified", "rejected", "not checkable"), "seed %d" % seed)


if __name__ == "__main__":
    unittest.main()
