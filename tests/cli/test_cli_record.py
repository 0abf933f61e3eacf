#!/usr/bin/python3
"""`bouncelab record` without hardware: a pseudo-terminal stands for the
Pico's serial device, fed with what the firmware stub's bounce_recorder
really printed (tests/firmware writes it), and with truncated, corrupted and
stalled streams; then bad, busy and unplugged devices.

usage: test_cli_record.py BOUNCELAB SCRATCH_DIR FIRMWARE_OUT_DIR
"""
import os
import pty
import shutil
import signal
import subprocess
import sys
import time

BOUNCELAB, SCRATCH, CAPTURES = sys.argv[1:4]
shutil.rmtree(SCRATCH, ignore_errors=True)
os.makedirs(SCRATCH)
failures = 0


def check(ok, what, proc=None):
    global failures
    if not ok:
        failures += 1
        print("FAIL:", what, file=sys.stderr)
        if proc is not None:
            print("  status", proc.returncode, "stderr:", proc.stderr_text, file=sys.stderr)


def read(path):
    with open(path) as f:
        return f.read()


def rows_of(text):
    lines = text.split("\n")
    return [l for l in lines[lines.index("t_ns,level") + 1:] if l and not l.startswith("#")]


def end_ns_of(text):
    for l in text.split("\n"):
        if l.startswith("# end_ns:"):
            return int(l.split(":")[1])
    return None


class Device:
    """A pty: the slave is the 'serial device' bouncelab opens; we write the master."""

    def __init__(self):
        self.master, slave = pty.openpty()
        self.path = os.ttyname(slave)
        os.close(slave)

    def write(self, data, chunk=256, pause=0.0):
        for i in range(0, len(data), chunk):
            os.write(self.master, data[i:i + chunk].encode())
            if pause:
                time.sleep(pause)

    def unplug(self):
        os.close(self.master)


def record(dev_path, out, *args):
    err = open(os.path.join(SCRATCH, ".stderr"), "w+")
    proc = subprocess.Popen([BOUNCELAB, "record", dev_path, "-o", out, *args],
                            stdout=subprocess.DEVNULL, stderr=err)
    proc.err = err
    return proc


def finish(proc, timeout=15):
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        proc.returncode = "hung"
    proc.err.seek(0)
    proc.stderr_text = proc.err.read()
    return proc


def valid_trace(path, what):
    """bouncelab's own reader takes the file."""
    info = subprocess.run([BOUNCELAB, "info", path], capture_output=True, text=True)
    check(info.returncode == 0, what + ": bouncelab info reads it (" + info.stderr.strip() + ")")
    return info.stdout


capture = read(os.path.join(CAPTURES, "recorder_capture.csv"))
overflow = read(os.path.join(CAPTURES, "recorder_overflow.csv"))
capture_rows = rows_of(capture)
# the capture's last row is at 1.75 s; the planned end (10 s) is far off


def started(proc, dev):
    time.sleep(0.3)  # bouncelab has opened the device and set raw mode


# 1. the stub's real output, stopped by --for 2s: every row, end_ns 2 s
dev = Device()
out = os.path.join(SCRATCH, "for.csv")
p = record(dev.path, out, "--for", "2s")
started(p, dev)
dev.write("garbage from before the reset\n" + capture)
finish(p)
check(p.returncode == 0, "--for 2s: exit 0", p)
text = read(out)
check(rows_of(text) == capture_rows, "--for 2s: the recorder's rows, unchanged")
check(end_ns_of(text) == 2000000000, "--for 2s: end_ns at the stop")
check("presses:   2" in valid_trace(out, "--for"), "--for: two presses")
check("\r" not in p.stderr_text and "waiting" not in p.stderr_text,
      "no progress line when stderr is not a terminal", p)
check("2 presses" in p.stderr_text, "says what it recorded", p)
dev.unplug()

# 2. --presses 2: stops once the second release has settled (20 ms after 1.75 s)
dev = Device()
out = os.path.join(SCRATCH, "presses.csv")
p = record(dev.path, out, "--presses", "2")
started(p, dev)
dev.write(capture)
finish(p)
check(p.returncode == 0, "--presses 2: exit 0", p)
text = read(out)
check(rows_of(text) == capture_rows, "--presses 2: every row")
check(1770000000 <= end_ns_of(text) < 10000000000, "--presses 2: ends after the settle")
valid_trace(out, "--presses")
dev.unplug()

# 3. SIGINT: a complete trace up to the stop
dev = Device()
out = os.path.join(SCRATCH, "sigint.csv")
p = record(dev.path, out)
started(p, dev)
dev.write(capture)
time.sleep(0.5)
p.send_signal(signal.SIGINT)
finish(p)
check(p.returncode == 0, "SIGINT: exit 0", p)
text = read(out)
check(rows_of(text) == capture_rows, "SIGINT: every row")
check(1750000000 <= end_ns_of(text) < 10000000000, "SIGINT: end_ns at or after the last row")
valid_trace(out, "SIGINT")
dev.unplug()

# 4. truncated: the device goes away mid-row; what came is kept, valid
dev = Device()
out = os.path.join(SCRATCH, "unplugged.csv")
p = record(dev.path, out)
started(p, dev)
cut = capture.index("600000400,0")
dev.write(capture[:cut + 5])
time.sleep(0.3)
dev.unplug()
finish(p)
check(p.returncode == 1, "unplugged: exit 1", p)
check("went away" in p.stderr_text, "unplugged: says so", p)
text = read(out)
check(rows_of(text) == capture_rows[:7], "unplugged: the rows before the cut")
check(end_ns_of(text) == 600000000, "unplugged: ends at the last row")
valid_trace(out, "unplugged")

# 5. corrupted: a mangled row is an error naming the line; the rows before are kept
dev = Device()
out = os.path.join(SCRATCH, "corrupt.csv")
p = record(dev.path, out)
started(p, dev)
dev.write(capture.replace("600000400,0", "6000#0400,0"))
finish(p)
check(p.returncode == 2, "corrupted: exit 2", p)
check(":12: '6000#0400,0' is not a row" in p.stderr_text, "corrupted: names line and row", p)
check(rows_of(read(out)) == capture_rows[:7], "corrupted: the rows before it")
valid_trace(out, "corrupted")
dev.unplug()

# 6. stalled mid-row, then --for: the half row is dropped, the trace ends at --for
dev = Device()
out = os.path.join(SCRATCH, "stalled.csv")
p = record(dev.path, out, "--for", "1500ms")
started(p, dev)
cut = capture.index("1750000000,1")
dev.write(capture[:cut + 4])
finish(p)
check(p.returncode == 0, "stalled: exit 0 at --for", p)
text = read(out)
check(rows_of(text) == capture_rows[:-1], "stalled: every whole row")
check(end_ns_of(text) == 1500000000, "stalled: ends at --for")
dev.unplug()

# 7. the recorder's overflow: an error with its time; the rows before it, ending there
dev = Device()
out = os.path.join(SCRATCH, "overflow.csv")
p = record(dev.path, out)
started(p, dev)
dev.write(overflow + "700000000,1\n")
finish(p)
check(p.returncode == 1, "overflow: exit 1", p)
check("lost edges" in p.stderr_text and "100003600" in p.stderr_text, "overflow: says when", p)
text = read(out)
check(rows_of(text) == rows_of(overflow), "overflow: nothing after it kept")
check(end_ns_of(text) == 100003600, "overflow: ends where edges were lost")
valid_trace(out, "overflow")
dev.unplug()

# 8. the recorder's error line instead of a capture: exit 2, no file
dev = Device()
out = os.path.join(SCRATCH, "fwerror.csv")
p = record(dev.path, out)
started(p, dev)
dev.write("bounce_recorder: error: no free PIO state machine\n")
finish(p)
check(p.returncode == 2, "recorder error: exit 2", p)
check("no free PIO state machine" in p.stderr_text, "recorder error: shown", p)
check(not os.path.exists(out), "recorder error: no file")
dev.unplug()

# 9. a header that is not the recorder's
dev = Device()
out = os.path.join(SCRATCH, "badheader.csv")
p = record(dev.path, out)
started(p, dev)
dev.write("# bouncelab trace v1\n# active: sideways\n")
finish(p)
check(p.returncode == 2 and "# active: low|high" in p.stderr_text, "bad header: exit 2", p)
dev.unplug()

# 10. bad devices: none there, not a serial device
for path, why in [("/nonexistent/ttyACM9", "No such file"),
                  (os.path.join(SCRATCH, "for.csv"), "not a serial device")]:
    out = os.path.join(SCRATCH, "bad.csv")
    p = finish(record(path, out))
    check(p.returncode == 2 and why in p.stderr_text, "bad device " + path, p)
    check(not os.path.exists(out), "bad device: no file")

# 11. busy: a second recorder on the same device is refused; the first goes on
dev = Device()
first = record(dev.path, os.path.join(SCRATCH, "first.csv"), "--for", "2s")
started(first, dev)
second = finish(record(dev.path, os.path.join(SCRATCH, "second.csv")))
check(second.returncode == 1 and "busy" in second.stderr_text, "busy device: exit 1", second)
dev.write(capture)
finish(first)
check(first.returncode == 0, "busy: the first recording completes", first)
dev.unplug()

# 12. on a terminal: a live progress line (presses, edges, longest bounce: the
# capture's first press bounces from 100000000 to 100003600 ns, 3.6 us)
dev = Device()
term_master, term_slave = pty.openpty()
out = os.path.join(SCRATCH, "tty.csv")
p = subprocess.Popen([BOUNCELAB, "record", dev.path, "-o", out, "--for", "2s"],
                     stdout=subprocess.DEVNULL, stderr=term_slave)
time.sleep(0.3)
dev.write(capture)
p.wait(15)
os.close(term_slave)
shown = b""
try:
    while True:
        chunk = os.read(term_master, 4096)
        if not chunk:
            break
        shown += chunk
except OSError:
    pass
shown = shown.decode()
check("\rpresses 2, edges 12, longest bounce 3.6 us" in shown, "progress on a terminal: " + shown)
check(p.returncode == 0, "progress on a terminal: exit 0")
dev.unplug()

# 13. bad options
for args in (["--presses", "2", "--for", "1s"], ["--baud", "12345"], ["--for", "0s"]):
    p = finish(record("/dev/null", os.path.join(SCRATCH, "x.csv"), *args))
    check(p.returncode == 2, "bad options " + " ".join(args), p)

if failures:
    print(failures, "expectation(s) failed", file=sys.stderr)
    sys.exit(1)
print("all expectations met")
