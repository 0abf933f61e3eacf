#!/usr/bin/python3
"""What sigrok-cli itself says a capture holds, as bouncelab's native rows.

Reads sigrok-cli's plain CSV (-O csv: no time column, one row per sample,
sample n at n / samplerate) on stdin, or with --binary a raw file of one
byte per sample (bit k is channel k), and prints "end <ns>" then
"<t_ns>,<level>" for the first sample and every change of one column,
times rounded to the nearest ns. --analog puts the column's volts through
the RP2040 input thresholds (0 at or below 0.8 V, 1 at or above 2.0 V,
held between; the first sample takes the nearer threshold): a second,
independent reading of what bouncelab's Schmitt trigger should give.
"""
import argparse
import sys
from fractions import Fraction

VIL, VIH = Fraction("0.8"), Fraction("2.0")


def samples_from_csv(column):
    for line in sys.stdin:
        line = line.strip()
        if not line or line.startswith(";") or ":" in line:
            continue  # header, or sigrok-cli's "A0: -10.0000 V DC" prints
        fields = [f.strip() for f in line.split(",")]
        try:
            values = [Fraction(f) for f in fields]
        except ValueError:
            continue  # the label row ("logic,logic" or "V DC")
        yield values[column]


def samples_from_binary(path, column):
    with open(path, "rb") as f:
        for byte in f.read():
            yield Fraction((byte >> column) & 1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rate", type=int, required=True, help="samplerate, Hz")
    p.add_argument("--column", type=int, default=0)
    p.add_argument("--analog", action="store_true")
    p.add_argument("--binary")
    a = p.parse_args()
    src = samples_from_binary(a.binary, a.column) if a.binary else samples_from_csv(a.column)
    rows, level, total = [], None, 0
    for n, v in enumerate(src):
        total = n + 1
        if a.analog:
            if level is None:
                new = v >= VIH or (v > VIL and v - VIL >= VIH - v)
            else:
                new = True if v >= VIH else False if v <= VIL else level
        else:
            new = v == 1
        if new != level:
            rows.append((n, new))
            level = new

    def ns(k):
        return (k * 10**9 + a.rate // 2) // a.rate

    print("end %d" % ns(total))
    for k, lv in rows:
        print("%d,%d" % (ns(k), 1 if lv else 0))


if __name__ == "__main__":
    main()
