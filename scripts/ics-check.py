#!/usr/bin/env python3
"""Check an iCalendar file with a real parser (the icalendar package).

Usage: scripts/ics-check.py FILE [EVENTS]

Exits 0 when FILE parses as one VCALENDAR whose VEVENTs (EVENTS of them, when given)
each have a UID, a DTSTAMP, an all-day DTSTART, a DTEND the day after, and a SUMMARY;
1 when it does not; 3 when the icalendar package is not installed.
"""
import datetime
import sys

try:
    import icalendar
except ImportError:
    print("icalendar is not installed: pip install icalendar", file=sys.stderr)
    sys.exit(3)


def main():
    path = sys.argv[1]
    want = int(sys.argv[2]) if len(sys.argv) > 2 else None
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    events = cal.walk("VEVENT")
    if want is not None and len(events) != want:
        sys.exit(f"{path}: {len(events)} events, expected {want}")
    for e in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if key not in e:
                sys.exit(f"{path}: an event has no {key}")
        start = e.decoded("DTSTART")
        end = e.decoded("DTEND")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            sys.exit(f"{path}: DTSTART is not an all-day date: {start!r}")
        if end - start != datetime.timedelta(days=1):
            sys.exit(f"{path}: DTEND is not the day after DTSTART")
    print(f"{path}: {len(events)} events, valid")


if __name__ == "__main__":
    main()
