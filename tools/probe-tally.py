#!/usr/bin/env python3
"""Prints the security probe tally from the test run's TRX files: each class of attack, probes tried, probes held.

A probe is one test case of the security suite (tests/GridGov.IntegrationTests/Security) or of the
two access matrices; it holds when the attack it replays fails.
"""
import glob, re, sys, collections
import xml.etree.ElementTree as ET

CLASSES = {
    "HistoryPrivacy": "masking in history and at rest",
    "Oracle": "cross-scope oracles (queues, registrations, logs)",
    "AccessMatrix": "scope and permission on every tree route",
    "RouteMatrix": "scope and permission on every other route",
    "RouteCoverage": "every route has a matrix row",
    "InputRules": "shared data, channels, enums, versions",
    "Sessions": "sessions, revocation, passwords, timing",
    "SignInLimit": "sign-in rate limits",
    "ProductionStart": "no known password in production",
    "SeparationOfDuties": "separation of duties",
    "Uploads": "upload polyglots",
    "Headers": "security headers and cookies",
    "ImportShapes": "hostile import file shapes",
    "TransientFailures": "database restarts",
    "AuditChain": "tamper-evident audit",
    "Mfa": "multi-factor sign-in",
    "AtRest": "encryption at rest and blind indexes",
}

def main(folder):
    tally = collections.OrderedDict((k, [0, 0]) for k in CLASSES)
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    for path in glob.glob(f"{folder}/**/*.trx", recursive=True):
        for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
            name = result.get("testName", "")
            m = re.match(r"GridGov\.IntegrationTests\.(?:Security\.)?(\w+?)(?:Tests)?(?:On(?:Sqlite|Postgres))?\.", name)
            if not m or m.group(1) not in tally or result.get("outcome") == "NotExecuted":
                continue
            tally[m.group(1)][0] += 1
            tally[m.group(1)][1] += result.get("outcome") == "Passed"
    tried = sum(t for t, _ in tally.values())
    held = sum(h for _, h in tally.values())
    print("== security probes: what was tried, what held")
    for key, (t, h) in tally.items():
        if t:
            print(f"  {CLASSES[key]:<48} {h:>4} / {t:<4} held")
    print(f"probes: {tried} tried, {held} held")
    return 0 if tried == held else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/trx"))
