"""Small files shaped like the real thing: an Ogg Opus voice note and PNG images."""

from __future__ import annotations

import struct
import zlib


def ogg_voice(seconds: int) -> bytes:
    """Two Ogg pages: an OpusHead, then audio whose granule position ends at `seconds`."""

    def page(header_type: int, granule: int, payload: bytes) -> bytes:
        head = b"OggS" + bytes([0, header_type]) + struct.pack("<q", granule)
        return head + struct.pack("<III", 1, 0, 0) + bytes([1, len(payload)]) + payload

    opus_head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HIhB", 312, 48000, 0, 0)
    return page(2, 0, opus_head) + page(4, seconds * 48000, b"\xfc" * 40)


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )
