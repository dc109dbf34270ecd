#!/usr/bin/env python3
"""Offline verifier for the mdcoop joint audit log (format mdcoop-audit-v1).

Usage: audit-verify.py <export.json> [--expect-head HASH]

Reads the document returned by GET /api/audit/export and recomputes the SHA-256 hash chain without trusting the
service. Exit status: 0 the chain is valid, 1 the chain is broken (the first broken entry's seq and the reason are
printed), 2 usage error or unreadable input. Python 3 standard library only. See README.md and docs/audit.md.
"""

import hashlib
import json
import re
import sys
from datetime import datetime

FORMAT = "mdcoop-audit-v1"
GENESIS_HASH = "0" * 64
HEX64 = re.compile(r"[0-9a-f]{64}")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
AT_RE = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(?:Z|\+00:00)")
PARTIES = ("NATO", "RUSSIA")


class Malformed(Exception):
    pass


def canonical_at(value):
    """Normalises an ISO-8601 UTC instant to uuuu-MM-ddTHH:mm:ss.SSSSSSZ (the form that is hashed)."""
    if not isinstance(value, str):
        raise Malformed("at must be a string")
    m = AT_RE.fullmatch(value)
    if not m:
        raise Malformed("at is not an ISO-8601 UTC instant: %r" % value)
    date, time, frac = m.group(1), m.group(2), (m.group(3) or "")
    try:
        datetime.strptime(date + "T" + time, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        raise Malformed("at is not a valid date/time: %r" % value)
    frac = frac.ljust(9, "0")
    if frac[6:] != "000":
        raise Malformed("at has sub-microsecond precision: %r" % value)
    return "%sT%s.%sZ" % (date, time, frac[:6])


def text_field(entry, name):
    value = entry.get(name)
    if not isinstance(value, str) or value == "":
        raise Malformed("%s is missing" % name)
    if "\n" in value or "\r" in value:
        raise Malformed("%s contains a line break" % name)
    return value


def hex_field(entry, name):
    value = entry.get(name)
    if not isinstance(value, str) or not HEX64.fullmatch(value):
        raise Malformed("%s must be 64 lower-case hex characters" % name)
    return value


def canonical_entry(entry):
    """The canonical entry text (see docs/audit.md); raises Malformed."""
    seq = entry.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise Malformed("seq must be an integer >= 1")
    at = canonical_at(entry.get("at"))
    party = entry.get("party")
    if party is None:
        party = ""
    elif party not in PARTIES:
        raise Malformed("party must be NATO, RUSSIA or null")
    subject = text_field(entry, "subject")
    action = text_field(entry, "action")
    agreement_id = entry.get("agreementId")
    if agreement_id is None:
        agreement_id = ""
    elif not isinstance(agreement_id, str) or not UUID_RE.fullmatch(agreement_id):
        raise Malformed("agreementId must be a UUID or null")
    else:
        agreement_id = agreement_id.lower()
    payload_digest = hex_field(entry, "payloadDigest")
    return "\n".join([FORMAT, str(seq), at, party, subject, action, agreement_id, payload_digest])


def compute_hash(prev_hash, canonical):
    return hashlib.sha256((prev_hash + "\n" + canonical).encode("utf-8")).hexdigest()


def verify(entries):
    """Returns (valid, checked, broken_seq, failure, reason, head_seq, head_hash)."""
    expected_seq = 1
    expected_prev = GENESIS_HASH
    head_seq, head_hash = 0, GENESIS_HASH
    checked = 0
    for position, entry in enumerate(entries, start=1):
        seq = entry.get("seq") if isinstance(entry, dict) else None
        label = seq if isinstance(seq, int) and not isinstance(seq, bool) else "?(position %d)" % position
        try:
            if not isinstance(entry, dict):
                raise Malformed("entry is not an object")
            canonical = canonical_entry(entry)
            prev_hash = hex_field(entry, "prevHash")
            stored_hash = hex_field(entry, "hash")
        except Malformed as e:
            return False, checked, label, "MALFORMED", str(e), head_seq, head_hash
        if seq != expected_seq:
            return (False, checked, label, "SEQ_GAP", "expected seq %d, found %d (an entry was removed, inserted or "
                    "reordered)" % (expected_seq, seq), head_seq, head_hash)
        if prev_hash != expected_prev:
            what = "the genesis hash" if checked == 0 else "the previous hash"
            return (False, checked, label, "PREV_HASH_MISMATCH", "prevHash %s does not match %s %s"
                    % (prev_hash, what, expected_prev), head_seq, head_hash)
        recomputed = compute_hash(prev_hash, canonical)
        if recomputed != stored_hash:
            return (False, checked, label, "HASH_MISMATCH", "stored hash %s does not match recomputed %s (the entry "
                    "was modified)" % (stored_hash, recomputed), head_seq, head_hash)
        checked += 1
        expected_seq += 1
        expected_prev = stored_hash
        head_seq, head_hash = seq, stored_hash
    return True, checked, None, None, None, head_seq, head_hash


def main(argv):
    args = list(argv[1:])
    expect_head = None
    if "--expect-head" in args:
        i = args.index("--expect-head")
        if i + 1 >= len(args):
            print("usage: audit-verify.py <export.json> [--expect-head HASH]", file=sys.stderr)
            return 2
        expect_head = args[i + 1].lower()
        del args[i:i + 2]
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: audit-verify.py <export.json> [--expect-head HASH]", file=sys.stderr)
        return 2
    try:
        with open(args[0], "r", encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print("error: cannot read %s: %s" % (args[0], e), file=sys.stderr)
        return 2
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        print("error: the document has no \"entries\" array", file=sys.stderr)
        return 2
    fmt = document.get("format", FORMAT)
    if fmt != FORMAT:
        print("error: unsupported format %r (expected %s)" % (fmt, FORMAT), file=sys.stderr)
        return 2

    valid, checked, broken_seq, failure, reason, head_seq, head_hash = verify(document["entries"])
    if not valid:
        print("BROKEN at seq %s: %s: %s" % (broken_seq, failure, reason))
        print("%d entries verified before the break; last good entry: seq %d hash %s" % (checked, head_seq, head_hash))
        return 1
    if expect_head is not None and expect_head != head_hash:
        print("BROKEN at seq %d: HEAD_MISMATCH: the chain ends with hash %s, expected head %s (entries were removed "
              "at the end, or the chain was rewritten)" % (head_seq, head_hash, expect_head))
        return 1
    print("OK: %d entries verified; head seq %d hash %s" % (checked, head_seq, head_hash))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
