#!/usr/bin/env python3
"""Prints what a screenshot shows, for the HTML report's browser test (Python's standard
library only): `png-inspect.py FILE RRGGBB ROWS` prints one JSON object with the image's
width and height, the fraction of pixels that are not white, and how many pixels of colour
RRGGBB lie in its first ROWS rows (the summary's background: the summary is visible there)."""
import json
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "an 8-bit RGB(A) PNG"
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, previous, at = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        previous = line
    return width, height, rows


def main():
    path, colour, top = sys.argv[1], bytes.fromhex(sys.argv[2]), int(sys.argv[3])
    width, height, rows = pixels(path)
    non_white = sum(1 for row in rows for p in row if p != (255, 255, 255))
    summary = sum(1 for row in rows[:top] for p in row if p == tuple(colour))
    print(json.dumps({"width": width, "height": height, "nonWhite": non_white / (width * height), "summaryPixels": summary}))


main()
