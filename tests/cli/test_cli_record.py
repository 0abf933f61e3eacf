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
        self.master = None


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


def wait_open(proc, path):
    """Until bouncelab holds the device open (a loaded machine may take a while)."""
    for _ in range(200):
        try:
            fds = os.listdir("/proc/%d/fd" % proc.pid)
            if any(os.path.realpath("/proc/%d/fd/%s" % (proc.pid, fd)) == path for fd in fds):
                break
        except OSError:
            pass
        time.sleep(0.05)
    time.sleep(0.2)  # and has set raw mode


def session(name, feed, *args, then=None):
    """Records from a fresh device into SCRATCH/name, which is fed `feed` once
    bouncelab has opened it; then(proc, dev) runs before the wait for the end,
    which unplugs the device. Returns the finished process and the output path."""
    dev = Device()
    out = os.path.join(SCRATCH, name)
    proc = record(dev.path, out, *args)
    wait_open(proc, dev.path)
    dev.write(feed)
    if then is not None:
        then(proc, dev)
    finish(proc)
    if dev.master is not None:
        dev.unplug()
    return proc, out


# 1. the stub's real output, stopped by --for 2s: every row, end_ns 2 s
p, out = session("for.csv", "garbage from before the reset\n" + capture, "--for", "2s")
check(p.returncode == 0, "--for 2s: exit 0", p)
text = read(out)
check(rows_of(text) == capture_rows, "--for 2s: the recorder's rows, unchanged")
check(end_ns_of(text) == 2000000000, "--for 2s: end_ns at the stop")
check("presses:   2" in valid_trace(out, "--for"), "--for: two presses")
check("\r" not in p.stderr_text and "waiting" not in p.stderr_text,
      "no progress line when stderr is not a terminal", p)
check("2 presses" in p.stderr_text, "says what it recorded", p)


# 2. --presses 2: stops once the second release has settled (20 ms after 1.75 s)
p, out = session("presses.csv", capture, "--presses", "2")
check(p.returncode == 0, "--presses 2: exit 0", p)
text = read(out)
check(rows_of(text) == capture_rows, "--presses 2: every row")
check(1770000000 <= end_ns_of(text) < 10000000000, "--presses 2: ends after the settle")
valid_trace(out, "--presses")


# 3. SIGINT: a complete trace up to the stop
p, out = session("sigint.csv", capture,
                 then=lambda proc, dev: (time.sleep(0.5), proc.send_signal(signal.SIGINT)))
check(p.returncode == 0, "SIGINT: exit 0", p)
text = read(out)
check(rows_of(text) == capture_rows, "SIGINT: every row")
check(1750000000 <= end_ns_of(text) < 10000000000, "SIGINT: end_ns at or after the last row")
valid_trace(out, "SIGINT")

# 4. truncated: the device goes away mid-row; what came is kept, valid
cut = capture.index("600000400,0")
p, out = session("unplugged.csv", capture[:cut + 5],
                 then=lambda proc, dev: (time.sleep(0.3), dev.unplug()))
check(p.returncode == 1, "unplugged: exit 1", p)
check("went away" in p.stderr_text, "unplugged: says so", p)
text = read(out)
check(rows_of(text) == capture_rows[:7], "unplugged: the rows before the cut")
check(end_ns_of(text) == 600000000, "unplugged: ends at the last row")
valid_trace(out, "unplugged")

# 5. corrupted: a mangled row is an error naming the line; the rows before are kept
p, out = session("corrupt.csv", capture.replace("600000400,0", "6000#0400,0"))
check(p.returncode == 2, "corrupted: exit 2", p)
check(":12: '6000#0400,0' is not a row" in p.stderr_text, "corrupted: names line and row", p)
check(rows_of(read(out)) == capture_rows[:7], "corrupted: the rows before it")
valid_trace(out, "corrupted")


# 6. stalled mid-row, then --for: the half row is dropped, the trace ends at --for
cut = capture.index("1750000000,1")
p, out = session("stalled.csv", capture[:cut + 4], "--for", "1500ms")
check(p.returncode == 0, "stalled: exit 0 at --for", p)
text = read(out)
check(rows_of(text) == capture_rows[:-1], "stalled: every whole row")
check(end_ns_of(text) == 1500000000, "stalled: ends at --for")

# 7. the recorder's overflow: an error with its time; the rows before it, ending there
p, out = session("overflow.csv", overflow + "700000000,1\n")
check(p.returncode == 1, "overflow: exit 1", p)
check("lost edges" in p.stderr_text and "100003600" in p.stderr_text, "overflow: says when", p)
text = read(out)
check(rows_of(text) == rows_of(overflow), "overflow: nothing after it kept")
check(end_ns_of(text) == 100003600, "overflow: ends where edges were lost")
valid_trace(out, "overflow")


# 8. the recorder's error line instead of a capture: exit 2, no file
p, out = session("fwerror.csv", "bounce_recorder: error: no free PIO state machine\n")
check(p.returncode == 2, "recorder error: exit 2", p)
check("no free PIO state machine" in p.stderr_text, "recorder error: shown", p)
check(not os.path.exists(out), "recorder error: no file")


# 9. a header that is not the recorder's
p, out = session("badheader.csv", "# bouncelab trace v1\n# active: sideways\n")
check(p.returncode == 2 and "# active: low|high" in p.stderr_text, "bad header: exit 2", p)


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
wait_open(first, dev.path)
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
wait_open(p, dev.path)
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
