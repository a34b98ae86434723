#!/usr/bin/env python3
# Run from the repository root: python3 scripts/make-icons.py (writes public/icons/*.png).
# Draws the favicon's mark (rounded square, ring, dot) as PNGs, with no image library.
import struct, zlib, sys
BG = (0x12, 0x3c, 0x5a)
def png(path, size, maskable):
    ss = 4; n = size * ss
    c = n / 2; k = n / 64 * (0.7 if maskable else 1)
    ring_r, ring_w, dot_r, rx = 18 * k, 5 * k, 6 * k, 12 * n / 64
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    px, py = x * ss + sx + .5, y * ss + sy + .5
                    inside = True
                    if not maskable:
                        dx = max(rx - px, 0, px - (n - rx)); dy = max(rx - py, 0, py - (n - rx))
                        inside = dx * dx + dy * dy <= rx * rx
                    if not inside: continue
                    d = ((px - c) ** 2 + (py - c) ** 2) ** .5
                    col = (255, 255, 255) if d <= dot_r or abs(d - ring_r) <= ring_w / 2 else BG
                    acc[0] += col[0]; acc[1] += col[1]; acc[2] += col[2]; acc[3] += 255
            a = acc[3] // (ss * ss)
            if acc[3]:
                row += bytes([acc[0] * 255 // acc[3], acc[1] * 255 // acc[3], acc[2] * 255 // acc[3], a])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)
for s in (192, 512):
    png(f'public/icons/icon-{s}.png', s, False)
    png(f'public/icons/maskable-{s}.png', s, True)
