"""Self-test of the harness's KTAP reader (tests/harness.py parse_ktap).

The harness is what turns kernel output into pass/fail, so it is tested
too: each case is a KTAP text and the verdicts it must produce. Run by the
harness as the "harness/" tests.
"""

GOOD = """KTAP version 1
1..2
    KTAP version 1
    # Subtest: a
    1..2
    ok 1 x
    ok 2 y
ok 1 a
    KTAP version 1
    # Subtest: b
    1..1
    ok 1 z
ok 2 b
"""

# (name, KTAP text, expected {result name: ok})
CASES = [
    ("all_pass", GOOD, {"a.x": True, "a.y": True, "b.z": True}),
    ("failure_with_diagnostic",
     GOOD.replace("    ok 2 y", "    # y: file.c:3: expected 1 == 2\n    not ok 2 y"),
     {"a.x": True, "a.y": False, "b.z": True}),
    ("lost_case_in_suite", GOOD.replace("    ok 2 y\n", ""),
     {"a.x": True, "a": False, "b.z": True}),
    ("lost_suite_after_panic", GOOD.split("    KTAP version 1\n    # Subtest: b")[0]
     + "Kernel panic - not syncing: oops\n",
     {"a.x": True, "a.y": True, "ktap": False}),
    ("suite_never_finished", GOOD.replace("ok 2 b\n", ""),
     {"a.x": True, "a.y": True, "ktap": False}),
    ("no_ktap_at_all", "Kernel panic - not syncing: early\n", {"ktap": False}),
    ("console_noise_and_crlf", GOOD.replace("\n", "\r\n").replace(
        "ok 1 a", "some kernel message\r\nok 1 a"),
     {"a.x": True, "a.y": True, "b.z": True}),
    ("top_level_failure_without_cases",
     "KTAP version 1\n1..1\nnot ok 1 nosuch # no such test suite\n",
     {"nosuch": False}),
    ("skip_directive",
     GOOD.replace("    ok 1 z", "    ok 1 z # SKIP needs SMP"),
     {"a.x": True, "a.y": True, "b.z": "skip"}),
]


def run(parse_ktap, Result):
    """One Result per case: does parse_ktap give exactly the verdicts?"""
    results = []
    for name, text, want in CASES:
        got = {}
        for r in parse_ktap(text, "", None):
            got[r.name] = "skip" if r.skipped else r.ok
        ok = got == want
        results.append(Result(f"harness/{name}", ok,
                              "" if ok else f"got {got}, expected {want}"))
    return results
