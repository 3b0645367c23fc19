#!/usr/bin/env python3
"""Writes the add-in icons assets/icon-{16,32,64,80}.png: "IKZ" in dark blue on white.

Standard library only (zlib + struct), so it runs without Pillow:
    python3 assets/generate-icons.py
"""

import pathlib
import struct
import zlib

BLUE = (0x1F, 0x38, 0x64)
WHITE = (0xFF, 0xFF, 0xFF)

# 3x5 bitmap glyphs, "#" = ink.
GLYPHS = {
    "I": ["###", ".#.", ".#.", ".#.", "###"],
    "K": ["#.#", "#.#", "##.", "#.#", "#.#"],
    "Z": ["###", "..#", ".#.", "#..", "###"],
}
TEXT = "IKZ"


def render(size: int) -> list[list[tuple[int, int, int]]]:
    pixels = [[WHITE] * size for _ in range(size)]
    border = max(1, size // 16)
    # Frame in the brand colour.
    for y in range(size):
        for x in range(size):
            if x < border or y < border or x >= size - border or y >= size - border:
                pixels[y][x] = BLUE
    # Text: 3 glyphs of 3 columns with 1-column gaps = 11 columns x 5 rows, scaled to fit inside the frame.
    cols, rows = len(TEXT) * 4 - 1, 5
    inner = size - 2 * border - 2 * max(1, size // 16)
    scale = max(1, inner // cols)
    left = (size - cols * scale) // 2
    top = (size - rows * scale) // 2
    for index, letter in enumerate(TEXT):
        for row, line in enumerate(GLYPHS[letter]):
            for col, mark in enumerate(line):
                if mark != "#":
                    continue
                x0 = left + (index * 4 + col) * scale
                y0 = top + row * scale
                for y in range(y0, y0 + scale):
                    for x in range(x0, x0 + scale):
                        pixels[y][x] = BLUE
    return pixels


def encode_png(pixels: list[list[tuple[int, int, int]]]) -> bytes:
    height, width = len(pixels), len(pixels[0])

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(channel for pixel in line for channel in pixel) for line in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    here = pathlib.Path(__file__).resolve().parent
    for size in (16, 32, 64, 80):
        target = here / f"icon-{size}.png"
        target.write_bytes(encode_png(render(size)))
        print(f"{target.name}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
