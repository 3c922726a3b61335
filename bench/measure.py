#!/usr/bin/python3
"""Whole-process measurements for bench/startup.sh; prints a Markdown table. Measures, asserts nothing.

cold start: spawn the host as a browser would, send one `hello` frame, time until the whole reply frame is read
            (median of --runs; one unmeasured run first so the database exists and the page cache is warm).
round trip: one process, then --requests sequential `assessPage` frames over the pipe, each timed write -> reply (p50/p99).
RSS:        the host's VmRSS and peak VmHWM from /proc after the round trips.
The same driver times every host, so its own overhead is in every row equally.
"""
import argparse
import json
import os
import statistics
import struct
import subprocess
import tempfile
import time

ORIGIN = "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/"
HELLO = json.dumps({"id": 1, "type": "hello"}).encode()
ASSESS = json.dumps({"id": 2, "type": "assessPage", "url": "https://mychart.ucsf.edu/MyChart/",
                     "signals": {"hasPasswordField": True, "hasRememberMe": True, "brandWords": ["MyChart"]}}).encode()


def frame(payload):
    return struct.pack("<I", len(payload)) + payload


def read_frame(stream):
    header = stream.read(4)
    if len(header) < 4:
        raise RuntimeError("host closed the pipe before replying")
    (length,) = struct.unpack("<I", header)
    payload = stream.read(length)
    if len(payload) < length:
        raise RuntimeError("host closed the pipe inside a frame")
    return payload


def spawn(command, env):
    return subprocess.Popen(command + [ORIGIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, bufsize=0)


def cold_start(command, env):
    start = time.perf_counter_ns()
    process = spawn(command, env)
    process.stdin.write(frame(HELLO))
    read_frame(process.stdout)
    elapsed = time.perf_counter_ns() - start
    process.stdin.close()
    process.wait(timeout=30)
    return elapsed / 1e6


def round_trips(command, env, requests):
    process = spawn(command, env)
    process.stdin.write(frame(HELLO))
    read_frame(process.stdout)
    for _ in range(50):  # warm-up, not counted
        process.stdin.write(frame(ASSESS))
        read_frame(process.stdout)
    times = []
    for _ in range(requests):
        start = time.perf_counter_ns()
        process.stdin.write(frame(ASSESS))
        read_frame(process.stdout)
        times.append((time.perf_counter_ns() - start) / 1e6)
    rss = hwm = None
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    process.stdin.close()
    process.wait(timeout=30)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))], rss, hwm


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("hosts", nargs="+", help="name=command (command split on spaces)")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="pg-bench-")
    # Offline: the benchmark's portal is a real public name, and a benchmark looks up no public name (nor should its
    # figures depend on an outside resolver). This measures the host's own work: parsing, identity, posture, verdict.
    env = dict(os.environ, PORTALGUARD_DATA_DIR=data, PORTALGUARD_POLICY_FILE=os.path.join(data, "no-policy.json"),
               PORTALGUARD_OFFLINE="1")
    env.pop("PORTALGUARD_ALLOWED_ORIGINS", None)
    hosts = [(h.split("=", 1)[0], h.split("=", 1)[1].split(" ")) for h in args.hosts]

    for _, command in hosts:  # unmeasured: creates the database, warms the page cache
        cold_start(command, env)
    # Interleaved, so a noisy neighbour on this shared machine hits every host alike.
    starts = {name: [] for name, _ in hosts}
    for _ in range(args.runs):
        for name, command in hosts:
            starts[name].append(cold_start(command, env))
    medians = {name: statistics.median(values) for name, values in starts.items()}

    c_name, py_name = hosts[0][0], hosts[1][0]
    print(f"cold start = spawn to full `hello` reply, median of {args.runs}; round trip = `assessPage` over the pipe, {args.requests} requests")
    print()
    print("| host | cold start median (ms) | min–max (ms) | × C | × Python | assessPage p50 (ms) | p99 (ms) | RSS (MB) | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, command in hosts:
        p50, p99, rss, hwm = round_trips(command, env, args.requests)
        m = medians[name]
        print(f"| {name} | {m:.1f} | {min(starts[name]):.1f}–{max(starts[name]):.1f} | {m / medians[c_name]:.2f} | {m / medians[py_name]:.2f} "
              f"| {p50:.3f} | {p99:.3f} | {rss:.1f} | {hwm:.1f} |")


if __name__ == "__main__":
    main()
