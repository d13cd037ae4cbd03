"""Headless Chromium with the network off: install it if missing, dump the DOM, take a screenshot."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

PACKAGES = ["chromium", "fonts-noto-cjk"]
#: every request to anywhere fails: a proxy nobody listens on and no name resolves
OFFLINE = ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--virtual-time-budget=4000", *OFFLINE]


def _have_cjk_font() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return False
    return bool(out.strip())


def ensure_chromium() -> str:
    """Path of chromium, installing Debian's chromium and a CJK font through apt when missing."""
    exe = shutil.which("chromium")
    if exe and _have_cjk_font():
        return exe
    if shutil.which("apt-get") is None:
        pytest.skip("浏览器测试跳过：未安装 chromium，且本机没有 apt-get 可用来安装（Debian/Ubuntu 上会自动安装）")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES], check=True,
                   env=env, capture_output=True)
    exe = shutil.which("chromium")
    assert exe, "apt-get 安装 chromium 后仍找不到 chromium"
    return exe


def run_chromium(exe: str, url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                          capture_output=True, text=True, timeout=90, check=False)


def console_lines(stderr: str) -> list[str]:
    """What the page wrote to its console (chromium logs it as ``INFO:CONSOLE``)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_colours(path: Path, sample: int = 4, rows: int = 480) -> int:
    """Distinct colours among every ``sample``-th pixel of the top ``rows`` of an 8-bit RGB(A) PNG.

    Plain zlib and the PNG filters, so the test needs no imaging library.
    """
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            width, height, _depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + size
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(min(height, rows)):
        start = y * (stride + 1)
        ftype, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % sample == 0:
            for x in range(0, width, sample):
                colours.add(bytes(line[x * bpp:x * bpp + 3]))
        prev = line
    return len(colours)
