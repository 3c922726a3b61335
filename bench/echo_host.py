#!/usr/bin/python3
"""The smallest native-messaging host in Python: the baseline for bench/startup.sh. Answers each frame with one small
fixed reply frame until stdin closes. Run with Debian's /usr/bin/python3 (a pyenv shim on PATH costs ~300 ms per start)."""
import struct
import sys

REPLY = b'{"id":1,"type":"hello","protocol":1,"hostVersion":"echo-python"}'


def main():
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        header = stdin.read(4)
        if len(header) < 4:
            return 0
        (length,) = struct.unpack("<I", header)
        if len(stdin.read(length)) < length:
            return 1
        stdout.write(struct.pack("<I", len(REPLY)) + REPLY)
        stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
